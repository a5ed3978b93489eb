"""``redwatch sync``: enumerate the public list, fetch what is new or changed, record history.

Resumable: every answered list query is checkpointed with its run, so a killed sync replays
them instead of asking again; applying a notice is one transaction and idempotent, so a
notice already stored is neither refetched nor recorded twice.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import structlog
from pydantic import ValidationError

from redwatch.interpol.client import InterpolClient, MalformedResponse
from redwatch.interpol.enumeration import Enumerator, ListPage
from redwatch.interpol.models import (
    ENTITY_ID,
    ImagesResponse,
    ListResponse,
    NoticeDetail,
    NoticeSummary,
    describe,
)
from redwatch.interpol.query import ListQuery
from redwatch.mirror.records import incoming, list_fields
from redwatch.settings import Settings
from redwatch.store.repository import REMOVED, Repository, utcnow

log = structlog.get_logger(__name__)

Progress = Callable[[str, int, int | None], None]


@dataclass
class SyncSummary:
    complete: bool = False
    status: str = "running"
    notices: int = 0
    root_total: int = 0
    new: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
    list_requests: int = 0
    detail_requests: int = 0
    image_requests: int = 0
    retries: int = 0
    quarantined: int = 0
    resumed: bool = False
    sync_id: int = 0
    message: str = ""
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class Syncer:
    def __init__(
        self,
        repo: Repository,
        client: InterpolClient,
        *,
        detail_max_age: dt.timedelta = dt.timedelta(days=14),
        images_dir: Path | None = None,
        today: dt.date | None = None,
        progress: Progress | None = None,
    ) -> None:
        self.repo = repo
        self.client = client
        self.detail_max_age = detail_max_age
        self.images_dir = images_dir
        self.today = today or dt.date.today()
        self.progress = progress or (lambda _stage, _done, _total: None)
        self.summary = SyncSummary()
        self._failed_queries: list[str] = []

    # -- listing ---------------------------------------------------------------------
    def _fetch_page(self, sync_id: int, query: ListQuery) -> ListPage:
        cached = self.repo.checkpoint(sync_id, query.key)
        if cached is None:
            try:
                raw = self.client.list_notices(query)
                response = ListResponse.model_validate(raw)
            except (MalformedResponse, ValidationError) as exc:
                if isinstance(exc, MalformedResponse):
                    reason, content = "malformed JSON", exc.content
                else:
                    reason, content = describe(exc), json.dumps(raw).encode()
                self._quarantine(f"list {query.key}", reason, content, sync_id)
                self._failed_queries.append(query.key)
                return ListPage(query=query, total=0, items=())
            cached = (response.total, response.embedded.notices)
            self.repo.save_checkpoint(sync_id, query.key, *cached)
            self.summary.list_requests += 1
        total, raw_items = cached
        items = []
        for raw_item in raw_items:
            try:
                valid = NoticeSummary.model_validate(raw_item)
                self._raw[valid.entity_id] = raw_item
                item: NoticeSummary | None = valid
            except ValidationError as exc:
                item = self._set_aside(raw_item, describe(exc), sync_id)
            if item is not None:
                items.append(item)
                self._seen.add(item.entity_id)
        self.progress("list", len(self._seen), None)
        return ListPage(query=query, total=total, items=tuple(items))

    def _set_aside(self, raw_item: Any, reason: str, sync_id: int) -> NoticeSummary | None:
        """Quarantine a drifting item, but let enumeration count it by its id if it has one.

        Without that, the walk would keep hunting for a notice it has in fact seen.
        """
        entity_id = raw_item.get("entity_id") if isinstance(raw_item, dict) else None
        source = f"list item {entity_id}" if isinstance(entity_id, str) else "list item"
        if source not in self._invalid:
            self._quarantine(source, reason, json.dumps(raw_item).encode(), sync_id)
        self._invalid.add(source)
        if isinstance(entity_id, str) and ENTITY_ID.match(entity_id.strip()):
            return NoticeSummary.model_construct(entity_id=entity_id.strip())
        return None

    def _quarantine(self, source: str, reason: str, content: bytes, sync_id: int) -> None:
        self.summary.quarantined += 1
        self.summary.warnings.append(f"{source}: {reason}")
        log.warning("quarantined", source=source, reason=reason)
        self.repo.quarantine(source, reason, content, sync_id)

    # -- the run ---------------------------------------------------------------------
    def run(self) -> SyncSummary:
        sync_id, resumed = self.repo.start_run("interpol")
        self.summary.sync_id, self.summary.resumed = sync_id, resumed
        self._seen: set[str] = set()
        self._raw: dict[str, dict[str, Any]] = {}
        self._invalid: set[str] = set()
        countries = self.client.countries()
        enumerator = Enumerator(
            lambda query: self._fetch_page(sync_id, query),
            countries=countries,
            today=self.today,
            age_prior=self._age_prior(),
            hints=self.repo.known_facts(),
        )
        result = enumerator.run()
        self.summary.root_total = result.root_total
        self.summary.notices = len(result.notices)
        # A notice set aside is seen but not stored: the mirror is not whole, so no removals.
        complete = result.complete and not self._failed_queries and not self._invalid
        valid = {k: v for k, v in result.notices.items() if f"list item {k}" not in self._invalid}
        self._apply(sync_id, valid)
        if complete:
            gone = self.repo.active_ids() - set(result.notices)
            self.summary.removed = self.repo.mark_removed(sorted(gone), sync_id=sync_id)
        self.summary.complete = complete
        self.summary.status = "complete" if complete else "partial"
        self.summary.retries = self.client.retried
        self.summary.message = self._message(result.missing)
        self.repo.finish_run(sync_id, self.summary.status, self._run_record(), self.summary.message)
        return self.summary

    def _run_record(self) -> dict[str, Any]:
        record = self.summary.as_dict()
        record.pop("warnings")
        return record

    def _message(self, missing: int) -> str:
        if self.summary.complete:
            return f"complete: saw all {self.summary.root_total} public red notices"
        parts = [f"partial: saw {self.summary.notices} of {self.summary.root_total} notices"]
        if self._failed_queries:
            parts.append(f"{len(self._failed_queries)} list queries failed")
        if self._invalid:
            parts.append(f"{len(self._invalid)} malformed notices set aside")
        if missing:
            parts.append(f"{missing} could not be reached")
        parts.append("no removals inferred")
        return "; ".join(parts)

    def _age_prior(self) -> dict[int, float] | None:
        histogram = self.repo.age_histogram(self.today)
        return histogram if sum(histogram.values()) >= 500 else None

    def _apply(self, sync_id: int, seen: dict[str, NoticeSummary]) -> None:
        states = self.repo.states()
        now = utcnow()
        for done, (entity_id, summary) in enumerate(sorted(seen.items()), start=1):
            self.progress("details", done, len(seen))
            state = states.get(entity_id)
            stale = (
                state is None
                or state[0] == REMOVED
                or state[1] != list_fields(summary)
                or state[2] is None
                or now - state[2] > self.detail_max_age
            )
            detail: NoticeDetail | None = None
            raw_detail: dict[str, Any] | None = None
            if stale:
                raw_detail, detail = self._detail(entity_id, sync_id)
            kind = self.repo.apply(
                incoming(summary, self._raw.get(entity_id), detail, raw_detail), sync_id=sync_id
            )
            if kind == "new":
                self.summary.new += 1
            elif kind == "changed":
                self.summary.changed += 1
            else:
                self.summary.unchanged += 1
            if detail is not None and self.images_dir is not None:
                self._images(entity_id)

    def _detail(
        self, entity_id: str, sync_id: int
    ) -> tuple[dict[str, Any] | None, NoticeDetail | None]:
        self.summary.detail_requests += 1
        try:
            raw = self.client.notice(entity_id)
        except MalformedResponse as exc:
            self._quarantine(f"detail {entity_id}", "malformed JSON", exc.content, sync_id)
            return None, None
        if raw is None:
            self.summary.warnings.append(f"detail {entity_id}: listed but answered 404")
            return None, None
        try:
            return raw, NoticeDetail.model_validate(raw)
        except ValidationError as exc:
            reason = describe(exc)
            self._quarantine(f"detail {entity_id}", reason, json.dumps(raw).encode(), sync_id)
            return None, None

    def _images(self, entity_id: str) -> None:
        assert self.images_dir is not None
        self.summary.image_requests += 1
        raw = self.client.images(entity_id)
        if raw is None:
            return
        known = self.repo.image_hashes(entity_id)
        for image in ImagesResponse.model_validate(raw).embedded.images:
            if image.picture_id in known:
                continue
            self.summary.image_requests += 1
            content = self.client.picture(entity_id, image.picture_id)
            if content is None:
                continue
            digest = store_image(self.images_dir, content)
            self.repo.save_image(entity_id, image.picture_id, digest)


def store_image(images_dir: Path, content: bytes) -> str:
    """Content-addressed: ``images/ab/abcdef….jpg``; the same picture is stored once."""
    digest = hashlib.sha256(content).hexdigest()
    path = images_dir / digest[:2] / f"{digest}.jpg"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".part")
        partial.write_bytes(content)
        partial.replace(path)
    return digest


def sync_mirror(
    settings: Settings,
    repo: Repository,
    *,
    images: bool = False,
    progress: Progress | None = None,
) -> SyncSummary:
    """One sync of the configured service into ``repo``, as the settings say."""
    with InterpolClient(settings) as client:
        return Syncer(
            repo,
            client,
            detail_max_age=dt.timedelta(days=settings.detail_max_age_days),
            images_dir=settings.images_dir if images else None,
            progress=progress,
        ).run()
