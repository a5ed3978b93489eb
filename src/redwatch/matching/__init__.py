"""Matching: score a query against a notice, with a decision and an explanation."""

from redwatch.matching.blocking import candidate_keys
from redwatch.matching.dates import (
    DateComparison,
    DateVerdict,
    PartialDate,
    compare_dates,
    parse_date,
    parse_notice_date,
)
from redwatch.matching.model import Alignment, Candidate, Decision, Query, Result
from redwatch.matching.score import MATCH_THRESHOLD, POSSIBLE_THRESHOLD, score

__all__ = [
    "MATCH_THRESHOLD",
    "POSSIBLE_THRESHOLD",
    "Alignment",
    "Candidate",
    "DateComparison",
    "DateVerdict",
    "Decision",
    "PartialDate",
    "Query",
    "Result",
    "candidate_keys",
    "compare_dates",
    "parse_date",
    "parse_notice_date",
    "score",
]
