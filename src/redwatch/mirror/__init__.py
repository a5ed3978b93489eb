"""Keeping the local mirror current: sync from the service, import from files."""
