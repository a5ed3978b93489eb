"""JSON bodies in the real service's shapes, with links on the fake's own base URL.

Key orders follow the real responses in shared/data/interpol, so a client that (wrongly)
depends on order meets the same order here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from redwatch.fake.pictures import Pictures
from redwatch.fake.service import Entry, ResultPage, SearchParams

LIST_ITEM_KEYS = ("date_of_birth", "nationalities", "entity_id", "forename", "name")


def _href(url: str) -> dict[str, str]:
    return {"href": url}


def notice_url(base: str, entity_id: str, color: str = "red") -> str:
    """``2020/34084`` → ``{base}/notices/v1/red/2020-34084``."""
    return f"{base}/notices/v1/{color}/{entity_id.replace('/', '-')}"


def picture_url(base: str, entity_id: str, picture_id: int) -> str:
    return f"{notice_url(base, entity_id)}/images/{picture_id}"


def notice_links(base: str, entity_id: str, pictures: Pictures) -> dict[str, Any]:
    links: dict[str, Any] = {
        "self": _href(notice_url(base, entity_id)),
        "images": _href(f"{notice_url(base, entity_id)}/images"),
    }
    if pictures.thumbnail is not None:
        links["thumbnail"] = _href(picture_url(base, entity_id, pictures.thumbnail))
    return links


def list_item(entry: Entry, base: str) -> dict[str, Any]:
    item = {key: entry.detail.get(key) for key in LIST_ITEM_KEYS}
    item["_links"] = notice_links(base, entry.entity_id, entry.pictures)
    return item


def _linked_notice(
    link: dict[str, Any], base: str, pictures_of: Callable[[str], Pictures]
) -> dict[str, Any]:
    rendered = {key: value for key, value in link.items() if key != "_links"}
    entity_id = str(link.get("entity_id", ""))
    color = str(link.get("color", "RED")).lower()
    links: dict[str, Any] = {"self": _href(notice_url(base, entity_id, color))}
    if color == "red":
        thumbnail = pictures_of(entity_id).thumbnail
        if thumbnail is not None:
            links["thumbnail"] = _href(picture_url(base, entity_id, thumbnail))
    rendered["_links"] = links
    return rendered


def detail_body(entry: Entry, base: str, pictures_of: Callable[[str], Pictures]) -> dict[str, Any]:
    """The detail response: stored fields, ``_embedded.links`` with links, ``_links``."""
    body: dict[str, Any] = {}
    for key, value in entry.detail.items():
        if key == "_links":
            continue
        if key == "_embedded":
            links = value.get("links", []) if isinstance(value, dict) else []
            value = {"links": [_linked_notice(link, base, pictures_of) for link in links]}
        body[key] = value
    body.setdefault("_embedded", {"links": []})
    body["_links"] = notice_links(base, entry.entity_id, entry.pictures)
    return body


def images_body(entry: Entry, base: str) -> dict[str, Any]:
    """``_embedded.images[{picture_id, _links.self}]`` and ``_links`` self/notice/thumbnail."""
    notice = notice_url(base, entry.entity_id)
    links: dict[str, Any] = {"self": _href(f"{notice}/images"), "notice": _href(notice)}
    if entry.pictures.thumbnail is not None:
        links["thumbnail"] = _href(picture_url(base, entry.entity_id, entry.pictures.thumbnail))
    images = [
        {
            "picture_id": str(picture_id),
            "_links": {"self": _href(picture_url(base, entry.entity_id, picture_id))},
        }
        for picture_id in entry.pictures.images
    ]
    return {"_embedded": {"images": images}, "_links": links}


def list_url(base: str, path: str, params: SearchParams, page: int) -> str:
    query = [*params.filters(), ("resultPerPage", params.result_per_page), ("page", page)]
    return f"{base}{path}?{urlencode(query)}"


def list_body(
    result: ResultPage, params: SearchParams, base: str, path: str = "/notices/v1/red"
) -> dict[str, Any]:
    """A list response: ``total``, the ``query`` echo, the notices and the paging links."""
    links: dict[str, Any] = {
        "self": _href(list_url(base, path, params, result.page)),
        "first": _href(list_url(base, path, params, 1)),
    }
    if result.has_next:  # ordered as in the community OpenAPI description
        links["next"] = _href(list_url(base, path, params, result.page + 1))
    links["last"] = _href(list_url(base, path, params, result.last_page))
    query: dict[str, Any] = {"page": result.page, "resultPerPage": result.result_per_page}
    query.update(params.filters())
    return {
        "total": result.total,
        "query": query,
        "_embedded": {"notices": [list_item(entry, base) for entry in result.entries]},
        "_links": links,
    }
