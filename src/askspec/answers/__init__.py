"""Reading the answers back: a filled request, a reply e-mail, an issue or a checklist.

``reading`` holds what a document answers; ``markdown`` (with ``markdown_outline``),
``mail`` and ``files`` read answers from each kind of file; ``assessment`` sorts them
into answered, open and vague; ``check`` reads every file given and carries the answers
into the next request. How an answer is written in a request is
:mod:`askspec.request.answer_format`.
"""
