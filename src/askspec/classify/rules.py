"""The tables the classifier scores with: names, signs and words, in several languages.

Adding a sign is adding a row here; verdict.py holds only the scoring.
"""

from __future__ import annotations

import re

# --- building patterns ----------------------------------------------------------


def first_letter_groups(alternatives: list[str]) -> dict[str, list[str]]:
    """Literal-led branches grouped by first letter (the rest of each), order kept within."""
    groups: dict[str, list[str]] = {}
    for branch in alternatives:
        groups.setdefault(branch[0], []).append(branch[1:])
    return groups


def by_first_letter(alternatives: list[str]) -> str:
    """An alternation of literal-led branches grouped by first letter, order kept within.

    Every branch starts with a literal character, so the regex engine skips to those
    characters; at each, only the branches that can start there are tried. The first
    branch to match is the same as in the plain alternation: branches that start with
    other characters cannot match there.
    """
    groups = first_letter_groups(alternatives)
    return "|".join(f"{first}(?:{'|'.join(rest)})" for first, rest in groups.items())


def prefix_tree(words: list[str], tail: str) -> str:
    """Literal words, each followed by tail, as an alternation of their shared prefixes.

    At each letter the regex engine enters only the branch that goes on with the
    text's next letter, where a flat alternation entered every word that starts with
    the letters read so far ("devra", "devront", "deve" and more after each "de"). Words
    are grouped by first letter, order kept within, as by_first_letter does. A word
    that another goes on from ends in a branch of the tail alone, which may now come
    after the longer word: the tail must rule one of them out (a word boundary does,
    when the longer word goes on with a letter).
    """
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[:1], []).append(word[1:])  # "" for a word that ended
    branches = []
    for first, rests in groups.items():
        if not first:
            branches.append(tail)
        elif len(rests) == 1:
            branches.append(re.escape(first + rests[0]) + tail)
        else:
            branches.append(f"{re.escape(first)}(?:{prefix_tree(rests, tail)})")
    return "|".join(branches)


# --- names --------------------------------------------------------------------

#: identify tags for files that hold documents rather than code.
DOCUMENT_TAGS = frozenset({"markdown", "rst", "plain-text", "asciidoc", "tex", "html", "jupyter"})
#: identify tags for structured data; these are data unless they define an interface.
DATA_TAGS = frozenset({"json", "yaml", "toml", "csv", "tsv", "xml", "ini", "jsonnet", "json5"})
#: identify tags for interface-definition languages: specs by nature.
SPEC_TAGS = frozenset({"proto", "graphql", "gherkin", "wsdl", "xsd", "thrift", "avro-schema"})
#: Extensions identify does not know, and what they are.
EXTRA_EXTENSIONS = {
    ".gql": "spec",
    ".graphqls": "spec",
    ".feature": "spec",
    ".avsc": "spec",
    ".thrift": "spec",
    ".wsdl": "spec",
    ".xsd": "spec",
    ".raml": "spec",
    ".apib": "spec",
    ".smithy": "spec",
    ".jsonl": "data",
    ".ndjson": "data",
}
#: Pygments lexers (by first alias) of formats that are not programming languages:
#: documents, data, logs, patches, settings and grammars. An extension that identify
#: does not know gets no language from one of these (see view.file_tags).
NOT_CODE_LEXERS = frozenset(
    {"text", "markdown", "restructuredtext", "tex", "groff", "org", "tid", "email", "todotxt",
     "json", "yaml", "toml", "xml", "html", "csv", "turtle", "sgf", "pot", "irc", "kmsg", "tap",
     "wdiff", "dpatch", "diff", "zone", "debian.sources", "registry", "pkgconfig", "desktop",
     "nestedtext", "systemd", "ini", "abnf", "bnf", "peg", "jsgf", "shexc"}
)  # fmt: skip

# --- interface definitions and standards ----------------------------------------

#: Signs of interface definitions, matched against the head of a file.
API_SIGNS: tuple[tuple[str, str], ...] = (
    (r"^\s*[\"']?openapi[\"']?\s*:\s*[\"']?3", "OpenAPI definition"),
    (r"^\s*[\"']?swagger[\"']?\s*:\s*[\"']?2", "Swagger definition"),
    (r"^\s*[\"']?asyncapi[\"']?\s*:", "AsyncAPI definition"),
    (r"[\"']?\$schema[\"']?\s*:\s*[\"']?[^\s\"']*json-schema", "JSON Schema"),
    (r"^\s*syntax\s*=\s*[\"']proto[23][\"']", "protobuf definition"),
    (
        r"^\s*message\s+\w+\s*\{[ \t]*\n(?:[ \t]*(?://[^\n]*)?\n)*[ \t]*"
        r"(?:(?:repeated|optional|required)\s+)?[\w.]+\s+\w+\s*=\s*\d+\s*[;\[]",
        "protobuf definition",
    ),
    (
        r"^\s*(?:type\s+(?:Query|Mutation|Subscription)|schema|extend\s+type\s+\w+)\s*\{",
        "GraphQL schema",
    ),
    (
        r"^\s*(?:type|input|interface)\s+\w+(?:\s+implements\s+[\w &]+)?\s*\{\s*\n\s+\w+(?:\(.*\))?"
        r"\s*:\s*\[?\w+!?",
        "GraphQL schema",
    ),
    (r"<(?:wsdl:)?definitions\b", "WSDL definition"),
    (r"<(?:xs|xsd):schema\b", "XML Schema"),
    (r"^#%RAML", "RAML definition"),
    (r"^FORMAT:\s*1A", "API Blueprint"),
    (r"[\"']discoveryVersion[\"']\s*:", "API discovery document"),
    (
        r"^\s*namespace\s+\w+\s+[\w.]+\s*\n(?:.|\n){0,400}?^\s*(?:struct|service)\s+\w+\s*\{",
        "Thrift definition",
    ),
)
#: Compiled to start at the newline before a line instead of ^, which the regex engine
#: would try at every character; they are searched in a head with a newline in front.
API_PATTERNS = tuple(
    (re.compile("\n" + p[1:] if p.startswith("^") else p, re.MULTILINE), what)
    for p, what in API_SIGNS
)
#: What a sign's pattern needs before it is worth running (most heads have no sign).
#: A sign that starts a line needs a line that starts with one of its words: one pass
#: over the line starts finds them all, where a search per literal would read the whole
#: head each time. Any other sign needs one of its literals somewhere in the head.
API_NEEDS = (("openapi",), ("swagger",), ("asyncapi",), ("$schema",), ("syntax",), ("message",),
             ("type", "schema", "extend"), ("type", "input", "interface"), ("<",), ("<",),
             ("#%RAML",), ("FORMAT",), ("discoveryVersion",), ("namespace",))  # fmt: skip
#: Each sign, what it needs, and whether it starts a line (else it is found anywhere).
API_GATED = tuple(
    (pattern, what, needs, pattern.pattern.startswith("\n"))
    for (pattern, what), needs in zip(API_PATTERNS, API_NEEDS, strict=True)
)
#: The words that start the line signs (longest first, so none stops at a prefix).
API_LINE_WORDS = sorted(
    {word for _, _, needs, starts_line in API_GATED if starts_line for word in needs},
    key=lambda word: (-len(word), word),
)
#: Which of those words start lines in a head (after blanks and an optional quote, as
#: the signs allow; a longer word that starts alike only costs a search). The words
#: are grouped by first letter (see by_first_letter); none holds a character that means
#: something in a pattern, so they go in as they are.
LINE_LEAD = re.compile(r"\n[ \t]*+[\"']?(" + by_first_letter(API_LINE_WORDS) + ")")
RFC2119_HINTS = ("MUST", "SHALL", "SHOULD", "REQUIRED", "RECOMMENDED")
#: Literals each user-story pattern needs (" ich", not "ich", which "which" holds). Each
#: literal is one more pass over the text, so one that two patterns share stands for
#: both ("como " for the Spanish ones, "ormativ" for the normative references), and a
#: longer one is found sooner ("en tant que" rather than " je ": the search skips
#: ahead by the length of the literal).
STORY_HINTS = (" i want", " i need", " i would like", " ich", "en tant que", "como ", "voglio",
               "vorrei", "我")  # fmt: skip
STANDARD_HINTS = ("Request for", "Internet-Draft", "Status of This", "ormativ", "onform",
                  "ISO/IEC", "his document", "his specification", "his standard", "Key words",
                  "规范性")  # fmt: skip

#: Phrases that standards and formal specifications use and other texts do not. Every
#: branch starts with a plain letter, so the regex engine skips ahead to those letters
#: instead of trying each branch at every position (hence the lookbehind for the \b).
STANDARD = re.compile(
    r"Request for Comments:|Internet-Draft|Status of This Memo|Normative References|"
    r"conformance requirements?|conforming(?<=\bconforming) implementations?\b|ISO/IEC \d|"
    r"This (?:document|specification|standard) (?:defines|specifies|describes the format)|"
    r"this (?:document|specification|standard) (?:defines|specifies|describes the format)|"
    r"Key words for use in RFCs|"
    r"Normative Verweise|Références normatives|Referencias normativas|规范性引用文件"
)

# --- requirement language ------------------------------------------------------

#: RFC 2119 / RFC 8174 keywords; only their upper-case form is normative. Every branch
#: starts with a capital and checks the word boundary just behind it, so the regex engine
#: skips to those capitals instead of trying a boundary at every position.
RFC2119_WORDS = ("MUST(?: NOT)?", "SHALL(?: NOT)?", "SHOULD(?: NOT)?", "REQUIRED", "RECOMMENDED",
                 "NOT RECOMMENDED")  # fmt: skip
RFC2119 = re.compile(
    "(" + "|".join(f"{word[0]}(?<=\\b{word[0]}){word[1:]}" for word in RFC2119_WORDS) + r")\b"
)
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


#: The modal words, one pattern per ASCII first letter and one for the rest. A pattern
#: that starts with one letter is found much faster than a set of letters, and no
#: modal holds the start of a modal from another pattern ("必须" holds "须", which
#: shares the last one), so together the passes find the same modals as one pattern.
#: An ASCII text skips the last pass. Each pass is a tree of its words' prefixes.
MODAL_LETTERS = tuple(
    re.compile(prefix_tree([first + rest for rest in rests], r"\b"))
    for first, rests in first_letter_groups(list(MODAL_WORDS)).items()
    if first.isascii()
)
MODAL_OTHER = re.compile(
    by_first_letter(
        [rf"{word}\b" for word in MODAL_WORDS if not word[0].isascii()] + list(MODAL_CJK)
    )
)
#: The characters those modals start with. Text of Latin letters holds none, and a
#: test for a character wider than any of a text's is answered without reading it.
MODAL_OTHER_LEADS = tuple(
    sorted({word[0] for word in (*MODAL_WORDS, *MODAL_CJK) if not word[0].isascii()})
)
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
#: How a text before a modal must end for SYSTEM_SUBJECT to match (a cheap first test).
SYSTEM_ENDINGS = (*SYSTEM_NOUNS, *(f"{noun}s" for noun in SYSTEM_NOUNS), *SYSTEM_PHRASES,
                  *SYSTEM_WORDS)  # fmt: skip
#: A person as the subject just before a modal: advice and narrative, not requirements.
PERSONS = ("you", "we", "i", "they", "he", "she", "one", "du", "ihr", "wir", "ich", "sie", "tu",
           "vous", "nous", "je", "tú", "usted", "il", "elle", "on")  # fmt: skip
PERSON_SUBJECT = re.compile(r"\b(?:" + "|".join(PERSONS) + r")\s+(?:really\s+|also\s+|just\s+)?$")
PERSON_ENDINGS = (*PERSONS, "really", "also", "just")
#: Numbered requirement identifiers: FR-001, REQ-12, NFR 3, R1:, SR-1.2.
REQUIREMENT_ID = re.compile(
    r"^\s*(?:[-*]\s*)?\[?(?:[A-Z]{1,5}[-_]\d{1,4}(?:\.\d+)*|(?:REQ|FR|NFR|SR|UR|US|UC|R)\d{1,4})"
    r"\]?[\s:.)]"
)
#: User stories in several languages. Every branch starts with a plain letter and checks
#: the word boundary just behind it (a(?<=\ba) matches what \ba does), so the regex
#: engine skips to those letters instead of trying a boundary at every position.
USER_STORY = re.compile(
    r"a(?<=\ba)s an? .{1,60}?,? i (?:want|need|would like)\b|"
    r"a(?<=\ba)ls .{1,60}?(?:möchte|will) ich\b|"
    r"e(?<=\be)n tant que .{1,60}?je (?:veux|souhaite)\b|"
    r"c(?<=\bc)omo .{1,60}?(?:quiero|necesito)\b|c(?<=\bc)ome .{1,60}?(?:voglio|vorrei)\b|"
    r"作为.{1,30}?我(?:想要|希望|想|需要)",
)
#: EARS requirements: WHEN/WHILE/IF/WHERE <condition> the <system> SHALL <response>.
EARS = re.compile(r"^\s*(?:when|while|if|where)\b.{1,120}?\bthe [\w -]{1,40} shall\b")
#: Gherkin keywords in English, German, French, Spanish and Chinese.
GHERKIN_HEADS = ("Feature", "Scenario(?: Outline)?", "Background", "Examples", "Funktionalität",
                 "Szenario", "Fonctionnalité", "Scénario", "Característica", "Escenario", "功能",
                 "场景", "剧本")  # fmt: skip
GHERKIN_HEAD = re.compile(r"^\s*(?:" + "|".join(GHERKIN_HEADS) + r")\s*:")
GHERKIN_STEP = re.compile(
    r"^\s*(?:Given|When|Then|And|But|Angenommen|Wenn|Dann|Und|Soit|Étant donné|Quand|Alors|"
    r"Et|Dado|Cuando|Entonces|Y|假如|当|那么|而且)\s"
)

# --- headings -----------------------------------------------------------------

#: Heading titles that a spec uses, lower case, in several languages.
SPEC_HEADINGS = frozenset(
    {
        "requirements", "requirement", "functional requirements", "non-functional requirements",
        "inputs", "input", "outputs", "output", "interface", "interfaces", "api",
        "acceptance criteria", "acceptance tests", "scope", "constraints", "non-goals",
        "performance", "hardware", "user stories", "use cases", "specification",
        "terminology", "conventions", "conformance", "normative references", "definitions",
        "synopsis", "parameters", "arguments", "return value", "returns", "exit status",
        "options", "error codes", "responses", "endpoints", "data model", "design",
        "goals", "assumptions", "dependencies", "security considerations",
        "anforderungen", "funktionale anforderungen", "eingaben", "ausgaben", "schnittstelle",
        "schnittstellen", "akzeptanzkriterien", "randbedingungen", "leistung",
        "exigences", "exigences fonctionnelles", "entrées", "sorties", "critères d'acceptation",
        "contraintes", "requisitos", "requisitos funcionales", "entradas", "salidas",
        "criterios de aceptación", "restricciones", "requisiti", "ingressi", "uscite",
        "eisen", "invoer", "uitvoer", "требования", "входные данные", "выходные данные",
        "request", "response", "request body", "response body", "request parameters",
        "response parameters", "request arguments", "response arguments", "query parameters",
        "path parameters", "status codes", "methods", "请求参数", "返回参数", "响应参数",
        "返回值", "リクエスト", "レスポンス", "パラメータ",
        "需求", "功能需求", "非功能需求", "输入", "输出", "接口", "性能", "硬件", "约束",
        "验收标准", "范围", "要求", "要件", "入力", "出力", "性能要件",
    }
)  # fmt: skip
#: Section titles of design documents, proposals and decision records (PEPs, RFCs,
#: KEPs, ADRs, language-change proposals), lower case, in several languages. Each
#: strongly suggests a document that states how a system is to behave...
DESIGN_SECTIONS = frozenset(
    {
        "motivation", "rationale", "specification", "detailed design", "design details",
        "reference-level explanation", "guide-level explanation", "drawbacks",
        "alternatives", "alternatives considered", "rejected alternatives", "rejected ideas",
        "rationale and alternatives", "unresolved questions", "open questions", "open issues",
        "backwards compatibility", "backward compatibility", "compatibility",
        "source compatibility", "abi compatibility", "effect on abi stability", "prior art",
        "proposed solution", "proposal", "proposed change", "proposed design", "decision",
        "decision outcome", "decision drivers", "considered options", "consequences",
        "pros and cons of the options", "context and problem statement",
        "security implications", "how to teach this", "reference implementation",
        "graduation criteria", "test plan", "future possibilities", "future work",
        "migration", "migration path", "deprecation", "non-goals", "implementation plan",
        "risks and mitigations", "design", "architecture", "api changes", "user-facing changes",
        "动机", "设计", "详细设计", "设计方案", "方案", "替代方案", "备选方案", "缺点", "兼容性",
        "向后兼容", "向后兼容性", "未解决的问题", "规范", "决策", "后果", "提案", "非目标",
        "实现方案",
        "架构", "架构设计", "技术方案", "設計", "詳細設計", "仕様", "代替案", "互換性",
        "後方互換性", "欠点", "未解決の問題", "決定", "動機", "begründung", "spezifikation",
        "entwurf", "alternativen", "entscheidung", "konsequenzen", "kompatibilität",
        "abwärtskompatibilität", "offene fragen", "spécification", "justification",
        "conception détaillée", "décision", "conséquences", "compatibilité",
        "questions ouvertes", "proposition", "motivación", "especificación", "justificación",
        "diseño detallado", "alternativas", "decisión", "consecuencias", "compatibilidad",
        "preguntas abiertas", "propuesta", "diseño",
    }
)  # fmt: skip
#: ...and these, common in any long document, count only beside them.
FRAME_SECTIONS = frozenset(
    {
        "abstract", "summary", "background", "introduction", "overview", "goals", "context",
        "status", "references", "copyright", "acknowledgements", "acknowledgments",
        "discussion", "user stories", "examples", "terminology", "definitions", "scope",
        "glossary", "appendix", "changelog", "history", "timeline",
        "摘要", "概述", "背景", "目标", "简介", "介绍", "参考", "概要", "背景と目的", "目的",
        "zusammenfassung", "hintergrund", "ziele", "einleitung", "résumé", "contexte",
        "objectifs", "resumen", "antecedentes", "objetivos", "introducción",
    }
)  # fmt: skip
#: Section titles of requests for quotation, statements of work and contracts.
CONTRACT_SECTIONS = frozenset(
    {
        "statement of work", "scope of work", "statement of objectives", "deliverables",
        "period of performance", "place of performance", "evaluation factors",
        "evaluation criteria", "basis for award", "instructions to offerors",
        "instructions to quoters", "submission instructions", "performance standards",
        "performance work statement", "quality assurance surveillance plan",
        "acceptance criteria", "government furnished property", "key personnel",
        "tasks", "task areas", "objectives", "service level agreement", "pricing",
        "terms and conditions", "technical requirements", "business requirements",
        "工作范围", "交付物", "交付成果", "验收标准", "项目范围", "技术要求", "项目目标",
        "objeto del contrato", "alcance", "entregables", "requisitos técnicos",
        "plazo de ejecución", "pliego de prescripciones técnicas", "leistungsbeschreibung",
        "leistungsumfang", "lieferumfang", "cahier des charges", "livrables",
        "phạm vi công việc", "yêu cầu", "sản phẩm bàn giao", "prescripciones técnicas",
        "objeto de la contratación", "requisitos", "exigences", "anforderungen", "需求",
        "需求说明", "要件", "要件定義", "仕様書", "规约", "規約",
    }
)  # fmt: skip
#: Fields of a proposal's or decision record's header (PEP, RFC, KEP, Swift Evolution,
#: Go proposals, MADR front matter), lower case.
PROPOSAL_FIELDS = frozenset(
    {
        "status", "created", "start date",
        "feature name", "rfc pr", "rust issue", "tracking issue", "proposal", "review manager",
        "implementation", "post-history", "python-version", "sponsor", "pep",
        "last updated", "last-updated", "kep-number", "owning-sig", "stage", "deciders",
        "decision-makers", "consulted", "informed", "superseded-by", "supersedes",
        "replaces", "requires", "discussions-to", "resolution", "discussion at", "review",
        "upcoming feature flag", "champion", "champions", "editors", "editor",
        "状态", "创建时间", "提案", "ステータス",
    }
)  # fmt: skip
#: Words of procurement and contracts: requests for quotation, statements of work,
#: tenders. Distinct ones are counted; several together make a contract's wording.
#: Single words are looked up among the text's words, phrases found as substrings:
#: a case-blind pattern of them all cost more than the rest of classification.
CONTRACT_WORDS = frozenset(
    {
        "contractor", "contractors", "offeror", "offerors", "quoter", "quoters", "vendor",
        "vendors", "solicitation", "deliverable", "deliverables", "invoice", "invoices",
        "subcontract", "subcontractor", "subcontractors", "award", "licitador", "licitadores",
        "adjudicatario", "adjudicataria", "pliego", "contratista", "entregable", "entregables",
        "contrato", "contratación", "adjudicación", "licitación", "prestación", "prestaciones",
        "auftragnehmer", "auftraggeber", "leistungsbeschreibung", "bieter", "vergabe",
        "abnahme", "lastenheft", "pflichtenheft", "leistungsumfang",
        "titulaire", "prestataire", "livrable", "livrables", "soumissionnaire",
        "soumissionnaires", "prestations",
    }
)  # fmt: skip
CONTRACT_PHRASES = (
    "statement of work", "period of performance", "place of performance", "task order",
    "contracting officer", "the government", "request for quotation", "request for proposal",
    "acceptance criteria", "service level", "pouvoir adjudicateur", "cahier des charges",
    "prescripciones técnicas", "objeto del contrato", "plazo de ejecución",
    "acte d'engagement", "maître d'ouvrage", "maîtrise d'ouvrage",
    "甲方", "乙方", "承包方", "承建方", "交付物", "验收", "中标", "投标", "招标", "合同", "工期",
    "発注者", "受注者", "納品", "検収", "成果物", "入札", "仕様書", "委託",
    "bên a", "bên b", "nghiệm thu", "bàn giao", "phạm vi", "ràng buộc", "hợp đồng", "nhà thầu",
)  # fmt: skip
#: A rule marked with its level of obligation, as coding standards and policies number
#: them: ``1. 【强制】…``, ``- [MUST] …``, ``(Required)``. Bounded runs, one line.
RULE_LABEL = re.compile(
    r"[ \t]{0,8}(?:[-*+][ \t]{1,4}|\d{1,3}[.)、][ \t]{0,4})?[【\[(（][ \t]{0,2}"
    r"(?:强制|推荐|参考|建议|必须|禁止|mandatory|required|recommended|advisory|must|should|"
    r"may|optional|shall|muss|soll|obligatoire|recommandé|obligatorio|recomendado)"
    r"[ \t]{0,2}[】\])）]",
    re.IGNORECASE,
)
#: A grammar production: ``Name ::= …``, ``Name → …``, ``Name -> …`` (a capitalised
#: name, as lexer grammars write them) or an italic ``_Name_ :`` head (language
#: references). Bounded runs, one line.
GRAMMAR_LINE = re.compile(
    r"[ \t>]{0,8}(?:_?[A-Za-z][\w-]{0,40}_?[ \t]{0,4}(?:::=|→)|_[A-Z][A-Za-z]{1,40}_[ \t]{0,4}:"
    r"|[A-Z][\w]{0,40}[ \t]{1,4}->[ \t])"
)

#: A line that names an HTTP operation, as API reference pages head or show each one:
#: ``GET /api/tags``, ``### `POST /v1/chat` ``. Bounded runs, applied to one line.
HTTP_OPERATION = re.compile(
    r"[ \t>#*`-]{0,8}(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\*{0,2}[ \t]{1,4}`?"
    r"(?:https?://[^\s/`]{1,80})?/[\w/{}:.$<>*-]{0,120}"
)
#: A proposal header's ``Field: value`` line (PEP, RFC and ADR headers, front matter,
#: Markdown lists of fields). Bounded runs, applied to one line.
FIELD_LINE = re.compile(r"[ \t>*+-]{0,6}\*{0,2}([^\W\d][\w ()-]{0,30}?)\*{0,2}[ \t]{0,4}[:：]")

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
#: modal that rules on it ("The *boolean type* is…", "*静态项*类似于…"), as references,
#: standards and glossaries introduce their terms. Bounded runs.
DEFINED_TERM = re.compile(
    r"(?<![*_\w])(?:\*{1,2}[^*\n]{1,50}\*{1,2}|_{1,2}[^_\n]{1,50}_{1,2})[ \t]{0,2}"
    r"(?:\([^()\n]{0,40}\)[ \t]{0,2})?"
    r"(?:(?:is|are|refers to|means|denotes|may|must|ist|sind|bezeichnet|darf|muss|est|sont|"
    r"désigne|doit|es|son|significa|debe)\b|是|指|类似于|只能|必须|とは|は)"
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

#: Words that open a rule stated as an instruction, as style guides, coding standards
#: and policies state them ("Never use…", "Avoid…", "不要…"). Steps of a tutorial open
#: with other verbs (mix, run, click), so these are the words of standing rules.
DIRECTIVE_WORDS = (
    "always", "never", "avoid", "prefer", "do not", "don't", "must not", "only use",
    "immer", "niemals", "nie", "vermeide", "vermeiden sie", "verwende keine", "bevorzuge",
    "toujours", "jamais", "évitez", "évite", "préférez", "n'utilisez", "ne pas",
    "siempre", "nunca", "evite", "evitar", "prefiera", "no use", "no utilice",
)  # fmt: skip
#: Rules opened or closed by these in scripts written without spaces.
DIRECTIVE_CJK = ("不要", "避免", "禁止", "尽量", "不得", "严禁", "必须", "推荐", "してはならない",
                 "しないこと", "すること", "避けること")  # fmt: skip
#: A sentence or list item that opens with a directive word. Bounded runs.
DIRECTIVE = re.compile(
    r"(?:^|[.!?][ \t]{1,3})(?:[-*+][ \t]{1,4}|\d{1,3}[.)][ \t]{1,4})?(?:"
    + "|".join(re.escape(word) for word in DIRECTIVE_WORDS)
    + r")\b",
    re.MULTILINE,
)

#: Labels that mark an example as one to follow or one to avoid, as style guides and
#: coding standards pair them ("// bad" then "// good", 反例 then 正例).
EXAMPLE_GOOD = frozenset(
    {"good", "do", "correct", "right", "recommended", "preferred", "正例", "推荐", "正确",
     "良い例", "gut", "richtig", "bon", "correcto", "bien", "✅", "✓"}
)  # fmt: skip
EXAMPLE_BAD = frozenset(
    {"bad", "don't", "dont", "avoid", "incorrect", "wrong", "反例", "不推荐", "错误",
     "悪い例", "schlecht", "falsch", "mauvais", "incorrecto", "mal", "❌", "✗"}
)  # fmt: skip
#: What may wrap such a label on its line: comment marks, emphasis, list and table marks,
#: HTML tags. Bounded runs.
EXAMPLE_WRAPPING = re.compile(r"<[^<>\n]{0,40}>|//|/\*|\*/|<!--|-->|[#*_>|:：`-]")

#: Keys a design card uses: ``key: value`` lines that describe a system.
CARD_KEYS = frozenset(
    {
        "kind", "inputs", "input", "outputs", "output", "goal",
        "goals", "hardware", "platform", "performance", "latency", "throughput", "users",
        "constraints", "scope", "purpose", "interface", "api", "storage",
        "deployment", "owner", "status", "requirements", "non-goals",
        "输入", "输出", "性能", "硬件", "目标", "eingaben", "ausgaben", "entrées", "sorties",
    }
)  # fmt: skip

# --- code ---------------------------------------------------------------------

#: Shapes of a statement line that start with a keyword: the keywords (or short
#: keyword-led patterns), and what must follow any of them. Each wants a bracket,
#: operator or line end where wrapped prose would go on with words.
CODE_KEYWORD_SHAPES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("def", "fn", "func", "function", "sub", "proc", "defp?", "method"), r"\s+[\w.$:!]+\s*[({<:]"),
    (("class", "struct", "enum", "trait", "interface", "impl", "module", "namespace", "package",
      "object", "union"), r"\s+[\w.:<>]+\s*(?:[({:;<]|extends\b|implements\b|where\b|$)"),
    (("import", "from", "using", "use", "require", "include", "export", "extern", "library"),
     r"\s+[\w.@'\"/:{*<-]+(?:\s+import\b|\s+as\b|\s*[;({]|\s*$)"),
    (("return", "yield", "raise", "throw", "await", "break", "continue", "pass", "next"),
     r"\b(?:\s*;?\s*$|.*[;(){}\[\]])"),
    (("let", "const", "var", "val", "my", "our", "local", "static", "declare", "readonly", "auto",
      "int", "char", "float", "double", "bool", "void", "unsigned", "long", "string", "final",
      "mut"), r"\s+[\w$*&\[\]<>, :]+\s*(?:=|;|\()"),
    (("fi", "done", "esac", "then", "else", "endif", "end", "endfunction", "endwhile", "endfor",
      "begin", "elif", "try", "finally", "except"), r"\s*[;:]?\s*$"),
    ((r"echo\s+\S", r"printf\s*[(\"']", r"print\s*[(\"']", r"set\s+(?:-\w|\w+\s*=)", r"exit\s+\d"),
     ""),
    (("if", "elif", "while", "for", "with", "except", "elsif", "unless"),
     r"\s+(?=.*(?:[=<>()\[\]._]|\bin\b|\bnot\b))[^:]{1,80}:\s*$"),
    (("if", "for", "foreach", "while", "switch", "catch", "elseif", r"else\s+if"), r"\s*\("),
    (("SELECT", "INSERT INTO", "UPDATE", "DELETE FROM", "CREATE (?:TABLE|INDEX|VIEW|FUNCTION|OR)",
      "DROP", "ALTER TABLE", "GRANT"), r"\b"),
    (("#", "%"), r"\s*(?:include|define|ifn?def|if|endif|pragma|import)\b"),
)  # fmt: skip
#: The other shapes of a statement line, tried after the keyword shapes.
CODE_OTHER_SHAPES = (
    # Shapes led by a run of characters spell its first character out, as a set: the
    # regex engine rules a line out at a glance by a set or a literal in front, where it
    # enters a run to find that it is empty.
    r"[}\])][}\])]*[;,]?[ \t]*$",
    # A line ending in ; or {. A run of any character but the newline, which the regex
    # engine steps through several times faster than a run of a set, reads the line to
    # its end, and the character before the end is looked at. A line that ends in
    # blanks (few do) is read by the possessive runs, up to its last ; or {.
    r"[^\n]*+(?<=[;{])|(?=[^\n]*+(?<=[ \t]))(?:[^\n;{]*+[;{])++[ \t]*$",
    # An assignment. Possessive target: a shorter one could only go on with "-" or "."
    # and then "=", which the whole target already reaches, so backtracking into a
    # word of prose, letter by letter, would only repeat the failure. The blanks after
    # it are possessive too: no operator or "=" starts with a blank.
    r"[\w.$\[\]'\"-][\w.$\[\]'\"-]*+\s*+(?:[-+*/%|&^.]|\?\?|\|\||:)?=(?![=>])\s*\S",
    # A call. Each run is possessive: the character after it cannot be the one the
    # pattern wants next (a name goes on until its "(", the arguments until their ")"),
    # so handing characters back could only fail again, one engine step at a time.
    r"[\w.$:>-][\w.$:>-]*+\((?:[^()]++|\([^()]*+\))*+\)\s*[;,{]?\s*$",
    r"@\w+",
    r"<\?php|\$\w+\s*=",
    r"\((?:defun|define|let|setq|require|use-package|lambda|ns|defn)\b",
)
#: Shapes of a statement line, any of which makes a line read as code. view.CODE_WHOLE
#: is the pattern the classifier runs; the tests check it against these plain shapes.
CODE_SHAPES = (
    *(f"(?:{'|'.join(words)}){follow}" for words, follow in CODE_KEYWORD_SHAPES),
    *CODE_OTHER_SHAPES,
)
#: Comment lines: neither code nor prose.
COMMENT_LINE = re.compile(r"^\s*(?://|/\*|\*/|--\s|;;|#|(?i:rem)\s|::\s|\"\s|dnl\s|%\s)")
SHEBANG = re.compile(r"^#!\s*(?:/\S*/)?(?:env\s+(?:-\S+\s+)*)?([\w.+-]+)")
#: Characters that are frequent in code and rare in prose.
CODE_SYMBOLS = frozenset("{}[]()<>=;$@\\|&")

# --- prose ----------------------------------------------------------------------

#: A sentence ends where the next one starts with a capital, or at a line end (a full
#: stop, exclamation or question mark) or at its mark alone (in scripts without spaces).
#: The pattern the counts below stand for, compiled only by the tests.
SENTENCE_END = (
    r"(?m)[.!?。！？](?:(?<=[.!?])(?=[\"”»)]?(?:[ \t]+[\"“(]?[^\W\d_a-z]|[ \t]*$))|(?<=[。！？]))"
)
#: The same ends, one pattern per ASCII mark, and each other mark counted on its own
#: (it ends a sentence wherever it stands). A pattern led by one character is found
#: several times faster than one led by a set of them, and each end is one character
#: looked at in place, so the counts add up to SENTENCE_END's.
SENTENCE_NEXT = r"(?=[\"”»)]?(?:[ \t]+[\"“(]?[^\W\d_a-z]|[ \t]*$))"
SENTENCE_MARKS = tuple((mark, re.compile(re.escape(mark) + SENTENCE_NEXT, re.M)) for mark in ".!?")
SENTENCE_MARKS_OTHER = ("。", "！", "？")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")

# --- structured files -----------------------------------------------------------

#: Build files are code (they are run by a build tool), whatever their syntax.
BUILD_FILES = frozenset(
    {
        "package.json", "pyproject.toml", "cargo.toml", "setup.cfg", "tsconfig.json",
        "composer.json", "pom.xml", "build.gradle", "go.mod", "gemfile", "pipfile",
        "meson.build", "cmakelists.txt", "makefile", "dockerfile", "justfile", "tox.ini",
        "build.gradle.kts", "settings.gradle", "settings.gradle.kts", "package.swift",
        "podfile", "mix.exs", "deno.json", "environment.yml", "environment.yaml",
        "constraints.txt", "setup.py", "build.sbt", "project.clj", "rebar.config",
        "dune-project", "stack.yaml", "cabal.project", "vcpkg.json", "conanfile.txt",
        # Lock files: dependency manifests written by the tool, read by the build.
        "package-lock.json", "yarn.lock", "pnpm-lock.yaml", "cargo.lock", "gemfile.lock",
        "composer.lock", "pipfile.lock", "poetry.lock", "uv.lock", "go.sum", "podfile.lock",
        "mix.lock", "packages.lock.json", "bun.lock", "flake.lock",
    }
)  # fmt: skip
#: Names that start a pip requirements file (requirements.txt, requirements-dev.in...).
REQUIREMENTS_FILE = re.compile(r"requirements(?:[-_.][\w.-]{0,40})?\.(?:txt|in)")
#: Top-level keys that make a JSON or YAML document an interface definition.
SCHEMA_KEYS = (
    ("openapi", "OpenAPI definition"),
    ("swagger", "Swagger definition"),
    ("asyncapi", "AsyncAPI definition"),
    ("discoveryVersion", "API discovery document"),
    ("$schema", "JSON Schema"),
    ("$defs", "JSON Schema"),
    ("definitions", "JSON Schema"),
)
#: Keys of a JSON Schema object (one of them alongside "type" makes a schema).
SCHEMA_WORDS = frozenset(
    {"properties", "items", "required", "additionalProperties", "oneOf", "anyOf", "allOf",
     "enum", "$ref", "patternProperties"}
)  # fmt: skip
DELIMITERS = ((",", "CSV"), ("\t", "TSV"), (";", "semicolon-separated"), ("|", "pipe-separated"))
