"""A real SMTP server for tests: aiosmtpd on 127.0.0.1, a free port, optional TLS and AUTH."""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
import ssl
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

HOST = "127.0.0.1"
USER = "mailer"
PASSWORD = "s3cret-Pa55-never-shown"


@dataclass(frozen=True)
class Received:
    """One message as the server got it."""

    mail_from: str
    rcpt_tos: tuple[str, ...]
    data: bytes
    tls: bool
    login: bytes | None


@dataclass
class Recorder:
    """An aiosmtpd handler that keeps every message and login attempt, and refuses chosen
    recipients."""

    refuse: set[str] = field(default_factory=set)
    messages: list[Received] = field(default_factory=list)
    #: Every EHLO, so a test can tell that nothing even connected.
    greetings: list[str] = field(default_factory=list)
    #: Every AUTH attempt as (login, password), accepted or not.
    logins: list[tuple[bytes, bytes]] = field(default_factory=list)
    #: The one password authenticate() accepts for USER.
    password: str = PASSWORD

    async def handle_EHLO(  # noqa: N802 - aiosmtpd's hook name
        self, server: Any, session: Any, envelope: Any, hostname: str, responses: list[str]
    ) -> list[str]:
        self.greetings.append(hostname)
        session.host_name = hostname
        return responses

    def authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
    ) -> AuthResult:
        """Record the attempt; accept only USER with the recorder's password."""
        ok = False
        if isinstance(auth_data, LoginPassword):
            self.logins.append((auth_data.login, auth_data.password))
            ok = auth_data == (USER.encode(), self.password.encode())
        return AuthResult(success=ok, handled=False, auth_data=auth_data)

    async def handle_RCPT(  # noqa: N802 - aiosmtpd's hook name
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        if address in self.refuse:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        self.messages.append(
            Received(
                envelope.mail_from,
                tuple(envelope.rcpt_tos),
                envelope.original_content,
                server.transport.get_extra_info("ssl_object") is not None,
                session.login_data,
            )
        )
        return "250 OK"


class BoundController(Controller):
    """A Controller on a socket bound beforehand to port 0: the Controller cannot take port 0,
    and picking a port then binding it later races with other processes."""

    def __init__(self, handler: Any, sock: socket.socket, **kwargs: Any) -> None:
        self._sock = sock
        super().__init__(handler, hostname=HOST, port=sock.getsockname()[1], **kwargs)

    def _create_server(self) -> Any:
        return self.loop.create_server(self._factory_invoker, sock=self._sock, ssl=self.ssl_context)


@dataclass(frozen=True)
class Certs:
    """A private CA and a server certificate for 127.0.0.1 and localhost it signed."""

    ca: Path
    cert: Path
    key: Path


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def make_certs(folder: Path) -> Certs:
    """Make a CA and a server certificate with the cryptography package."""
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (
        x509.CertificateBuilder()
        .subject_name(_name("askspec test CA"))
        .issuer_name(_name("askspec test CA"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    san = [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address(HOST))]
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name("localhost"))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName(san), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .sign(ca_key, hashes.SHA256())
    )
    paths = Certs(folder / "ca.pem", folder / "server.pem", folder / "server.key")
    paths.ca.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths.cert.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths.key.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return paths


@dataclass
class Server:
    """A running server: where it listens and what it received."""

    port: int
    recorder: Recorder
    certs: Certs

    @property
    def messages(self) -> list[Received]:
        """Every message delivered so far."""
        return self.recorder.messages

    @property
    def logins(self) -> list[tuple[bytes, bytes]]:
        """Every AUTH attempt so far, as (login, password)."""
        return self.recorder.logins

    @property
    def greetings(self) -> list[str]:
        """Every EHLO so far: empty when no client ever got as far as saying hello."""
        return self.recorder.greetings

    def env(self, security: str, user: bool = True) -> dict[str, str]:
        """ASKSPEC_SMTP_* for this server; the password only when a user is set."""
        env = {
            "ASKSPEC_SMTP_HOST": HOST,
            "ASKSPEC_SMTP_PORT": str(self.port),
            "ASKSPEC_SMTP_SECURITY": security,
            "ASKSPEC_SMTP_CAFILE": str(self.certs.ca),
            "ASKSPEC_SMTP_TIMEOUT": "5",
        }
        if user:
            env |= {"ASKSPEC_SMTP_USER": USER, "ASKSPEC_SMTP_PASSWORD": PASSWORD}
        return env


StartServer = Callable[..., Server]


@pytest.fixture(scope="session")
def certs(tmp_path_factory: pytest.TempPathFactory) -> Certs:
    """One CA and server certificate for the whole run."""
    return make_certs(tmp_path_factory.mktemp("certs"))


@pytest.fixture
def smtp_server(certs: Certs) -> Iterator[StartServer]:
    """Start servers: ``smtp_server(mode="starttls"|"ssl"|"none", auth=True, refuse={...},
    password=PASSWORD, without=("PLAIN",))``; without names AUTH mechanisms not offered."""
    running: list[Controller] = []

    def start(
        mode: str = "starttls",
        auth: bool = True,
        refuse: set[str] | None = None,
        password: str = PASSWORD,
        without: tuple[str, ...] = (),
    ) -> Server:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(certs.cert, certs.key)
        kwargs: dict[str, Any] = {}
        if mode == "starttls":
            kwargs |= {"tls_context": context, "require_starttls": True}
        elif mode == "ssl":
            kwargs["ssl_context"] = context
        recorder = Recorder(refuse or set(), password=password)
        if auth:
            # aiosmtpd only sees STARTTLS as TLS, so implicit TLS must allow AUTH "without"
            # it; so must clear-text mode, which is what an attacker's server would offer.
            kwargs |= {"authenticator": recorder.authenticate}
            kwargs["auth_require_tls"] = mode == "starttls"
            kwargs["auth_exclude_mechanism"] = without
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind((HOST, 0))
        port = sock.getsockname()[1]
        controller = BoundController(recorder, sock, **kwargs)
        controller.start()
        running.append(controller)
        return Server(port, recorder, certs)

    yield start
    for controller in running:
        controller.stop()
