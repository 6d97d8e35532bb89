"""How a reference is built, as the classifier reads it: the labels of its paragraphs
and entries, headings that name calls, grammar productions, HTTP operations, tables of
fields, defined terms and statements of what is allowed, in several languages.

The line patterns are searched with a newline put in front of the text, each match
led by its line's newline, as in features.py.
"""

from __future__ import annotations

import re

#: A line that is only a paragraph's stable dotted name, as language references and
#: standards label each rule so that it can be cited: ``[basic.life]``,
#: ``r[items.static.intro]``. One line, no nested runs.
DOTTED_LABEL = r"[a-z]{0,2}\[[a-z][\w-]{0,40}(?:\.[\w-]{1,40}){1,8}\]"
PARAGRAPH_LABEL = re.compile(rf"\n{DOTTED_LABEL}[ \t]*(?=\n|$)")
#: Labels that a reference gives each entry it documents: the entry's type, parameters
#: and return value (CORE), with its details, defaults and examples.
ENTRY_CORE_LABELS = frozenset(
    {"type", "types", "signature", "syntax", "parameters", "params", "arguments", "returns",
     "return value", "return type", "raises", "throws", "exceptions", "errors", "panics",
     "类型", "签名", "语法", "参数", "返回", "返回值", "异常", "型", "シグネチャ", "構文", "引数",
     "戻り値", "例外", "typ", "parameter", "rückgabewert", "paramètres", "valeur de retour",
     "syntaxe", "tipo", "parámetros", "valor de retorno", "sintaxis"}
)  # fmt: skip
ENTRY_LABELS = ENTRY_CORE_LABELS | frozenset(
    {"details", "default", "default value", "example", "examples", "see also", "since",
     "deprecated", "详细信息", "详情", "默认值", "示例", "参考", "詳細", "デフォルト", "例", "参照",
     "beispiel", "standardwert", "détails", "exemple", "detalles", "ejemplo"}
)  # fmt: skip
#: A line that opens with such a label, alone or before a colon and its value:
#: ``- **Type**``, ``### Returns {#returns}``, ``**Returns**: the id``. Up to three words are
#: taken as the label, and never given back; the caller keeps those in ENTRY_LABELS.
ENTRY_LABEL_LINE = re.compile(
    r"\n[ \t>]{0,4}(?:[-*+][ \t]{1,3})?(?:#{1,6}[ \t]{1,3})?[*_]{0,2}"
    r"([^\W\d_][^\W_]{0,20}+(?:[ ][^\W_]{1,20}+){0,2}+)"
    r"[*_]{0,2}[ \t]{0,8}(?:\{[#.][^{}\n]{0,80}\}[ \t]*)?(?=[:：\n]|[*_]{0,2}[ \t]*(?:\n|$))"
)
#: A heading that names a function or method with its parameters, as API references
#: head each entry: ``### router.all()``, ``## fs.readFile(path[, options])``.
#: Bounded runs, one line.
CALL_HEADING = re.compile(
    r"\n#{1,6}[ \t]{1,3}`?((?:new[ \t])?[A-Za-z_$][\w$]{0,40}(?:(?:\.|::|#)[\w$]{1,40}){0,4})"
    r"\([^()\n]{0,120}\)`?[ \t]*(?:\{[#.][^{}\n]{0,80}\}[ \t]*)?(?=\n|$)"
)
#: A grammar production: ``Name ::= …``, ``Name → …``, ``Name -> …`` (a capitalised
#: name, as lexer grammars write them) or an italic ``_Name_ :`` head (language
#: references). Bounded runs, one line.
GRAMMAR_LINE = re.compile(
    r"\n[ \t>]{0,8}(?:_?[A-Za-z][\w-]{0,40}_?[ \t]{0,4}(?:::=|→)|_[A-Z][A-Za-z]{1,40}_[ \t]{0,4}:"
    r"|[A-Z][\w]{0,40}[ \t]{1,4}->[ \t])"
)

#: A line that names an HTTP operation, as API reference pages head or show each one:
#: ``GET /api/tags``, ``### `POST /v1/chat` ``, the operation in the group. Bounded runs.
HTTP_OPERATION = re.compile(
    r"\n[ \t>#*`-]{0,8}((?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\*{0,2}[ \t]{1,4}`?"
    r"(?:https?://[^\s/`]{1,80})?/[\w/{}:.$<>*-]{0,120})"
)

#: A table that defines fields: its header names each row's field and its type (or
#: whether it is required), as data dictionaries, schemas and API references do.
FIELD_NAME_COLUMNS = frozenset(
    {
        "name", "field", "field name", "parameter", "parameter name", "param", "argument",
        "attribute", "property", "key", "column", "column name", "option", "variable",
        "字段", "字段名", "字段名称", "参数", "参数名", "名称", "属性", "列名", "变量",
        "フィールド", "フィールド名", "項目", "項目名", "パラメータ", "パラメーター", "引数",
        "名前",
        "feld", "feldname", "parametername", "attribut", "eigenschaft", "spalte",
        "champ", "paramètre", "nom", "colonne", "propriété",
        "campo", "parámetro", "nombre", "atributo", "propiedad", "columna",
    }
)  # fmt: skip
FIELD_TYPE_COLUMNS = frozenset(
    {
        "type", "data type", "datatype", "value type", "required", "mandatory", "optional",
        "类型", "数据类型", "字段类型", "必填", "是否必填", "必选", "是否必须",
        "型", "データ型", "必須",
        "typ", "datentyp", "pflicht", "erforderlich",
        "obligatoire", "type de données",
        "tipo", "tipo de dato", "obligatorio", "requerido",
    }
)  # fmt: skip
#: A defined term: an emphasised word or phrase, then the verb that defines it or a
#: modal that rules on it ("The *boolean type* is…", "*静态项*是…"), as references,
#: standards and glossaries introduce their terms. Bounded runs.
DEFINED_TERM = re.compile(
    r"(?<![*_\w])(?:\*{1,2}[^*\n]{1,50}\*{1,2}|_{1,2}[^_\n]{1,50}_{1,2})[ \t]{0,2}"
    r"(?:\([^()\n]{0,40}\)[ \t]{0,2})?"
    r"(?:(?:is|are|refers to|means|denotes|may|must|ist|sind|bezeichnet|darf|muss|est|sont|"
    r"désigne|doit|es|son|significa|debe)\b|是|指|只能|必须|とは|は)"
)
#: Impersonal statements of how a system behaves, as references and standards make
#: them: what is an error, undefined, allowed or guaranteed.
NORMATIVE_PHRASES = (
    "is an error", "it is an error", "undefined behavior", "undefined behaviour",
    "implementation-defined", "is not allowed", "are not allowed", "is forbidden",
    "is prohibited", "is invalid", "is ill-formed", "is guaranteed", "are guaranteed",
    "is permitted", "are permitted", "is not permitted", "are reserved", "is reserved",
    "may only be", "can only be", "must only be", "只能用", "只能在", "只允许",
    "未定义行为", "是错误的", "是不允许的", "不允许", "会报错", "被禁止",
    "未定義動作", "エラーになる", "エラーとなる", "してはならない", "許可されない", "保証される",
    "darf nur", "kann nur", "undefiniertes verhalten", "ist nicht erlaubt", "ist unzulässig",
    "ist ein fehler", "ne peut être", "ne peut pas être", "comportement indéfini",
    "n'est pas autorisé", "est interdit", "est une erreur", "solo puede", "sólo puede",
    "comportamiento indefinido", "no está permitido", "está prohibido", "es un error",
)  # fmt: skip
