"""The languages askspec writes in, and the catalog the request is written with.

The list of languages is data (``locale/languages.toml``); each has a gettext catalog,
``locale/<catalog>/LC_MESSAGES/askspec.po``, read with Babel when it is first needed.
The sources are the catalogs themselves, so a wheel and an editable install read the
same files and no build step compiles anything.

Code that writes for the stakeholder marks its text with ``_``, ``ngettext`` (or
``N_`` where a table holds the text and translation happens later) and runs inside
``speaking(code)``; outside it, text stays in English.
"""

from __future__ import annotations

import contextlib
import gettext
import io
import tomllib
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from askspec.errors import TemplateError, UsageError

DOMAIN = "askspec"
AUTO = "auto"
DEFAULT = "en"
LANGUAGES_FILE = "languages.toml"


@dataclass(frozen=True)
class Language:
    """A language askspec writes in: its code, catalog folder, detected code and name."""

    code: str
    catalog: str
    detect: str
    name: str

    @property
    def catalog_path(self) -> str:
        """Where its catalog lies, relative to the locale folder."""
        return f"{self.catalog}/LC_MESSAGES/{DOMAIN}.po"


def locale_folder() -> resources.abc.Traversable:
    """The folder of shipped catalogs inside the installed package."""
    return resources.files("askspec").joinpath("locale")


@cache
def languages() -> dict[str, Language]:
    """Every language askspec writes in, by code, in the order of languages.toml."""
    text = locale_folder().joinpath(LANGUAGES_FILE).read_text(encoding="utf-8")
    table = tomllib.loads(text)["languages"]
    return {code: Language(code, **row) for code, row in table.items()}


def choices() -> str:
    """``auto, en, zh-CN, ...`` for help texts and errors."""
    return ", ".join((AUTO, *languages()))


def resolve(value: str, source: str = "--lang") -> str:
    """The code a user meant (case, ``_`` and ``-`` aside), or ``auto``; else a usage error."""
    wanted = value.strip().replace("_", "-").lower()
    if wanted == AUTO:
        return AUTO
    for code in languages():
        if code.lower() == wanted:
            return code
    raise UsageError(f"{source}: {value!r} is not a language askspec writes; use {choices()}")


def for_detected(detected: str) -> Language | None:
    """The language written for text recognised as ``detected`` (``zh``, ``de``...)."""
    return next((lang for lang in languages().values() if lang.detect == detected), None)


def read_catalog(data: bytes, where: str) -> gettext.GNUTranslations:
    """A .po catalog as translations; fuzzy and empty entries are left out."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    try:
        catalog = read_po(io.BytesIO(data), domain=DOMAIN, abort_invalid=True)
    except Exception as exc:  # Babel raises PoFileError, ValueError and more on bad input
        raise TemplateError(f"not a readable gettext catalog: {exc}", where) from exc
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


@cache
def shipped(code: str) -> gettext.NullTranslations:
    """The shipped catalog of a language."""
    lang = languages()[code]
    data = locale_folder().joinpath(lang.catalog_path).read_bytes()
    return read_catalog(data, f"locale/{lang.catalog_path}")


def translations(code: str, templates: Path | None = None) -> gettext.NullTranslations:
    """The catalog for a language; a --templates folder's own catalog comes first."""
    found = shipped(code)
    if templates is None:
        return found
    own = templates / "locale" / languages()[code].catalog_path
    if not own.is_file():
        return found
    try:
        data = own.read_bytes()
    except OSError as exc:
        raise TemplateError(f"cannot read: {exc.strerror or exc}", str(own)) from exc
    mine = read_catalog(data, str(own))
    mine.add_fallback(found)
    return mine


#: Outside ``speaking``, messages stay as written: in English.
_ENGLISH = gettext.NullTranslations()
_ACTIVE: ContextVar[gettext.NullTranslations | None] = ContextVar(
    "askspec_translations", default=None
)
_CODE: ContextVar[str] = ContextVar("askspec_language", default=DEFAULT)


@contextlib.contextmanager
def speaking(code: str, templates: Path | None = None) -> Iterator[None]:
    """Write in this language inside the block (a supported code, not ``auto``)."""
    tokens = (_ACTIVE.set(translations(code, templates)), _CODE.set(code))
    try:
        yield
    finally:
        _ACTIVE.reset(tokens[0])
        _CODE.reset(tokens[1])


def current() -> str:
    """The code of the language being written."""
    return _CODE.get()


def _(message: str) -> str:
    """The message in the language being written."""
    return (_ACTIVE.get() or _ENGLISH).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural message, as the language being written counts."""
    return (_ACTIVE.get() or _ENGLISH).ngettext(singular, plural, count)


def N_(message: str) -> str:  # noqa: N802 - the name gettext's tools look for
    """Mark text in a table for translation where it is used; returns it unchanged."""
    return message


def in_every_language(message: str) -> frozenset[str]:
    """The message as every shipped catalog writes it (English included)."""
    return frozenset({message, *(shipped(code).gettext(message) for code in languages())})


def language_name(detected: str) -> str:
    """The name of a language (``zh``, ``de``...) in the language being written."""
    from babel import Locale, UnknownLocaleError

    try:
        names = Locale.parse(current().replace("-", "_")).languages
    except (UnknownLocaleError, ValueError):
        return detected
    return str(names.get(detected, detected))
