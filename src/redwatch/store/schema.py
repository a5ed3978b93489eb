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
