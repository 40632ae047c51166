"""Search filters as a user types them on the command line or in the app, checked into `SearchOptions`."""

from __future__ import annotations

from typing import Optional, Sequence

from second_me.errors import InputRejected
from second_me.retrieval.hybrid import SearchOptions
from second_me.retrieval.query import check_kinds, filter_range


def search_options(k: int, kinds: Sequence[str] = (), since: Optional[str] = None, until: Optional[str] = None,
                   path: Optional[str] = None, person: Optional[str] = None, context: int = 0) -> SearchOptions:
    """Search filters as a user types them (`--kind`, `--since 2024-05`, `--person Sam`, ...), checked."""
    if k <= 0:
        raise InputRejected(f"-k must be a positive number, not {k}")
    if context < 0:
        raise InputRejected(f"--context must be 0 or more turns, not {context}")
    if person is not None and not person.strip():
        raise InputRejected("--person needs a name")
    start, end = filter_range(since, until)
    kinds = check_kinds([part for value in kinds for part in value.split(",")])
    if "summary" in kinds and "portrait" not in kinds:
        kinds += ("portrait",)  # the portrait is the top of the summary tree
    return SearchOptions(k=k, kinds=kinds, since=start, until=end, path=path,
                         person=person.strip() if person else None, context=context)
