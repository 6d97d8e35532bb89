"""Phrases that say something about the seeds as a whole, in several languages.

``SETTLED``: the thing exists already (implemented, released, stable, in production).
``WANTED``: someone wants a system built (we need, should be able to, requirements).
"""

from __future__ import annotations

import re

from askspec.read.markdown_blocks import plain_line

STATUS = re.compile(
    r"\b(?:status|state|stage)[*_]{0,2}\s*[:=]\s*[*_]{0,2}(?:final|implemented|released|stable|active|"
    r"shipped|ga)\b",
    re.IGNORECASE,
)
SETTLED = re.compile(
    r"(?:\b(?:is|are|was|were|has been|have been|now)\s+(?:now\s+|fully\s+|already\s+)?"
    r"(?:implemented|released|shipped|deployed|stabili[sz]ed|generally available|"
    r"in production|live in production)\b"
    r"|\b(?:already|fully)\s+(?:implemented|released|shipped|deployed|in production)\b"
    r"|\bgenerally available\b|\bin production since\b|\b(?:is|are) (?:now )?stable\b"
    r"|\b(?:bereits|schon)\s+(?:implementiert|umgesetzt|veröffentlicht|im Einsatz)\b"
    r"|\b(?:ist|sind|wurde|wurden)\s+(?:implementiert|umgesetzt|veröffentlicht)\b"
    r"|\bim Produktivbetrieb\b|\bdéjà\s+(?:implémenté|déployé|publié)e?s?\b"
    r"|\best\s+(?:implémenté|déployé|stable|en production)e?\b|\ben production depuis\b"
    r"|\b(?:ya\s+)?(?:está|están)\s+(?:implementad[oa]s?|en producción|publicad[oa]s?)\b"
    r"|\bya\s+implementad[oa]s?\b"
    r"|已(?:经)?(?:实现|发布|上线|投产|部署)|稳定版|生产环境中运行|実装済み|リリース済み|本番稼働)",
    re.IGNORECASE,
)
WANTED = re.compile(
    r"(?:\b(?:we|i)\s+(?:want|need|would like|'d like|require|are looking for)\b"
    r"|\bwould like to\b|\bshould be able to\b|\bmust be able to\b"
    r"|\b(?:wants?|needs?|would like|asks? for)\s+(?:a|an|the|some|our)\s+(?:[\w-]+\s+){0,2}"
    r"(?:tool|system|app|application|software|service|program|website|site|dashboard|script|"
    r"bot|platform|database|api)\b"
    r"|\b(?:it|this) (?:should|must|has to) (?:produce|send|show|store|run|read|keep)\b"
    r"|\bthe (?:system|tool|app|application|software|service|platform|program)\s+"
    r"(?:should|must|shall|will need to)\b"
    r"|\brequirements?\b|\buser stor(?:y|ies)\b|\bacceptance criteria\b"
    r"|\brequest for (?:quotation|proposals?|tender)\b|\bstatement of work\b|\bdeliverables?\b"
    r"|\bthe (?:supplier|contractor|vendor|bidder)s? (?:shall|must|will|migrates?|delivers?)\b"
    r"|\b(?:wir|ich)\s+(?:brauchen|möchten|wollen|benötigen)\b|\bsoll(?:te)? (?:können|möglich)\b"
    r"|\b(?:nous|je)\s+(?:voulons|souhaitons|avons besoin)\b|\bdevrait pouvoir\b"
    r"|\b(?:queremos|necesitamos|nos gustaría)\b|\bdebe poder\b"
    r"|我们(?:需要|希望|想要)|需求|希望能够|必须能够"
    # A heading naming what a request covers: the text is a spec, however loosely written.
    r"|^[ \t]{0,3}#{0,6}[ \t]*(?:inputs?|outputs?|requirements|hardware|performance)[ \t]*:?$)",
    re.IGNORECASE | re.MULTILINE,
)
SAMPLE = 40_000


def first_match(pattern: re.Pattern[str], text: str) -> tuple[int, str] | None:
    """The line number (1-based) and the line of the first match, or None."""
    match = pattern.search(text[:SAMPLE])
    if match is None:
        return None
    start = text.rfind("\n", 0, match.start()) + 1
    end = text.find("\n", match.end())
    line = text[start : end if end >= 0 else len(text)].strip()
    return text.count("\n", 0, match.start()) + 1, plain_line(line).strip("#*>-| ")
