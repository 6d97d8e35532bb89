"""Decide what a seed is: prose, code, spec or data, with a confidence and evidence.

``rules`` holds the tables and patterns as data, ``features`` counts what the checks
look at, ``structured`` settles JSON, YAML and delimited rows by their syntax, and
``verdict`` runs the checks and combines their signals.
"""

from __future__ import annotations

from askspec.classify.verdict import ANALYSED_CHARS, Signal, classify, combine

__all__ = ["ANALYSED_CHARS", "Signal", "classify", "combine"]
