"""How a document is built, as the classifier reads it: section titles of specs,
designs and contracts, proposal headers, tables of fields, defined terms, rules stated
as instructions, paired examples and design-card keys, in several languages."""

from __future__ import annotations

import re

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
#: What a document's title calls it when it is a spec, lower case, in several languages:
#: "GitHub Gifts and Entertainment Policy", "CSS编码规范", "コミュニティの行動規範".
#: A title that ends with one of these (or, in scripts without spaces, holds it at its
#: end) names the document's genre.
TITLE_GENRES = frozenset(
    {"policy", "policies", "specification", "specifications", "standard", "standards",
     "style guide", "guidelines", "coding conventions", "code of conduct", "requirements",
     "design document", "design doc", "reference manual", "language reference",
     "api reference", "statement of work", "request for quotation", "request for proposal",
     "terms of service",
     "richtlinie", "richtlinien", "spezifikation", "pflichtenheft", "lastenheft",
     "politique", "spécification", "cahier des charges", "norme",
     "política", "especificación", "pliego de prescripciones técnicas", "norma",
     "规范", "规约", "标准", "规格说明", "设计文档", "需求文档", "需求说明",
     "規約", "規範", "仕様", "仕様書", "設計書", "ガイドライン"}
)  # fmt: skip
#: Words that, standing before a genre at a title's end, make the title a sentence
#: about it ("... taught me about standards"), and words that join a genre opening a
#: title to its subject ("Specification of the log format", "Política de seguridad").
TITLE_ABOUT = frozenset(
    {"about", "on", "of", "for", "to", "with", "without", "and", "or", "the", "a", "our",
     "my", "your", "new", "against", "über", "zur", "sur", "sobre", "contra"}
)  # fmt: skip
TITLE_JOINS = frozenset(
    {"of", "for", "de", "du", "des", "für", "zur", "zum", "del", "para", "pour"}
)
#: A title longer than this many words is a sentence, not a document's name.
TITLE_WORDS = 10
#: A document's title: front matter's ``title:`` or a top heading, searched with a
#: newline put in front of its head. Bounded runs, one line.
TITLE_LINE = re.compile(r"\n(?:title:[ \t]{0,4}|#{1,2}[ \t]{1,4})([^\n]{1,160})")
#: A word at a title's end that is not its name: a heading attribute, a version or a
#: parenthesised abbreviation ("Guidelines (WCAG) 2.2"). Matched against one word.
TITLE_TAIL_WORD = re.compile(r"\{[#.][^{}]{0,80}\}|\([^()]{0,20}\)|v?\d{1,6}(?:\.\d{1,6}){0,3}")

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
        "pros and cons", "detailed explanation", "proposed enhancement", "proposed changes",
        "proposed implementation", "technical design", "technical overview",
        "动机", "设计", "详细设计", "设计方案", "方案", "替代方案", "备选方案", "缺点", "兼容性",
        "向后兼容", "向后兼容性", "未解决的问题", "规范", "决策", "后果", "提案", "非目标",
        "实现方案", "缺陷", "总体设计", "概要设计", "接口设计", "模块设计", "数据库设计",
        "技术选型", "方案设计", "替代选择", "未解决问题", "参考级解释", "指南级解释",
        "基本原理", "现有技术", "未来可能性", "测试方案", "上线方案", "回滚方案",
        "基本設計", "設計方針", "懸念点", "影響範囲", "検討事項",
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
        "glossary", "appendix", "changelog", "history", "timeline", "problem",
        "problem statement", "implementation",
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
#: This and the other line patterns below are searched with a newline put in front of
#: the text, each match led by its line's newline, as in features.py.
RULE_LABEL = re.compile(
    r"\n[ \t]{0,8}(?:[-*+][ \t]{1,4}|\d{1,3}[.)、][ \t]{0,4})?[【\[(（][ \t]{0,2}"
    r"(?:强制|推荐|参考|建议|必须|禁止|mandatory|required|recommended|advisory|must|should|"
    r"may|optional|shall|muss|soll|obligatoire|recommandé|obligatorio|recomendado)"
    r"[ \t]{0,2}[】\])）]",
    re.IGNORECASE,
)
#: A heading that carries its rule's identifier, as guidelines and standards title
#: their rules: ``## Getters follow convention (C-GETTER)``, ``### [SEC-01] Secrets``,
#: ``#### REQ-12: Login``; a hyphen sets them apart from section numbers (``A.1.``).
#: Bounded runs, one line.
RULE_ID = r"([A-Z][A-Z0-9]{0,9}-[A-Z0-9]{1,12}(?:[-.][A-Z0-9]{1,12}){0,3})"
RULE_ID_HEADING = re.compile(
    rf"\n#{{1,6}}[ \t](?:[^\n]{{0,160}}?[(\[]{RULE_ID}[)\]]|[ \t]{{0,2}}{RULE_ID}[ \t]{{0,2}}[:.])"
)
#: A proposal header's ``Field: value`` line (PEP, RFC and ADR headers, front matter,
#: Markdown lists of fields). Bounded runs, applied to one line.
FIELD_LINE = re.compile(r"[ \t>*+:-]{0,6}\*{0,2}([^\W\d][\w ()-]{0,30}?)\*{0,2}[ \t]{0,4}[:：]")

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
#: A sentence or list item that opens with a directive word. Bounded runs. Searched
#: with a newline put in front of the text, as the line patterns above: every start is
#: led by a literal (a line's newline, or a stop and its blanks), so the regex engine
#: skips to those characters, where ^ in MULTILINE mode is tried at every position.
#: measured: saves 0.3 s of 14.0 s classifying the 10,000-file tree.
DIRECTIVE = re.compile(
    r"(?:\n|\.[ \t]{1,3}|![ \t]{1,3}|\?[ \t]{1,3})(?:[-*+][ \t]{1,4}|\d{1,3}[.)][ \t]{1,4})?(?:"
    + "|".join(re.escape(word) for word in DIRECTIVE_WORDS)
    + r")\b"
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

#: Every word such a label line may hold.
EXAMPLE_LABEL_WORDS = EXAMPLE_GOOD | EXAMPLE_BAD | {"example", "examples", "code"}
#: Labels that are signs, not words (✅, ❌): what wraps a label is never one of them.
EXAMPLE_LABEL_SIGNS = "".join(sorted(w for w in EXAMPLE_LABEL_WORDS if not w[0].isalnum()))
#: Where a label line may be: a line that opens with such a word, after what may wrap
#: it. Each step of the run is decided by its first character, and the run is bounded.
#: Searched with a newline put in front of the text, as the line patterns of features.py.
EXAMPLE_LABEL_START = re.compile(
    rf"\n(?:<[^<>\n]{{0,40}}>|[^\w\n<{re.escape(EXAMPLE_LABEL_SIGNS)}]|_){{0,12}}+(?:"
    + "|".join(re.escape(word) for word in sorted(EXAMPLE_LABEL_WORDS, key=len, reverse=True))
    + r")(?![\w'])",
    re.IGNORECASE,
)

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
