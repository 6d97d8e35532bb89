"""Reading the answers back: a filled request, a reply e-mail, an issue or a checklist.

``format`` is how an answer is written in a request; ``markdown``, ``mail`` and
``files`` read answers from each kind of file; ``check`` says what is still open and
carries the answers into the next request.
"""
