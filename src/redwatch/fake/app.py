"""The fake INTERPOL notices web service as an ASGI app, on the real service's paths.

Besides the real paths it has test hooks under ``/_fake/`` (never subject to faults) so that
out-of-process tests can change notices, read request counters and switch faults:

- ``POST /_fake/notices`` — upsert one detail object (or a JSON array of them);
- ``DELETE /_fake/notices/{YYYY-N}`` — withdraw a notice;
- ``GET /_fake/stats`` — request counters; ``DELETE /_fake/stats`` resets them;
- ``GET|POST /_fake/faults`` — read or replace the :class:`FaultConfig`;
- ``POST /_fake/today`` — ``{"today": "YYYY-MM-DD"}`` or ``null`` for the real date.

Errors a client can cause answer in the real service's error shape
(``{"status":404,"name":"NotFoundError","message":"Not Found"}``); bad query values get 400.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from pydantic import ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from redwatch.fake._countries import countries_payload
from redwatch.fake.faults import FaultConfig, FaultInjector, FaultMiddleware, error_response_parts
from redwatch.fake.pictures import jpeg_for
from redwatch.fake.render import detail_body, images_body, list_body
from redwatch.fake.service import (
    FakeInterpol,
    FreeTextRefused,
    InvalidParameter,
    ResultPage,
    SearchParams,
)

_NOTICE_ID = re.compile(r"^(\d{4})-(\d+)$")
_ERROR_NAMES = {400: "BadRequestError", 404: "NotFoundError", 405: "MethodNotAllowedError"}


def _json(payload: Any, status: int = 200) -> Response:
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return Response(body.encode(), status_code=status, media_type="application/json")


def _error(status: int, message: str) -> Response:
    name = _ERROR_NAMES.get(status, "Error")
    return _json({"status": status, "name": name, "message": message}, status)


def _not_found() -> Response:
    return _error(404, "Not Found")


def _entity_id(notice_id: str) -> str | None:
    """``2020-34084`` (as in URLs) → ``2020/34084``."""
    match = _NOTICE_ID.match(notice_id)
    return f"{match.group(1)}/{match.group(2)}" if match else None


def create_app(
    service: FakeInterpol, faults: FaultConfig | None = None, *, base_url: str | None = None
) -> FastAPI:
    """The fake service over ``service``; links use ``base_url`` or the request's own URL."""
    app = FastAPI(title="redwatch fake INTERPOL", docs_url=None, redoc_url=None, openapi_url=None)
    injector = FaultInjector(faults)
    app.state.service = service
    app.state.faults = injector

    def base(request: Request) -> str:
        return (base_url or str(request.base_url)).rstrip("/")

    async def on_http_error(request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, StarletteHTTPException) else 500
        if status == 404:
            return _not_found()
        return _error(status, str(getattr(exc, "detail", "")) or "Error")

    async def on_validation_error(request: Request, exc: Exception) -> Response:
        return _error(400, "Bad Request")

    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)

    def search(request: Request) -> tuple[SearchParams, ResultPage] | Response:
        try:
            params = SearchParams.from_query(request.query_params.items())
            return params, service.search_page(params)
        except InvalidParameter as exc:
            return _error(400, str(exc))
        except FreeTextRefused:
            body, content_type = error_response_parts(502, 0)
            return Response(body, status_code=502, media_type=content_type.decode())

    @app.get("/notices/v1/red")
    async def red_notices(request: Request) -> Response:
        found = search(request)
        if isinstance(found, Response):
            return found
        params, result = found
        return _json(list_body(result, params, base(request)))

    @app.get("/notices/v1/yellow")
    @app.get("/notices/v1/un")
    async def other_notices(request: Request) -> Response:
        """Yellow and UN notices are out of redwatch's scope: always an empty list."""
        try:
            params = SearchParams.from_query(request.query_params.items())
        except InvalidParameter as exc:
            return _error(400, str(exc))
        empty = ResultPage(
            total=0, page=1, result_per_page=params.result_per_page, last_page=1, entries=[]
        )
        return _json(list_body(empty, params, base(request), request.url.path.rstrip("/")))

    @app.get("/notices/v1/red/{notice_id}")
    async def red_notice(request: Request, notice_id: str) -> Response:
        entity_id = _entity_id(notice_id)
        entry = service.entry(entity_id) if entity_id else None
        if entry is None:
            return _not_found()
        return _json(detail_body(entry, base(request), service.pictures_of))

    @app.get("/notices/v1/red/{notice_id}/images")
    async def red_notice_images(request: Request, notice_id: str) -> Response:
        entity_id = _entity_id(notice_id)
        entry = service.entry(entity_id) if entity_id else None
        if entry is None:
            return _not_found()
        return _json(images_body(entry, base(request)))

    @app.get("/notices/v1/red/{notice_id}/images/{picture_id}")
    async def red_notice_picture(notice_id: str, picture_id: str) -> Response:
        entity_id = _entity_id(notice_id)
        entry = service.entry(entity_id) if entity_id else None
        if entry is None or not picture_id.isdigit() or int(picture_id) not in entry.pictures:
            return _not_found()
        return Response(jpeg_for(int(picture_id)), media_type="image/jpeg")

    @app.get("/en/notices/data/countries")
    async def countries() -> Response:
        return _json(countries_payload())

    # --- test hooks ---

    @app.post("/_fake/notices")
    async def upsert_notices(request: Request) -> Response:
        try:
            payload = json.loads(await request.body())
            details = payload if isinstance(payload, list) else [payload]
            created = [service.upsert(detail) for detail in details]
        except ValueError as exc:
            return _error(400, str(exc))
        return _json({"upserted": len(created), "created": sum(created)})

    @app.delete("/_fake/notices/{notice_id}")
    async def remove_notice(notice_id: str) -> Response:
        entity_id = _entity_id(notice_id)
        if entity_id is None or not service.remove(entity_id):
            return _not_found()
        return _json({"removed": entity_id})

    @app.get("/_fake/stats")
    async def stats() -> Response:
        return _json(service.stats())

    @app.delete("/_fake/stats")
    async def reset_stats() -> Response:
        service.reset_stats()
        return _json(service.stats())

    @app.get("/_fake/faults")
    async def get_faults() -> Response:
        return _json(injector.config.model_dump())

    @app.post("/_fake/faults")
    async def set_faults(request: Request) -> Response:
        try:
            config = FaultConfig.model_validate_json(await request.body())
        except ValidationError as exc:
            return _error(400, "; ".join(error["msg"] for error in exc.errors()))
        injector.replace(config)
        return _json(config.model_dump())

    @app.post("/_fake/today")
    async def set_today(request: Request) -> Response:
        try:
            value = json.loads(await request.body()).get("today")
            service.today = dt.date.fromisoformat(value) if value else None
        except (ValueError, TypeError, AttributeError) as exc:
            return _error(400, f'expected {{"today": "YYYY-MM-DD" or null}}: {exc}')
        return _json({"today": service.current_date().isoformat()})

    app.add_middleware(FaultMiddleware, injector=injector, service=service)
    return app
