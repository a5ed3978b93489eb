"""Canonical fields of a notice, as compared between syncs to detect changes.

Links are left out (they name the host), raw JSON is kept beside these in the store.
"""

from __future__ import annotations

from typing import Any

from redwatch.interpol.models import NoticeDetail, NoticeSummary
from redwatch.store.repository import Incoming


def list_fields(summary: NoticeSummary) -> dict[str, Any]:
    return {
        "name": summary.name,
        "forename": summary.forename,
        "date_of_birth": summary.date_of_birth,
        "nationalities": summary.nationalities,
        "thumbnail": summary.thumbnail_picture_id,
    }


def detail_fields(detail: NoticeDetail) -> dict[str, Any]:
    return {
        "arrest_warrants": [
            {
                "charge": w.charge,
                "issuing_country_id": w.issuing_country_id,
                "charge_translation": w.charge_translation,
            }
            for w in detail.arrest_warrants
        ],
        "sex_id": detail.sex_id,
        "place_of_birth": detail.place_of_birth,
        "country_of_birth_id": detail.country_of_birth_id,
        "languages_spoken_ids": detail.languages_spoken_ids,
        "height": detail.height,
        "weight": detail.weight,
        "eyes_colors_id": detail.eyes_colors_id,
        "hairs_id": detail.hairs_id,
        "distinguishing_marks": detail.distinguishing_marks,
        "linked_notices": [
            {k: v for k, v in link.model_dump(by_alias=True).items() if k != "_links"}
            for link in detail.embedded.links
        ],
    }


def incoming(
    summary: NoticeSummary,
    raw_summary: dict[str, Any] | None,
    detail: NoticeDetail | None = None,
    raw_detail: dict[str, Any] | None = None,
) -> Incoming:
    return Incoming(
        entity_id=summary.entity_id,
        list_fields=list_fields(summary),
        raw_summary=raw_summary,
        detail_fields=detail_fields(detail) if detail is not None else None,
        raw_detail=raw_detail,
    )
