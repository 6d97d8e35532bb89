"""The command line: ``askspec scan``, ``generate``, ``email``, ``check``, ``templates``.

``app`` holds the commands, ``email_command`` the e-mail command's options,
``templates`` the template commands, ``email`` the e-mail command's job (build the
message, save it, send it only when asked), ``dates`` the request's date, ``common`` what
they share. Each command imports the work it does when it runs, so ``--version`` starts
fast.
"""

from askspec.cli.app import app, main

__all__ = ["app", "main"]
