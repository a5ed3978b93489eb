"""A real SMTP server (aiosmtpd) on a free loopback port, for channel and end-to-end tests.

    with smtp_server() as server:                       # plain; use server.url (tls=off)
    with smtp_server("starttls", tmp_path) as server:   # self-signed; trust server.cafile
    with smtp_server("smtps", tmp_path, credentials=("alice", "s3cret")) as server:
        ...
        server.received[0].message["Subject"]

Every received message is parsed with the modern e-mail policy, so ``message["Subject"]`` is
already decoded and ``message.get_content()`` gives the body as text.
"""

from __future__ import annotations

import contextlib
import datetime
import ipaddress
import logging
import socket
import ssl
import tempfile
import threading
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

Mode = Literal["plain", "starttls", "smtps"]


def _not_login_data_notice(record: logging.LogRecord) -> bool:
    # aiosmtpd warns about its own deprecated attribute on every successful AUTH.
    return "login_data is deprecated" not in record.getMessage()


logging.getLogger("mail.log").addFilter(_not_login_data_notice)


@dataclass(frozen=True)
class Received:
    """One message as the server accepted it."""

    mail_from: str
    rcpt_tos: tuple[str, ...]
    message: EmailMessage
    raw: bytes
    tls: bool
    login: str | None


@dataclass
class SmtpServer:
    host: str
    port: int
    mode: Mode
    cafile: Path | None
    received: list[Received] = field(default_factory=list)
    failed_logins: list[str] = field(default_factory=list)
    refuse: frozenset[str] = frozenset()

    @property
    def url(self) -> str:
        """A URL for this server without credentials (CA file as a query option if any)."""
        return self.url_with()

    def url_with(self, user: str = "", password: str = "", *, cafile: bool = True) -> str:
        scheme = "smtps" if self.mode == "smtps" else "smtp"
        auth = f"{quote(user, safe='')}:{quote(password, safe='')}@" if user else ""
        options = []
        if self.mode == "plain":
            options.append("tls=off")
        if cafile and self.cafile is not None:
            options.append(f"cafile={quote(str(self.cafile))}")
        query = "?" + "&".join(options) if options else ""
        return f"{scheme}://{auth}{self.host}:{self.port}{query}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def self_signed_certificate(folder: Path, host: str = "127.0.0.1") -> tuple[Path, Path]:
    """A fresh certificate for ``localhost`` and ``host``; returns (certificate, key) files."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "redwatch test SMTP")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address(host))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "smtp-cert.pem", folder / "smtp-key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


class _Handler:
    def __init__(self, server: SmtpServer) -> None:
        self.server = server
        self.lock = threading.Lock()

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        if address in self.server.refuse:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        raw = envelope.original_content or envelope.content
        message = BytesParser(policy=policy.default).parsebytes(raw)
        login = session.auth_data if session.authenticated else None
        received = Received(
            mail_from=envelope.mail_from,
            rcpt_tos=tuple(envelope.rcpt_tos),
            message=message,  # type: ignore[arg-type]  # policy.default parses to EmailMessage
            raw=raw,
            tls=server.transport.get_extra_info("ssl_object") is not None,
            login=login,
        )
        with self.lock:
            self.server.received.append(received)
        return "250 Message accepted for delivery"


@contextmanager
def smtp_server(
    mode: Mode = "plain",
    folder: Path | None = None,
    *,
    credentials: tuple[str, str] | None = None,
    refuse: Iterable[str] = (),
    port: int | None = None,
) -> Iterator[SmtpServer]:
    """Run an SMTP server on 127.0.0.1 until the block ends.

    ``starttls`` offers STARTTLS (and requires it before AUTH); ``smtps`` speaks TLS from the
    first byte. Both use a self-signed certificate written to ``folder`` (a temporary folder if
    none); ``server.cafile`` is that certificate. With ``credentials`` the server requires AUTH.
    """
    with ExitStack() as stack:
        cafile: Path | None = None
        tls_context: ssl.SSLContext | None = None
        if mode != "plain":
            if folder is None:
                folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
            cafile, keyfile = self_signed_certificate(folder)
            tls_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            tls_context.load_cert_chain(cafile, keyfile)
        server = SmtpServer(
            host="127.0.0.1",
            port=port or free_port(),
            mode=mode,
            cafile=cafile,
            refuse=frozenset(refuse),
        )

        def authenticate(
            smtp: Any, session: Any, envelope: Any, mechanism: str, data: Any
        ) -> AuthResult:
            if isinstance(data, LoginPassword) and credentials is not None:
                login, password = data.login.decode(), data.password.decode()
                if (login, password) == credentials:
                    return AuthResult(success=True, auth_data=login)
                server.failed_logins.append(login)
            return AuthResult(success=False, handled=False)

        options: dict[str, Any] = {}
        if mode == "starttls":
            options["tls_context"] = tls_context
        elif mode == "smtps":
            options["ssl_context"] = tls_context
        if credentials is not None:
            # aiosmtpd cannot tell that an smtps connection is encrypted, so only the STARTTLS
            # server can insist on AUTH-after-TLS; the others offer AUTH without requiring it.
            starttls = mode == "starttls"
            options.update(
                authenticator=authenticate, auth_required=starttls, auth_require_tls=starttls
            )
        controller = Controller(_Handler(server), hostname=server.host, port=server.port, **options)
        controller.start()
        stack.callback(controller.stop)
        yield server


@dataclass
class Tap:
    """What a client sent through :func:`tcp_tap`, byte for byte, as an eavesdropper sees it."""

    port: int
    sent: bytearray = field(default_factory=bytearray)


@contextmanager
def tcp_tap(upstream_port: int) -> Iterator[Tap]:
    """A loopback TCP relay to ``upstream_port`` that records the client's bytes on the wire."""
    listener = socket.create_server(("127.0.0.1", 0))
    tap = Tap(port=listener.getsockname()[1])
    threads: list[threading.Thread] = []
    sockets: list[socket.socket] = [listener]

    def pump(source: socket.socket, target: socket.socket, record: bytearray | None) -> None:
        with contextlib.suppress(OSError):
            while chunk := source.recv(65536):
                if record is not None:
                    record.extend(chunk)
                target.sendall(chunk)
        with contextlib.suppress(OSError):
            target.shutdown(socket.SHUT_WR)

    def accept() -> None:
        with contextlib.suppress(OSError):
            client, _ = listener.accept()
            sockets.append(client)
            server = socket.create_connection(("127.0.0.1", upstream_port))
            sockets.append(server)
            for args in ((client, server, tap.sent), (server, client, None)):
                thread = threading.Thread(target=pump, args=args, daemon=True)
                thread.start()
                threads.append(thread)

    acceptor = threading.Thread(target=accept, daemon=True)
    acceptor.start()
    try:
        yield tap
    finally:
        listener.close()
        acceptor.join(timeout=5)
        for thread in threads:
            thread.join(timeout=5)
        for sock in sockets:
            sock.close()
