"""askspec's settings: flags over the environment over config files.

``files`` finds and reads the config files; ``smtp`` gathers the SMTP settings;
``password`` says where a password comes from and which server it may go to;
``language`` picks the language requests are written in.
"""
