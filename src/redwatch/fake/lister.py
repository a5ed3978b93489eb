"""The fake's answers as enumeration pages, in process: for tests and benchmarks that measure
requests rather than the network (the loopback tests go through HTTP)."""

from __future__ import annotations

from redwatch.fake.service import FakeInterpol, SearchParams
from redwatch.interpol.enumeration import ListPage
from redwatch.interpol.models import NoticeSummary
from redwatch.interpol.query import CAP, ListQuery


class InProcessLister:
    """A ``Fetch`` for :class:`~redwatch.interpol.enumeration.Enumerator`; counts requests."""

    def __init__(self, service: FakeInterpol) -> None:
        self.service = service
        self.requests = 0

    def __call__(self, query: ListQuery) -> ListPage:
        self.requests += 1
        params = SearchParams.from_query(query.params() | {"resultPerPage": str(CAP)})
        total, items = self.service.search(params)
        summaries = tuple(NoticeSummary.model_validate(item) for item in items)
        return ListPage(query=query, total=total, items=summaries)
