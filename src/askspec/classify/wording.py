"""The words the classifier scores with: interface definitions, standards and
requirement language, in several languages. Adding a sign is adding a row here;
verdict.py holds only the scoring."""

from __future__ import annotations

import re

from askspec.classify.pattern_building import by_first_letter

# --- interface definitions and standards ----------------------------------------

#: Signs of interface definitions, matched against the head of a file, each with
#: literals one of which every match holds: most heads hold none, so a pattern is
#: searched only in a head that holds one of its literals.
#: measured: saves 19% of classify time on the legacy corpus and documents.
#: A sign that starts a line is led by the line's newline, not ^, and searched in the
#: head with a newline put in front, as the line patterns of features.py are.
#: measured: saves 0.4 s of 14.0 s classifying the 10,000-file tree.
API_SIGNS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (r"\n\s*[\"']?openapi[\"']?\s*:\s*[\"']?3", "OpenAPI definition", ("openapi",)),
    (r"\n\s*[\"']?swagger[\"']?\s*:\s*[\"']?2", "Swagger definition", ("swagger",)),
    (r"\n\s*[\"']?asyncapi[\"']?\s*:", "AsyncAPI definition", ("asyncapi",)),
    (r"[\"']?\$schema[\"']?\s*:\s*[\"']?[^\s\"']*json-schema", "JSON Schema", ("$schema",)),
    (r"\n\s*syntax\s*=\s*[\"']proto[23][\"']", "protobuf definition", ("syntax",)),
    (
        r"\n\s*message\s+\w+\s*\{[ \t]*\n(?:[ \t]*(?://[^\n]*)?\n)*[ \t]*"
        r"(?:(?:repeated|optional|required)\s+)?[\w.]+\s+\w+\s*=\s*\d+\s*[;\[]",
        "protobuf definition",
        ("message",),
    ),
    (
        r"\n\s*(?:type\s+(?:Query|Mutation|Subscription)|schema|extend\s+type\s+\w+)\s*\{",
        "GraphQL schema",
        ("type", "schema", "extend"),
    ),
    (
        # A field's type is a named type, capitalised as GraphQL's own (String, ID) are,
        # alone on its line: TypeScript's "msg: string" and "ref: Ref<T>" are not.
        r"\n\s*(?:type|input|interface)\s+\w+(?:\s+implements\s+[\w &]+)?\s*\{\s*\n\s+\w+"
        r"(?:\(.*\))?\s*:\s*\[?[A-Z]\w*!?\]?!?[ \t]*(?:$|[#@=(,])",
        "GraphQL schema",
        ("type", "input", "interface"),
    ),
    (r"<(?:wsdl:)?definitions\b", "WSDL definition", ("definitions",)),
    (r"<(?:xs|xsd):schema\b", "XML Schema", (":schema",)),
    (r"\n#%RAML", "RAML definition", ("#%RAML",)),
    (r"\nFORMAT:\s*1A", "API Blueprint", ("FORMAT",)),
    (r"[\"']discoveryVersion[\"']\s*:", "API discovery document", ("discoveryVersion",)),
    (
        r"\n\s*namespace\s+\w+\s+[\w.]+\s*\n(?:.|\n){0,400}?^\s*(?:struct|service)\s+\w+\s*\{",
        "Thrift definition",
        ("namespace",),
    ),
)
API_PATTERNS = tuple((re.compile(p, re.MULTILINE), what, needs) for p, what, needs in API_SIGNS)

#: Phrases that standards and formal specifications use and other texts do not. Every
#: branch starts with a plain letter, so the regex engine skips ahead to those letters
#: instead of trying each branch at every position (hence the lookbehind for the \b).
#: measured: saves 6% of classify time on the legacy corpus and documents.
STANDARD = re.compile(
    r"Request for Comments:|Internet-Draft|Status of This Memo|Normative References|"
    r"conformance requirements?|conforming(?<=\bconforming) implementations?\b|ISO/IEC \d|"
    r"This (?:document|specification|standard) (?:defines|specifies|describes the format)|"
    r"this (?:document|specification|standard) (?:defines|specifies|describes the format)|"
    r"Key words for use in RFCs|"
    r"Normative Verweise|Références normatives|Referencias normativas|规范性引用文件"
)

# --- requirement language ------------------------------------------------------

#: RFC 2119 / RFC 8174 keywords; only their upper-case form is normative.
RFC2119_WORDS = ("MUST(?: NOT)?", "SHALL(?: NOT)?", "SHOULD(?: NOT)?", "REQUIRED", "RECOMMENDED",
                 "NOT RECOMMENDED")  # fmt: skip
RFC2119 = re.compile(r"\b(" + "|".join(RFC2119_WORDS) + r")\b")
#: Modal verbs by language, matched in lower-cased text; several are common in prose,
#: so they count by density and by who the subject is.
MODAL_WORDS = (
    "must", "shall", "should", "will", "has to", "needs to", "is required to",  # English
    "muss", "müssen", "soll", "sollen", "darf",  # German
    "doit", "doivent", "devra", "devront",  # French
    "debe", "deben", "deberá", "deberán",  # Spanish
    "deve", "devono", "dovrà", "dovranno", "devem", "deverá",  # Italian, Portuguese
    "moet", "moeten", "zal", "dient te", "musi", "muszą",  # Dutch, Polish
    "должен", "должна", "должно", "должны",  # Russian
)  # fmt: skip
#: Modals in languages written without spaces between words.
MODAL_CJK = ("必须", "应当", "应该", "不得", "须", "需要", "应", "しなければならない", "ものとする",
             "必要がある")  # fmt: skip


#: Any modal (one that ends a word; modal_counts checks where it starts), grouped by
#: first letter so the regex engine tries only the modals that start with the letter
#: it stands on.
#: measured: saves 5% of classify time on the legacy corpus and documents.
MODAL = re.compile(by_first_letter([rf"{word}\b" for word in MODAL_WORDS] + list(MODAL_CJK)))
#: Modals too common in narrative to count as requirement words on their own.
WEAK_MODALS = frozenset({"should", "will", "darf", "zal", "需要", "应"})
#: A system as the subject just before a modal: the shape of a requirement in any register.
SYSTEM_NOUNS = ("system", "service", "application", "app", "api", "server", "client", "tool",
    "software", "product", "platform", "component", "module", "device", "program", "library",
    "implementation", "endpoint", "backend", "frontend", "user interface", "ui", "cli",
    "pipeline", "sensor", "controller", "package", "file", "field", "value", "script",
    "message", "request", "response", "header", "entry", "parameter", "attribute", "element",
    "record", "version", "directory", "maintainer", "format", "body", "payload")  # fmt: skip
SYSTEM_PHRASES = ("das system", "die anwendung", "der dienst", "die software", "das gerät",
    "le système", "l'application", "le service", "le logiciel",
    "el sistema", "la aplicación", "el servicio", "el software",
    "il sistema", "l'applicazione", "il servizio", "o sistema", "a aplicação",
    "het systeem")  # fmt: skip
SYSTEM_WORDS = ("система", "系统", "软件", "平台", "服务", "接口", "程序", "设备")
SYSTEM_SUBJECT = re.compile(
    r"(?:\b(?:the|a|an|each|every|this|that|these|all|any) (?:" + "|".join(SYSTEM_NOUNS) + r")s?"
    r"|\b(?:" + "|".join(SYSTEM_PHRASES) + ")|" + "|".join(SYSTEM_WORDS) + r")\s*$"
)
#: A person as the subject just before a modal: advice and narrative, not requirements.
PERSONS = ("you", "we", "i", "they", "he", "she", "one", "du", "ihr", "wir", "ich", "sie", "tu",
           "vous", "nous", "je", "tú", "usted", "il", "elle", "on")  # fmt: skip
PERSON_SUBJECT = re.compile(r"\b(?:" + "|".join(PERSONS) + r")\s+(?:really\s+|also\s+|just\s+)?$")
#: Numbered requirement identifiers: FR-001, REQ-12, NFR 3, R1:, SR-1.2.
#: A numbered requirement's identifier, after a line's indentation: ``REQ-12``,
#: ``- [FR-3]``, ``NFR7:``; the character after it is looked at, not taken.
REQUIREMENT_ID_BODY = (
    r"(?:[-*]\s*)?\[?(?:[A-Z]{1,5}[-_]\d{1,4}(?:\.\d+)*|(?:REQ|FR|NFR|SR|UR|US|UC|R)\d{1,4})"
    r"\]?(?=[\s:.)])"
)
#: User stories in several languages. Every branch starts with a plain letter and checks
#: the word boundary just behind it (a(?<=\ba) matches what \ba does), so the regex
#: engine skips to those letters instead of trying a boundary at every position.
#: measured: saves 17% of classify time on the legacy corpus and documents.
USER_STORY = re.compile(
    r"a(?<=\ba)s an? .{1,60}?,? i (?:want|need|would like)\b|"
    r"a(?<=\ba)ls .{1,60}?(?:möchte|will) ich\b|"
    r"e(?<=\be)n tant que .{1,60}?je (?:veux|souhaite)\b|"
    r"c(?<=\bc)omo .{1,60}?(?:quiero|necesito)\b|c(?<=\bc)ome .{1,60}?(?:voglio|vorrei)\b|"
    r"作为.{1,30}?我(?:想要|希望|想|需要)",
)
#: EARS requirements: WHEN/WHILE/IF/WHERE <condition> the <system> SHALL <response>.
#: An EARS requirement, after a line's indentation: "When ..., the <system> shall ...".
EARS_BODY = r"(?:when|while|if|where)\b.{1,120}?\bthe [\w -]{1,40} shall\b"
#: Gherkin keywords in English, German, French, Spanish and Chinese.
GHERKIN_HEADS = ("Feature", "Scenario(?: Outline)?", "Background", "Examples", "Funktionalität",
                 "Szenario", "Fonctionnalité", "Scénario", "Característica", "Escenario", "功能",
                 "场景", "剧本")  # fmt: skip
#: A Gherkin step, after a line's indentation.
GHERKIN_STEP_BODY = (
    r"(?:Given|When|Then|And|But|Angenommen|Wenn|Dann|Und|Soit|Étant donné|Quand|Alors|"
    r"Et|Dado|Cuando|Entonces|Y|假如|当|那么|而且)\s"
)
