"""The e-mailed request: the MIME message (``message``, with its HTML part from
``body``) and sending it over SMTP (``smtp``, driven by ``deliver``)."""
