"""Measurable targets: a number with a unit, parsed into metric, value, unit and condition.

Used on seed text now and on answers later, so that "fast enough" is called vague
wherever it appears while "p99 under 200 ms at 500 requests/s" is a target.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from askspec.models import Target

#: A number as people write it: 200, 1,000, 2.5, 10k, 1 million, 3万.
#: It starts only where a number starts (not inside "12,345" or after "1.") and
#: never gives back what it took, so a run of 8,000 digits or spaces is read in
#: linear time instead of being retried from every position.
NUMBER = (
    r"(?<!\d)(?<!\d[.,])(?P<num>\d++(?:[.,]\d++)*+)"
    r"(?:\s*+(?P<mult>k\b|K\b|M\b|thousand\b|million\b|billion\b|千|万|亿))?"
)
MULTIPLIERS = {
    "k": 1e3,
    "K": 1e3,
    "thousand": 1e3,
    "千": 1e3,
    "M": 1e6,
    "million": 1e6,
    "万": 1e4,
    "billion": 1e9,
    "亿": 1e8,
}
TIME_UNIT = (
    r"(?P<unit>ns|µs|us|ms|milliseconds?|microseconds?|seconds?|secs?|s|minutes?|mins?|"
    r"hours?|hrs?|h|days?|毫秒|微秒|秒钟|秒|分钟|小时|天|"
    # German, French, Spanish and Japanese
    r"Millisekunden?|Sekunden?|Minuten?|Stunden?|Tag(?:en?)?|millisecondes?|secondes?|heures?|"
    r"jours?|milisegundos?|segundos?|minutos?|horas?|días?|ミリ秒|マイクロ秒|分間|時間)"
    r"(?![A-Za-z])"
)
#: Sizes; French writes octets: Ko, Mo, Go, To.
SIZE_UNIT = r"(?P<unit>[KMGTP]i?B|[KMGT]B?s?|[KMGT]o|bytes|octets|兆|字节|バイト)(?![A-Za-z])"
PER = r"\s*+(?:/|per\s+|an?\s+|每)"
PERIOD = r"(?P<period>second|sec|s|minute|min|hour|hr|h|day|d|month|year|秒|分钟|小时|天|月)\b"
RATE_NOUN = (
    r"(?P<unit>requests?|reqs?|queries|calls|messages?|events?|records?|rows?|orders?|files?|"
    r"images?|frames?|documents?|transactions?|readings?|jobs?|users?|items?|tokens?|"
    r"uploads?|次|条|个|张|帧|笔|请求)"
)

#: A bound in front of a value makes a duration a target rather than a fact about the past.
BOUND = re.compile(
    r"(under|below|within|less than|at most|no more than|up to|max(?:imum)?|<=?|≤|"
    r"in under|at least|不超过|小于|低于|以内|之内|内完成|最多|至少|"
    r"innerhalb von|unter|höchstens|maximal|weniger als|moins de|en moins de|au plus|"
    r"au maximum|menos de|como máximo|máximo de|en un máximo de)\s*$",
    re.IGNORECASE,
)
#: Chinese and Japanese put the bound after the value: "60 秒内", "3 秒以内", "1 秒以下".
AFTER_BOUND = re.compile(r"[ \t]{0,4}(?:内|以内|之内|以下|or less|or faster)")
PERCENTILE = re.compile(
    r"\b[pP](\d{2}(?:\.\d+)?)\b|\b(\d{2}(?:\.\d+)?)(?:th|st|nd|rd)?[- ]percentile\b|百分之(\d+)"
)
CONDITION = re.compile(
    r"\b((?:at|with|under|on|for|when|during)\s+(?:peak|load|\d|one|a|an|the|each|every)"
    r"[^.;,，。]*)",
    re.IGNORECASE,
)
METRIC_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("startup", re.compile(r"start[- ]?up|\bstarts?\b|boot|cold start|启动", re.IGNORECASE)),
    (
        "latency",
        re.compile(
            r"latency|respon|round[- ]trip|延迟|时延|响应|応答|レイテンシ|遅延|"
            r"latenz|antwortzeit|latence|réponse|latencia|respuesta",
            re.IGNORECASE,
        ),
    ),
    ("memory", re.compile(r"memory|RAM\b|heap|RSS|内存", re.IGNORECASE)),
    ("disk", re.compile(r"disk|storage|SSD|HDD|硬盘|存储", re.IGNORECASE)),
)
COSTS = (
    re.compile(r"(?P<unit>[$€£¥])\s*" + NUMBER),
    re.compile(NUMBER + r"\s*(?P<unit>EUR|USD|GBP|CNY|dollars|euros|元|美元|欧元)"),
)
COUNT_VOLUME = re.compile(
    NUMBER + r"\s*(?:concurrent\s+|simultaneous\s+|active\s+)?"
    r"(?P<unit>users|devices|sensors|probes|connections|clients|sessions|rows|records|"
    r"files|images|documents|messages|events|orders|transactions|用户|设备|传感器|条记录|个文件)"
)


def number(num: str, mult: str | None = None) -> float:
    """A written number as a float: thousands separators dropped, multipliers applied."""
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", num):
        num = num.replace(",", "")
    value = float(num.replace(",", "."))
    return value * MULTIPLIERS.get(mult or "", 1.0)


def _metric_for(text: str, allowed: tuple[str, ...]) -> str:
    for name, pattern in METRIC_WORDS:
        if name in allowed and pattern.search(text):
            return name
    return ""


def _percentile(text: str) -> str:
    match = PERCENTILE.search(text)
    if not match:
        return ""
    return "p" + next(group for group in match.groups() if group)


CLAUSE_END = re.compile(r"[.;,，。；、]\s|[;，。；、]|$")


def _condition(text: str, end: int) -> str:
    """The clause after the value that says under what load or on what machine."""
    clause = text[end : CLAUSE_END.search(text, end).start()]  # type: ignore[union-attr]
    match = CONDITION.search(clause)
    return " ".join(match.group(1).split()) if match else ""


RATE = re.compile(NUMBER + r"(?:\s*+" + RATE_NOUN + ")?" + PER + PERIOD, re.IGNORECASE)
SHORT_RATE = re.compile(NUMBER + r"\s*(?P<unit>rps|qps|tps|fps|QPS|TPS|RPS)\b")
PER_PERIOD_ZH = re.compile(
    r"每(?P<period>秒|分钟|小时|天)\s*(?:处理|完成|接收|发送)?\s*"
    + NUMBER
    + r"\s*(?P<unit>次请求|个请求|次|条|个|张|帧|笔|请求)?"
)
ONCE = re.compile(r"\b(?P<num>once|twice)\s+(?:a|an|per|every)\s+" + PERIOD, re.IGNORECASE)
DURATION = re.compile(NUMBER + r"\s*" + TIME_UNIT)
SIZE = re.compile(NUMBER + r"\s*" + SIZE_UNIT)
CURRENCY = "$€£¥"


class _Finder:
    """Collects targets left to right, each stretch of text used by one target only."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.taken: list[tuple[int, int]] = []
        self.found: list[Target] = []

    def free(self, match: re.Match[str]) -> bool:
        start, end = match.span()
        return not any(start < b and a < end for a, b in self.taken)

    def add(self, match: re.Match[str], metric: str, unit: str, percentile: str = "") -> None:
        self.taken.append(match.span())
        value = number(match.group("num"), match.group("mult"))
        condition = _condition(self.text, match.end())
        self.found.append(Target(metric, value, unit, percentile, condition))


def _costs(f: _Finder) -> None:
    for pattern in COSTS:
        for match in pattern.finditer(f.text):
            period = re.match(PER + PERIOD, f.text[match.end() :], re.IGNORECASE)
            unit = match.group("unit") + (f"/{period.group('period')}" if period else "")
            if f.free(match):
                f.add(match, "cost", unit)
                if period:
                    f.taken.append((match.end(), match.end() + period.end()))


def _rates(f: _Finder) -> None:
    for match in RATE.finditer(f.text):
        after_currency = match.start() > 0 and f.text[match.start() - 1] in CURRENCY
        if f.free(match) and not after_currency:
            f.add(match, "throughput", (match.group("unit") or "items") + "/" + match["period"])
    for match in SHORT_RATE.finditer(f.text):
        if f.free(match):
            f.add(match, "throughput", match.group("unit").lower())
    for match in PER_PERIOD_ZH.finditer(f.text):
        if f.free(match):
            f.add(match, "throughput", (match.group("unit") or "次") + "/" + match["period"])
    _once(f)


def _once(f: _Finder) -> None:
    for match in ONCE.finditer(f.text):
        if f.free(match):
            f.taken.append(match.span())
            value = 1.0 if match.group("num").lower() == "once" else 2.0
            f.found.append(Target("throughput", value, "times/" + match["period"].lower()))


def _durations(f: _Finder) -> None:
    """Durations count when bounded ("under 2 s") or named ("latency 80 ms")."""
    for match in DURATION.finditer(f.text):
        if not f.free(match):
            continue
        before = f.text[max(0, match.start() - 40) : match.start()]
        metric = _metric_for(before, ("startup", "latency"))
        if metric or BOUND.search(before) or AFTER_BOUND.match(f.text, match.end()):
            f.add(match, metric or "time", match.group("unit"), _percentile(f.text))


#: A speed told as a ratio: "1.5x faster", "3 times quicker", "1.5 倍程度高速", "2 fois
#: plus rapide", "3-mal schneller"; the words of speed are looked for near it.
SPEEDUP = re.compile(NUMBER + r"\s*+(?P<unit>x|×|times|倍|fois|veces|-?mal|-fold)(?![A-Za-z])")
SPEED_WORDS = re.compile(
    r"faster|quicker|slower|speed|高速|快|速度|性能|rapide|rápid|lent|schneller|langsamer",
    re.IGNORECASE,
)
#: How far from the ratio its word of speed may stand, in characters.
SPEED_WINDOW = 24


def speedups(text: str) -> Iterator[re.Match[str]]:
    """Each ratio in the text that a word of speed stands near."""
    for match in SPEEDUP.finditer(text):
        before = text[max(0, match.start() - SPEED_WINDOW) : match.start()]
        after = text[match.end() : match.end() + SPEED_WINDOW]
        if SPEED_WORDS.search(after) or SPEED_WORDS.search(before):
            yield match


def _speedups(f: _Finder) -> None:
    for match in speedups(f.text):
        if f.free(match):
            f.add(match, "time", "x")


def _sizes(f: _Finder) -> None:
    for match in SIZE.finditer(f.text):
        if match.group("unit") in {"M", "K", "T", "Ms"} or not f.free(match):
            continue
        around = f.text[max(0, match.start() - 30) : match.end() + 20]
        f.add(match, _metric_for(around, ("memory", "disk")) or "volume", match.group("unit"))


def _counts(f: _Finder) -> None:
    for match in COUNT_VOLUME.finditer(f.text):
        if f.free(match):
            f.add(match, "volume", match.group("unit"))


#: Every target pattern but ONCE starts with a NUMBER, so it needs a digit.
DIGIT = re.compile(r"\d")


def parse_targets(text: str) -> tuple[Target, ...]:
    """Every measurable target in a piece of text: costs, rates, durations, sizes, counts."""
    finder = _Finder(text)
    if not DIGIT.search(text):
        # Most lines hold no number at all; only "once a day" can be a target there.
        _once(finder)
        return tuple(finder.found)
    for step in (_costs, _rates, _durations, _speedups, _sizes, _counts):
        step(finder)
    return tuple(finder.found)


#: Hardware quantities: counts of cores, sizes of memory and disk.
HARDWARE_QUANTITY = re.compile(
    r"(?<!\d)\d++\s*+-?(?:cores?|vcpus?|cpus?|threads|核)|"
    r"(?<!\d)\d++\s*+(?:[KMGT]i?B|G|T)\s*+(?:of\s+)?"
    r"(?:RAM|memory|VRAM|disk|SSD|HDD|NVMe|storage|内存|显存|硬盘)|"
    r"(?:RAM|memory|内存|显存|硬盘)\D{0,8}\d++\s*+(?:[KMGT]i?B|G|T)\b",
    re.IGNORECASE,
)
#: Hardware named precisely without a unit: models by number, versions, hard constraints.
HARDWARE_NAMED = re.compile(
    r"\b(?:RTX|GTX|Quadro|Tesla|Radeon|Jetson)\s*\w*\d+|\b[AHLV]\d{2,3}\b|\bT4\b|"
    r"Raspberry Pi\s*(?:\d|Zero)|树莓派\s*\d|\bESP32\b|\bArduino \w+|"
    r"\b(?:Ubuntu|Debian|Windows|macOS|Android|iOS|RHEL|CentOS|Fedora|Alpine)\s*\d+|"
    r"\bx86[-_]64\b|\baarch64\b|\barm64\b|"
    r"offline|air[- ]gapped|no (?:internet|network)|without (?:internet|network)|离线|断网|内网",
    re.IGNORECASE,
)


def measurable(text: str) -> bool:
    """True when the text holds a number with a unit: a performance target or a hardware size.

    "fast enough", "a small server" and "low latency" are not measurable;
    "under 200 ms", "8 GB RAM", "4 cores" and "500 requests/s" are.
    """
    return bool(parse_targets(text)) or bool(HARDWARE_QUANTITY.search(text))


def hardware_specific(text: str) -> bool:
    """True when a hardware statement is measurable or names a model, version or hard limit.

    "Raspberry Pi 4", "Ubuntu 22.04" and "must work offline" pin the hardware down
    without a unit; "an old laptop" does not.
    """
    return measurable(text) or bool(HARDWARE_NAMED.search(text))
