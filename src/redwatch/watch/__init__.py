"""Private, encrypted watchlists screened after every sync, with alerts on channels.

Data flows one way: the mirror (``redwatch.store``) is read, matching finds candidates, and
this package writes only its own sealed tables (entries, alerts, channels, deliveries).
"""

from redwatch.watch.alerts import KINDS, STATES, Alert, AlertBook, AlertDraft
from redwatch.watch.entries import Entry, EntryData, parse_entries_file, validated
from redwatch.watch.service import WatchService, after_sync

__all__ = [
    "KINDS",
    "STATES",
    "Alert",
    "AlertBook",
    "AlertDraft",
    "Entry",
    "EntryData",
    "WatchService",
    "after_sync",
    "parse_entries_file",
    "validated",
]
