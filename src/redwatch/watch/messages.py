"""What an alert says, in plain language, on a channel (full) or without names (minimal)."""

from __future__ import annotations

from typing import Any

from redwatch.channels import Message
from redwatch.watch.alerts import Alert

__all__ = ["compose"]

_PUBLIC_PAGE = "https://www.interpol.int/How-we-work/Notices/View-Red-Notices#"
_REVIEW = "Review it on the redwatch machine: redwatch alerts show {id}"
_HEADLINES = {
    "match": "A red notice on INTERPOL's public list may concern a person on your watchlist.",
    "changed": "A red notice that matches a person on your watchlist has changed.",
    "removed": (
        "A red notice that matched a person on your watchlist is no longer on INTERPOL's "
        "public list. That is good news, but it does not prove the notice was deleted: "
        "only a request to the CCF (Commission for the Control of INTERPOL's Files) tells."
    ),
}
_SUBJECTS = {
    "match": "redwatch: {decision} for a watched person - red notice {entity_id}",
    "changed": "redwatch: a matched red notice changed - {entity_id}",
    "removed": "redwatch: a matched red notice left the public list - {entity_id}",
}


def _notice_line(notice: dict[str, Any], entity_id: str) -> str:
    name = " ".join(p for p in (notice.get("name"), notice.get("forename")) if p)
    parts = [f"{entity_id}: {name or '(no name)'}"]
    if notice.get("date_of_birth"):
        parts.append(f"born {notice['date_of_birth']}")
    if notice.get("issuing_countries"):
        parts.append(f"issued by {', '.join(notice['issuing_countries'])}")
    return ", ".join(parts)


def _minimal(alert: Alert) -> Message:
    return Message(
        subject="redwatch: a match needs review",
        text=(
            "A watchlist alert needs review. Open redwatch on its own machine to see it: "
            f"redwatch alerts show {alert.id}"
        ),
        payload={"alert_id": alert.id, "needs_review": True},
    )


def compose(alert: Alert, *, minimal: bool) -> Message:
    """The message for ``alert``; a minimal one holds no name and no notice id."""
    if minimal:
        return _minimal(alert)
    draft = alert.draft
    lines = [
        _HEADLINES[draft.kind],
        "",
        f"Watched person: {' / '.join(draft.entry_names)} (entry {draft.entry_id})",
        f"Notice: {_notice_line(draft.notice, draft.entity_id)}",
        _PUBLIC_PAGE + draft.entity_id.replace("/", "-"),
    ]
    if draft.decision is not None:
        lines.append(f"Decision: {draft.decision} (score {draft.score:.2f})")
    if draft.explanation:
        lines.append(f"Why: {draft.explanation}")
    if draft.changes:
        lines.append(f"What changed: {', '.join(draft.changes)}")
    if draft.risk and draft.risk.get("flags"):
        reasons = "; ".join(
            flag.get("reason", flag.get("code", "")) for flag in draft.risk["flags"]
        )
        lines.append(f"Risk: {draft.risk.get('level')} - {reasons}")
    lines += ["", _REVIEW.format(id=alert.id)]
    subject = _SUBJECTS[draft.kind].format(
        decision=draft.decision or "a match", entity_id=draft.entity_id
    )
    return Message(subject=subject, text="\n".join(lines), payload={"alert": alert.as_json()})
