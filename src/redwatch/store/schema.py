"""Tables of the mirror. Changing them needs a migration in ``store/migrations/versions``."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

# Integer primary keys that autoincrement on both SQLite and PostgreSQL.
_Id = BigInteger().with_variant(Integer(), "sqlite")

notices = Table(
    "notices",
    metadata,
    Column("entity_id", String(32), primary_key=True),
    Column("name", Text),
    Column("forename", Text),
    Column("date_of_birth", String(10)),
    Column("nationalities", JSON),
    Column("sex_id", String(4)),
    Column("issuing_countries", JSON),
    Column("status", String(16), nullable=False),  # active | removed
    Column("version", Integer, nullable=False),
    Column("first_seen", DateTime(timezone=True), nullable=False),
    Column("last_seen", DateTime(timezone=True), nullable=False),
    Column("removed_at", DateTime(timezone=True)),
    Column("list_fields", JSON, nullable=False),
    Column("detail_fields", JSON),
    Column("detail_fetched_at", DateTime(timezone=True)),
    Column("raw_summary", JSON),
    Column("raw_detail", JSON),
)
Index("ix_notices_status", notices.c.status)

notice_versions = Table(
    "notice_versions",
    metadata,
    Column("id", _Id, primary_key=True, autoincrement=True),
    Column("entity_id", String(32), ForeignKey("notices.entity_id"), nullable=False),
    Column("version", Integer, nullable=False),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
    Column("kind", String(16), nullable=False),  # new | changed | removed
    Column("changes", JSON, nullable=False),  # {field: [old, new]}
    Column("sync_id", Integer),
)
Index("ix_notice_versions_entity", notice_versions.c.entity_id, notice_versions.c.version)

events = Table(
    "events",
    metadata,
    Column("id", _Id, primary_key=True, autoincrement=True),
    Column("entity_id", String(32), ForeignKey("notices.entity_id"), nullable=False),
    Column("kind", String(16), nullable=False),  # new | changed | removed
    Column("fields", JSON, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("sync_id", Integer),
)
Index("ix_events_entity", events.c.entity_id)

sync_runs = Table(
    "sync_runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", String(16), nullable=False),  # interpol | import
    Column("status", String(16), nullable=False),  # running | complete | partial | failed
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("summary", JSON),
    Column("message", Text),
)

sync_queries = Table(
    "sync_queries",
    metadata,
    Column("sync_id", Integer, ForeignKey("sync_runs.id"), primary_key=True),
    Column("query_key", String(255), primary_key=True),
    Column("total", Integer, nullable=False),
    Column("items", JSON, nullable=False),
)

quarantine = Table(
    "quarantine",
    metadata,
    Column("id", _Id, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("sync_id", Integer),
    Column("source", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("content", LargeBinary),
)

images = Table(
    "images",
    metadata,
    Column("entity_id", String(32), ForeignKey("notices.entity_id"), primary_key=True),
    Column("picture_id", String(32), primary_key=True),
    Column("sha256", String(64), nullable=False),
    Column("fetched_at", DateTime(timezone=True), nullable=False),
)

# -- watchlists and alerts -------------------------------------------------------------
# Everything that could name a watched person, or tie one to a notice, lives in ``blob``:
# authenticated ciphertext (see ``redwatch.watch.crypto``). The clear columns hold only
# random ids, states, times and keyed hashes.

keyring = Table(
    "keyring",
    metadata,
    Column("name", String(32), primary_key=True),  # check | salt
    Column("value", LargeBinary, nullable=False),
)

watch_entries = Table(
    "watch_entries",
    metadata,
    Column("id", String(16), primary_key=True),  # random, shown to users
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("blob", LargeBinary, nullable=False),
)

alerts = Table(
    "alerts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("dedupe", String(64), nullable=False, unique=True),  # HMAC(entry, notice, kind, event)
    Column("state", String(16), nullable=False),  # new | acknowledged | dismissed
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("blob", LargeBinary, nullable=False),
)
Index("ix_alerts_state", alerts.c.state)

channels = Table(
    "channels",
    metadata,
    Column("id", String(16), primary_key=True),
    Column("kind", String(16), nullable=False),  # email | apprise | webhook
    Column("minimal", Integer, nullable=False),  # 1: says only that a match needs review
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("blob", LargeBinary, nullable=False),
)

deliveries = Table(
    "deliveries",
    metadata,
    Column("alert_id", Integer, ForeignKey("alerts.id", ondelete="CASCADE"), primary_key=True),
    Column("channel_id", String(16), primary_key=True),
    Column("state", String(16), nullable=False),  # pending | sent
    Column("attempts", Integer, nullable=False),
    Column("last_error", Text),  # one line, never a name
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("sent_at", DateTime(timezone=True)),
)
Index("ix_deliveries_state", deliveries.c.state)

watch_state = Table(
    "watch_state",
    metadata,
    Column("name", String(32), primary_key=True),  # events_cursor
    Column("value", BigInteger, nullable=False),
)
