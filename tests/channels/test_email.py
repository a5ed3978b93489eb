"""E-mail channel against a real aiosmtpd server on loopback: plain relay, STARTTLS, smtps, AUTH."""

from __future__ import annotations

from pathlib import Path

import pytest

from redwatch.channels import DeliveryError, EmailChannel, Message, channel_from_config
from redwatch.channels._email import parse_smtp_url
from redwatch.errors import ConfigError, InputError
from tests.channels.smtp_support import free_port, smtp_server, tcp_tap

WATCHED = "Мустафа Джемілєв"
MESSAGE = Message(
    subject="redwatch: збіг з червоним повідомленням 2020/34084",
    text=f"{WATCHED} збігається з повідомленням 2020/34084 (рішення: match).\nПеревірте.",
    payload={"entity_id": "2020/34084", "decision": "match"},
)
SMTP_ENV = ("REDWATCH_SMTP_USER", "REDWATCH_SMTP_PASSWORD", "REDWATCH_SMTP_CA_FILE")


@pytest.fixture(autouse=True)
def _no_smtp_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in SMTP_ENV:
        monkeypatch.delenv(name, raising=False)


def email(url: str, **extra: str) -> EmailChannel:
    channel = channel_from_config("email", {"to": "desk@example.org", "smtp": url, **extra})
    assert isinstance(channel, EmailChannel)
    return channel


def assert_clean(error: DeliveryError, *secrets: str) -> None:
    text = str(error)
    assert "\n" not in text
    for secret in (WATCHED, MESSAGE.text, MESSAGE.subject, *secrets):
        assert secret not in text


def test_plain_loopback_relay_delivers_utf8_intact() -> None:
    with smtp_server() as server:
        email(server.url, **{"from": "alerts@example.org"}).send(MESSAGE)
    (received,) = server.received
    assert received.message["Subject"] == MESSAGE.subject
    assert received.message.get_content().rstrip("\n") == MESSAGE.text
    assert received.message["From"] == "alerts@example.org"
    assert received.message["To"] == "desk@example.org"
    assert received.message["Message-ID"].endswith("@example.org>")
    assert received.message["Auto-Submitted"] == "auto-generated"
    assert received.mail_from == "alerts@example.org"
    assert received.rcpt_tos == ("desk@example.org",)
    assert not received.tls
    assert received.login is None


def test_several_recipients() -> None:
    with smtp_server() as server:
        channel_from_config(
            "email", {"to": "a@example.org, b@example.org", "smtp": server.url}
        ).send(MESSAGE)
    assert server.received[0].rcpt_tos == ("a@example.org", "b@example.org")


def test_refused_recipients_are_permanent_errors() -> None:
    with smtp_server(refuse={"gone@example.org"}) as server:
        url = server.url
        with pytest.raises(DeliveryError, match="recipient refused") as every:
            channel_from_config("email", {"to": "gone@example.org", "smtp": url}).send(MESSAGE)
        with pytest.raises(DeliveryError, match="1 of 2 recipients refused") as some:
            channel_from_config(
                "email", {"to": "gone@example.org, desk@example.org", "smtp": url}
            ).send(MESSAGE)
    assert every.value.permanent
    assert some.value.permanent
    assert "gone@example.org" not in str(every.value)
    assert [r.rcpt_tos for r in server.received] == [("desk@example.org",)]


def test_starttls_with_self_signed_certificate_trusted_by_cafile(tmp_path: Path) -> None:
    with smtp_server("starttls", tmp_path) as server:
        email(server.url).send(MESSAGE)
    (received,) = server.received
    assert received.tls
    assert received.message["Subject"] == MESSAGE.subject
    assert WATCHED in received.message.get_content()


def test_only_ehlo_and_starttls_cross_the_wire_in_clear(tmp_path: Path) -> None:
    """An eavesdropper sees the greeting and the switch to TLS, then only ciphertext."""
    password = "wire-secret-password"
    with smtp_server("starttls", tmp_path, credentials=("alice", password)) as server:
        assert server.cafile is not None
        with tcp_tap(server.port) as tap:
            url = f"smtp://alice:{password}@127.0.0.1:{tap.port}?cafile={server.cafile}"
            email(url).send(MESSAGE)
    assert server.received[0].login == "alice"
    wire = bytes(tap.sent)
    split = wire.lower().index(b"starttls\r\n") + len(b"starttls\r\n")
    clear, encrypted = wire[:split], wire[split:]
    assert clear.lower().startswith(b"ehlo ")
    assert clear.count(b"\r\n") == 2  # EHLO, then STARTTLS, nothing else in clear
    assert encrypted  # the rest went through TLS
    for plain in (b"auth", b"mail from", b"rcpt to", b"desk@example.org", b"alice"):
        assert plain not in encrypted.lower()
    assert "Джемілєв".encode() not in wire


def test_cafile_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with smtp_server("starttls", tmp_path) as server:
        assert server.cafile is not None
        monkeypatch.setenv("REDWATCH_SMTP_CA_FILE", str(server.cafile))
        email(server.url_with(cafile=False)).send(MESSAGE)
    assert server.received[0].tls


def test_untrusted_certificate_is_refused(tmp_path: Path) -> None:
    with smtp_server("starttls", tmp_path) as server:
        channel = email(server.url_with(cafile=False))
        with pytest.raises(DeliveryError, match="certificate not trusted") as caught:
            channel.send(MESSAGE)
    assert caught.value.permanent
    assert_clean(caught.value)
    assert server.received == []


def test_credentials_from_the_url_after_starttls(tmp_path: Path) -> None:
    password = "p@ss w:rd/?#%"  # characters that need quoting in a URL
    with smtp_server("starttls", tmp_path, credentials=("alice", password)) as server:
        email(server.url_with("alice", password)).send(MESSAGE)
    (received,) = server.received
    assert received.login == "alice"
    assert received.tls


def test_credentials_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDWATCH_SMTP_USER", "bob@example.org")
    monkeypatch.setenv("REDWATCH_SMTP_PASSWORD", "hunter2-long")
    with smtp_server("starttls", tmp_path, credentials=("bob@example.org", "hunter2-long")) as s:
        email(s.url).send(MESSAGE)
    (received,) = s.received
    assert received.login == "bob@example.org"
    assert received.mail_from == "bob@example.org"  # the login is the default sender


def test_wrong_password_is_a_permanent_clean_error(tmp_path: Path) -> None:
    with (
        smtp_server("starttls", tmp_path, credentials=("alice", "right-one")) as server,
        pytest.raises(DeliveryError, match="login refused") as caught,
    ):
        email(server.url_with("alice", "wrong-one")).send(MESSAGE)
    assert caught.value.permanent
    assert_clean(caught.value, "wrong-one", "right-one")
    assert set(server.failed_logins) == {"alice"}  # smtplib tries each mechanism
    assert server.received == []


def test_implicit_tls_smtps(tmp_path: Path) -> None:
    with smtp_server("smtps", tmp_path, credentials=("carol", "pw-pw-pw")) as server:
        assert server.url_with("carol", "pw-pw-pw").startswith("smtps://")
        email(server.url_with("carol", "pw-pw-pw")).send(MESSAGE)
    (received,) = server.received
    assert received.tls
    assert received.login == "carol"


def test_server_without_starttls_gets_nothing() -> None:
    """A server not offering STARTTLS may be an attacker who stripped the offer."""
    with smtp_server() as server:
        url = f"smtp://{server.host}:{server.port}"  # TLS is the default
        with pytest.raises(DeliveryError, match="no STARTTLS") as caught:
            email(url).send(MESSAGE)
    assert_clean(caught.value)
    assert server.received == []


def test_server_down_is_a_clean_transient_error() -> None:
    port = free_port()  # nothing listens there
    with pytest.raises(DeliveryError) as caught:
        email(f"smtp://127.0.0.1:{port}?tls=off").send(MESSAGE)
    assert f"127.0.0.1:{port}" in str(caught.value)
    assert "cannot connect" in str(caught.value)
    assert not caught.value.permanent
    assert_clean(caught.value)


def test_a_server_back_after_an_outage_takes_the_message() -> None:
    port = free_port()
    channel = email(f"smtp://127.0.0.1:{port}?tls=off")
    with pytest.raises(DeliveryError):
        channel.send(MESSAGE)
    with smtp_server(port=port) as server:
        channel.send(MESSAGE)
    assert server.received[0].message["Subject"] == MESSAGE.subject


def test_environment_credentials_never_go_to_a_plain_relay(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("REDWATCH_SMTP_USER", "bob")
    monkeypatch.setenv("REDWATCH_SMTP_PASSWORD", "hunter2-long")
    with smtp_server(credentials=("bob", "hunter2-long")) as server:
        email(server.url).send(MESSAGE)
    assert server.received[0].login is None


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("http://mail.example.org", "smtp://host:port"),
        ("smtp://", "smtp://host:port"),
        ("smtp://mail.example.org:99999", "not a valid URL"),
        ("smtp://mail.example.org/inbox", "no path"),
        ("smtp://mail.example.org?tls=of", "tls must be on or off"),
        ("smtp://mail.example.org?verify=no", "unknown option 'verify'"),
        ("smtp://mail.example.org?tls=off", "only allowed for a relay on this machine"),
        ("smtps://127.0.0.1?tls=off", "smtps:// is always TLS"),
        ("smtp://u:p@127.0.0.1:25?tls=off", "cannot be used with credentials"),
        ("smtp://alice@mail.example.org", "both a user and a password"),
        ("smtp://mail.example.org?cafile=/no/such/ca.pem", "no such file"),
        ("smtp://alice:%D0%96@mail.example.org", "must be ASCII"),
    ],
)
def test_bad_smtp_urls_are_input_errors(url: str, fragment: str) -> None:
    with pytest.raises(InputError, match=fragment) as caught:
        email(url)
    assert "\n" not in str(caught.value)


def test_bad_ca_file_setting_is_a_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDWATCH_SMTP_CA_FILE", "/no/such/ca.pem")
    with pytest.raises(ConfigError, match="REDWATCH_SMTP_CA_FILE"):
        email("smtp://mail.example.org")


def test_ca_file_that_is_not_a_certificate(tmp_path: Path) -> None:
    junk = tmp_path / "ca.pem"
    junk.write_text("-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n")
    with pytest.raises(InputError, match="not a PEM certificate"):
        email(f"smtp://mail.example.org?cafile={junk}")


def test_half_the_environment_credentials_is_a_config_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("REDWATCH_SMTP_PASSWORD", "hunter2-long")
    with pytest.raises(ConfigError, match="go together"):
        email("smtp://mail.example.org")


@pytest.mark.parametrize("to", ["", "desk", "desk@", "@example.org", "a b@example.org"])
def test_bad_recipients_are_input_errors(to: str) -> None:
    with pytest.raises(InputError):
        channel_from_config("email", {"to": to, "smtp": "smtp://mail.example.org"})


def test_default_ports_and_security() -> None:
    assert parse_smtp_url("smtp://mail.example.org").port == 587
    assert parse_smtp_url("smtps://mail.example.org").port == 465
    assert parse_smtp_url("smtp://mail.example.org").tls
    relay = parse_smtp_url("smtp://localhost:25?tls=off")
    assert (relay.port, relay.tls) == (25, False)


def test_default_sender() -> None:
    def sender(url: str) -> str:
        return email(url).sender

    assert sender("smtp://mail.example.org") == "redwatch@mail.example.org"
    assert sender("smtp://127.0.0.1:25?tls=off") == "redwatch@localhost"
    assert sender("smtp://ann%40example.org:pw@mail.example.org") == "ann@example.org"
    assert email("smtp://mail.example.org", **{"from": "a@b.org"}).sender == "a@b.org"


def test_password_is_not_in_repr() -> None:
    target = parse_smtp_url("smtp://alice:very-secret@mail.example.org")
    assert "very-secret" not in repr(target)
    assert "very-secret" not in repr(EmailChannel(target, ("desk@example.org",)))
