"""The store: SQLAlchemy Core tables, migrations and the notice repository."""
