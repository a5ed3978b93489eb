"""E-mail through an SMTP server: encrypted by default, credentials never in clear.

``smtp://`` insists on STARTTLS whether or not the server offers it: a server that does not
offer it may be an attacker who stripped the offer (STARTTLS stripping), and the body of an
alert names people. The only plain-text delivery is to a relay on this machine, asked for with
``?tls=off``, and it never receives credentials.
"""

from __future__ import annotations

import ipaddress
import os
import smtplib
import ssl
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from redwatch.channels._base import Message, is_loopback
from redwatch.errors import ConfigError, DeliveryError, InputError

DEFAULT_PORTS = {"smtp": 587, "smtps": 465}
QUERY_KEYS = {"tls", "cafile"}


def _setting(name: str) -> str:
    """One of the REDWATCH_SMTP_* settings (declared and documented in redwatch.settings)."""
    return os.environ.get(name, "")


@dataclass(frozen=True)
class SmtpTarget:
    """An SMTP URL taken apart; ``password`` never appears in its repr."""

    scheme: str
    host: str
    port: int
    tls: bool
    username: str = ""
    password: str = field(default="", repr=False)
    cafile: str = ""
    credentials_from_env: bool = False

    @property
    def implicit_tls(self) -> bool:
        return self.scheme == "smtps"

    def describe(self) -> str:
        user = f"{self.username}:***@" if self.username and not self.credentials_from_env else ""
        host = f"[{self.host}]" if ":" in self.host else self.host
        if self.implicit_tls:
            security = "TLS"
        elif self.tls:
            security = "STARTTLS"
        else:
            security = "no TLS, loopback relay"
        extras = [security]
        if self.credentials_from_env:
            extras.append("credentials from REDWATCH_SMTP_USER")
        if self.cafile:
            extras.append(f"CA file {self.cafile}")
        return f"{self.scheme}://{user}{host}:{self.port} ({', '.join(extras)})"


def parse_smtp_url(url: str) -> SmtpTarget:
    """Check an ``smtp://`` or ``smtps://`` URL and add credentials and CA file from settings."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = parts.port or DEFAULT_PORTS.get(parts.scheme, 0)
        query = parse_qs(parts.query, keep_blank_values=True, strict_parsing=bool(parts.query))
    except ValueError:
        raise InputError(
            "SMTP URL is not a valid URL (smtp://host:port or smtps://host:port)"
        ) from None
    if parts.scheme not in DEFAULT_PORTS or not host:
        raise InputError("SMTP URL must be smtp://host:port (STARTTLS) or smtps://host:port (TLS)")
    if parts.path not in {"", "/"} or parts.fragment:
        raise InputError("SMTP URL takes no path: smtp://[user:password@]host:port[?tls=off]")
    unknown = sorted(set(query) - QUERY_KEYS)
    if unknown:
        raise InputError(f"SMTP URL has unknown option {unknown[0]!r} (known: cafile, tls)")
    options = {key: values[-1] for key, values in query.items()}
    tls_option = options.get("tls", "on").lower()
    if tls_option not in {"on", "off"}:
        raise InputError("SMTP URL option tls must be on or off")
    tls = tls_option == "on"
    username = unquote(parts.username or "")
    password = unquote(parts.password or "")
    if not tls:
        if parts.scheme == "smtps":
            raise InputError("smtps:// is always TLS; use smtp://host:port?tls=off for a relay")
        if not is_loopback(host):
            raise InputError("tls=off is only allowed for a relay on this machine (127.0.0.1)")
        if username or password:
            raise InputError("tls=off cannot be used with credentials (they would go in clear)")
    credentials_from_env = False
    if tls and not username and not password:
        username = _setting("REDWATCH_SMTP_USER")
        password = _setting("REDWATCH_SMTP_PASSWORD")
        credentials_from_env = bool(username or password)
    if bool(username) != bool(password):
        if credentials_from_env:
            raise ConfigError("REDWATCH_SMTP_USER and REDWATCH_SMTP_PASSWORD go together")
        raise InputError("SMTP credentials need both a user and a password")
    if not (username + password).isascii():
        # smtplib encodes AUTH as ASCII; a non-ASCII password would fail at every send.
        error = ConfigError if credentials_from_env else InputError
        raise error("SMTP user and password must be ASCII characters")
    cafile = options["cafile"] if "cafile" in options else _setting("REDWATCH_SMTP_CA_FILE")
    if cafile:
        _check_cafile(cafile, "cafile" in options)
    return SmtpTarget(
        scheme=parts.scheme,
        host=host,
        port=port,
        tls=tls,
        username=username,
        password=password,
        cafile=str(Path(cafile).expanduser()) if cafile else "",
        credentials_from_env=credentials_from_env,
    )


def _check_cafile(cafile: str, in_url: bool) -> None:
    origin = "SMTP URL option cafile" if in_url else "REDWATCH_SMTP_CA_FILE"
    error = InputError if in_url else ConfigError
    path = Path(cafile).expanduser()
    if not path.is_file():
        raise error(f"{origin}: no such file {cafile}")
    try:
        ssl.create_default_context(cafile=str(path))
    except (ssl.SSLError, OSError, UnicodeDecodeError):
        raise error(f"{origin}: {cafile} is not a PEM certificate file") from None


def parse_recipients(raw: str, what: str = "recipient") -> tuple[str, ...]:
    """One address or several separated by commas; each must look like ``local@domain``."""
    addresses = []
    for item in raw.split(","):
        _, address = parseaddr(item.strip())
        local, _, domain = address.rpartition("@")
        if not local or not domain or any(c.isspace() for c in address):
            raise InputError(f"e-mail {what} must be an address like desk@example.org")
        addresses.append(address)
    return tuple(addresses)


def parse_sender(raw: str) -> str:
    """The optional From address ("" for the default)."""
    if not raw.strip():
        return ""
    addresses = parse_recipients(raw, "sender")
    if len(addresses) != 1:
        raise InputError("e-mail sender must be one address")
    return addresses[0]


class EmailChannel:
    """Sends each message as a UTF-8 plain-text e-mail."""

    kind = "email"

    def __init__(
        self,
        target: SmtpTarget,
        recipients: tuple[str, ...],
        sender: str = "",
        *,
        timeout: float = 30.0,
    ) -> None:
        self.target = target
        self.recipients = recipients
        self.sender = sender or _default_sender(target)
        self.timeout = timeout
        self._where = f"{target.host}:{target.port}"

    def __repr__(self) -> str:
        return f"EmailChannel({self.target.describe()!r})"

    def compose(self, message: Message) -> EmailMessage:
        email = EmailMessage()
        email["Subject"] = message.subject
        email["From"] = self.sender
        email["To"] = ", ".join(self.recipients)
        email["Date"] = formatdate()
        email["Message-ID"] = make_msgid(domain=self.sender.rpartition("@")[2] or None)
        email["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation replies to this
        email.set_content(message.text)
        return email

    def send(self, message: Message) -> None:
        email = self.compose(message)
        try:
            self._deliver(email)
        except DeliveryError:
            raise
        except smtplib.SMTPAuthenticationError as exc:
            raise self._error(f"login refused ({exc.smtp_code})", permanent=True) from None
        except smtplib.SMTPNotSupportedError:
            raise self._error(
                "server lacks a needed extension (SMTPUTF8?)", permanent=True
            ) from None
        except smtplib.SMTPRecipientsRefused:
            raise self._error("recipient refused", permanent=True) from None
        except smtplib.SMTPSenderRefused as exc:
            raise self._error(f"sender refused ({exc.smtp_code})") from None
        except smtplib.SMTPResponseException as exc:
            raise self._error(f"server answered {exc.smtp_code}") from None
        except smtplib.SMTPServerDisconnected:
            raise self._error("server closed the connection") from None
        except ssl.SSLCertVerificationError:
            raise self._error(
                "certificate not trusted (a self-signed server needs ?cafile=)", permanent=True
            ) from None
        except ssl.SSLError as exc:
            raise self._error(f"TLS failed ({exc.reason or type(exc).__name__})") from None
        except TimeoutError:
            raise self._error("timed out") from None
        except (smtplib.SMTPException, OSError) as exc:
            raise self._error(f"cannot connect ({type(exc).__name__})") from None

    def _deliver(self, email: EmailMessage) -> None:
        target = self.target
        context = ssl.create_default_context(cafile=target.cafile or None)
        smtp: smtplib.SMTP
        if target.implicit_tls:
            smtp = smtplib.SMTP_SSL(target.host, target.port, timeout=self.timeout, context=context)
        else:
            smtp = smtplib.SMTP(target.host, target.port, timeout=self.timeout)
        with smtp:
            smtp.ehlo()
            if target.tls and not target.implicit_tls:
                if not smtp.has_extn("starttls"):
                    raise self._error(
                        "server offers no STARTTLS; refusing to send in clear", permanent=True
                    )
                smtp.starttls(context=context)
                smtp.ehlo()
            if target.username:
                if not smtp.has_extn("auth"):
                    raise self._error("server offers no login (AUTH)", permanent=True)
                smtp.login(target.username, target.password)
            refused = smtp.send_message(email, from_addr=self.sender, to_addrs=self.recipients)
            if refused:
                # The others have it: sending again would give them a second copy.
                raise self._error(
                    f"{len(refused)} of {len(self.recipients)} recipients refused", permanent=True
                )

    def _error(self, reason: str, *, permanent: bool = False) -> DeliveryError:
        return DeliveryError(f"e-mail via {self._where}: {reason}", permanent=permanent)


def _default_sender(target: SmtpTarget) -> str:
    """The login if it is an address, else redwatch@ the server's name (never a bare IP)."""
    if "@" in target.username:
        return target.username
    try:
        ipaddress.ip_address(target.host)
    except ValueError:
        return f"redwatch@{target.host}"
    return "redwatch@localhost"
