"""The request's date: --date, else SOURCE_DATE_EPOCH, else today; one a Date header can carry."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime

from askspec.errors import UsageError


def parse_date(value: str | None) -> date:
    """--date, else SOURCE_DATE_EPOCH, else today (UTC)."""
    if value:
        try:
            day = date.fromisoformat(value)
        except ValueError:
            raise UsageError(f"--date must be YYYY-MM-DD, not {value!r}") from None
        return usable(day, "--date")
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        try:
            day = datetime.fromtimestamp(int(epoch), UTC).date()
        except (OverflowError, OSError, ValueError):
            raise UsageError("SOURCE_DATE_EPOCH is not a time askspec can use") from None
        return usable(day, "SOURCE_DATE_EPOCH")
    return datetime.now(UTC).date()


def usable(day: date, source: str) -> date:
    """The day, when an e-mail Date header can carry it (years 1970 to 9999)."""
    if not 1970 <= day.year <= 9999:
        raise UsageError(f"{source} gives {day.isoformat()}: the year must be 1970 to 9999")
    return day
