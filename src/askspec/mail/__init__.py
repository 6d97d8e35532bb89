"""The e-mailed request: the MIME message (``message``, with its HTML part from
``body``) and sending it over SMTP (``smtp``). The ``email`` command that builds,
saves and sends it is :mod:`askspec.cli.email`."""
