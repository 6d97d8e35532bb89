"""What makes a block speak about an area, and what is never quoted: tables as data.

Each area has words that name it in a heading or a table header. A block under such a
heading, or a row under such a header, is about that area; its own words and the
dimension of its numbers add to that. Some blocks are never facts however they read:
contact details, legal and procurement boilerplate, link lists, changelogs, and the
sections that hold them. Every pattern here is applied to one heading, header cell or
block text cut to TEXT_CUT characters, and its runs are bounded.
"""

from __future__ import annotations

import re

from askspec.classify.reference_rules import DOTTED_LABEL
from askspec.models import Area

IC = re.IGNORECASE
#: Block texts are cut to this length before any pattern here reads them.
TEXT_CUT = 4000

#: Words that name an area in a section title or a table header, matched as words.
AREA_TITLES: dict[Area, str] = {
    Area.INPUTS: (
        r"inputs?|requests?(?: body| parameters| arguments)?|parameters|arguments|options|"
        r"flags|data sources?|sources|ingest(?:ion)?|uploads?|query|queries|payloads?|"
        r"command[- ]line|"
        r"输入|请求|参数|数据来源|数据源|输入数据|接口|入力|リクエスト|パラメータ|引数|"
        r"eingaben?|parameter|entrées?|paramètres|entradas?|parámetros"
    ),
    Area.OUTPUTS: (
        r"outputs?|responses?(?: body| parameters| arguments)?|reports?|returns?|"
        r"return values?|exports?|notifications?|alerts?|events?|"
        r"输出|响应|返回|返回值|报表|出力|レスポンス|戻り値|ausgaben?|rückgabe|"
        r"sorties?|salidas?|respuestas?"
    ),
    Area.HARDWARE: (
        r"hardware|system requirements|minimum requirements|recommended requirements|"
        r"prerequisites|platforms?|supported platforms|deployment|"
        r"environment|infrastructure|machines?|devices?|gpus?|cpus?|memory|ram|vram|"
        r"required vram|storage|disk|os|operating systems?|compute|accelerators?|"
        r"硬件|平台|运行环境|部署|部署环境|环境|设备|显存|内存|配置要求|硬件要求|系统要求|"
        r"ハードウェア|動作環境|必要環境|システム要件|メモリ|hardwareanforderungen|"
        r"systemanforderungen|voraussetzungen|arbeitsspeicher|matériel|configuration requise|"
        r"prérequis|requisitos del sistema|requisitos|hardware necesario"
    ),
    Area.PERFORMANCE: (
        r"performance|latency|throughput|speed|relative speed|benchmarks?|scalability|"
        r"capacity|limits|slas?|slos?|service levels?|response times?|tokens?/s|"
        r"requests?/s|qps|fps|accuracy|precision|recall|f1|wer|bleu|availability|uptime|"
        r"non-functional(?: requirements)?|"
        r"性能|延迟|吞吐量?|速度|非功能需求|性能要求|准确率|精度|推理速度|并发|"
        r"パフォーマンス|性能要件|速度|精度|leistung|geschwindigkeit|latenz|durchsatz|"
        r"rendement|latence|débit|rendimiento|latencia|rapidez"
    ),
}
#: Chinese and Japanese write a title word and what it is about as one word, with no
#: blank between: 请求格式 (request format), 响应参数, 出力形式. These endings may follow.
CJK_TITLE_ENDINGS = (
    r"格式|数据|参数|字段|体|头|示例|说明|列表|信息|内容|要求|方式|类型|结构|"
    r"形式|データ|仕様|一覧|例"
)
TITLE_PATTERNS: dict[Area, re.Pattern[str]] = {
    area: re.compile(
        rf"(?:^|[\s/&,(、和与及:：-])(?:{words})"
        rf"(?=$|[\s/&,)、和与及:：-]|(?<=[^\x00-\u2fff])(?:{CJK_TITLE_ENDINGS}))",
        IC,
    )
    for area, words in AREA_TITLES.items()
}

#: Sections that weigh choices rather than state the system: their "options" are
#: alternatives, not the system's inputs.
DELIBERATION = re.compile(
    r"\b(?:considered|alternatives?|pros and cons|rejected|drawbacks|decision drivers|"
    r"prior art|open questions|unresolved)\b|备选|替代方案|代替案|alternativen|alternativas",
    IC,
)

#: Units whose dimension says the area of a table column or a number.
#: Memory is a number with a unit of bytes: the words for memory alone ("只读内存",
#: read-only memory) are no size. Chinese sets no blank around it ("只需6GB显存").
MEMORY_UNIT = re.compile(
    r"(?<![0-9A-Za-z_.,])\d[\d.,]{0,12}\s{0,2}(?:[KMGT]i?B|GB|MB|TB|G|M)(?![A-Za-z])", IC
)
RATE_UNIT = re.compile(
    r"\b\d[\d.,]{0,12}\s{0,2}(?:tokens?|req(?:uests?)?|queries|frames|images|ops|msgs?|"
    r"messages?|events?|rows?|records?)\s{0,2}(?:/|per)\s{0,2}(?:s|sec|second|min|minute)\b|"
    r"\b\d[\d.,]{0,12}\s{0,2}(?:rps|qps|tps|fps|it/s)\b",
    IC,
)
LATENCY = re.compile(
    r"\b(?:p\d{2,3}|percentile|latency|response time|within|under|at most|no more than)\b"
    r"[^.;]{0,40}?\d[\d.,]{0,9}\s{0,2}(?:ms|milliseconds?|s|sec|seconds?|µs|us|minutes?)\b|"
    r"\d[\d.,]{0,9}\s{0,2}(?:ms|毫秒|秒)\s{0,2}(?:以内|内|之内)",
    IC,
)

#: A named thing an interface takes or gives: an option, field, parameter, metric or
#: file written in code style or quotes, with the word that says which way it goes.
NAMED = r"(?:`[^`\n]{1,60}`|--?[a-z][\w-]{1,40}|\"[^\"\n]{1,40}\")"
IO_WORDS: dict[Area, re.Pattern[str]] = {
    Area.INPUTS: re.compile(
        r"\b(?:options?|flags?|arguments?|parameters?|fields?|settings?|keys?|attributes?|"
        r"environment variables?|headers?|inputs?|config(?:uration)?s?|syntax)\b"
        r"[^.;\n]{0,60}?" + NAMED + r"|" + NAMED + r"[^.;\n]{0,40}?\b(?:options?|flags?|"
        r"arguments?|parameters?|fields?|settings?|keys?|attributes?|environment variables?)\b|"
        r"\b(?:accepts?|takes?|is given|are given|specif(?:y|ies|ied)|configur(?:e|es|ed)|"
        r"set(?:s|ting)?|enable[sd]?|pass(?:es|ed)?)\b[^.;\n]{0,40}?" + NAMED + r"|"
        r"(?:参数|选项|字段|配置项|环境变量|输入)[^，。；\n]{0,20}?" + NAMED + r"|"
        r"(?:引数|オプション|パラメータ|設定|環境変数)[^、。\n]{0,20}?" + NAMED,
        IC,
    ),
    Area.OUTPUTS: re.compile(
        r"\b(?:returns?|emits?|produces?|reports?|exposes?|logs?|prints?|writes?|outputs?|"
        r"generates?|raises?|responds?|yields?|displays?|shows?)\b[^.;\n]{0,60}?"
        r"(?:" + NAMED + r"|\b(?:metrics?|warnings?|errors?|events?|files?|status codes?|"
        r"exit codes?|json|csv|reports?|messages?|responses?|logs?|rows?|records?|tables?|"
        r"databases?)\b)|"
        # An output as the subject of what is required of it, or its delivery channel:
        # "The weekly report MUST list...", "Alerts should reach... by SMS".
        r"\b(?:reports?|alerts?|notifications?|exports?|dashboards?|receipts?|invoices?)\s+"
        r"(?:must|shall|should|will|are sent|is sent)\b|"
        r"\b(?:by|via|over)\s+(?:sms|e-?mail|push notifications?|webhooks?|slack)\b|"
        r"(?:返回|输出|生成|打印|写入|上报|暴露)[^，。；\n]{0,20}?(?:"
        + NAMED
        + r"|指标|日志|文件|结果|"
        r"错误|告警|事件|响应)|(?:返す|出力|生成|表示)[^、。\n]{0,20}?" + NAMED,
        IC,
    ),
}

#: Words that speak about an area in the languages the English and Chinese phrasing
#: (extract.rules) does not cover: Spanish, French, German, Japanese, and more Chinese.
OTHER_WORDS: dict[Area, re.Pattern[str]] = {
    Area.INPUTS: re.compile(
        r"\b(?:entradas?|recibe[n]?|lee[n]?|carga[n]?|importa[n]?|formularios?|parámetros?|"
        r"entrées?|reçoit|reçoivent|lit|lisent|importe[nt]?|téléverse[nt]?|formulaires?|"
        r"paramètres?|eingaben?|liest|lesen|empfängt|empfangen|importiert|formulare?)\b|"
        r"入力|受け取|読み込|アップロード|引数|接收|读取|上传|导入",
        IC,
    ),
    Area.OUTPUTS: re.compile(
        r"\b(?:salidas?|genera[n]?|devuelve[n]?|envía[n]?|muestra[n]?|informes?|exporta[n]?|"
        r"sorties?|génère[nt]?|renvoie[nt]?|envoie[nt]?|affiche[nt]?|rapports?|exporte[nt]?|"
        r"ausgaben?|erzeugt|liefert|sendet|zeigt|berichte?|exportiert)\b|"
        r"出力|返す|返却|生成|送信|表示|返回|发送|显示|导出",
        IC,
    ),
    Area.HARDWARE: re.compile(
        r"\b(?:servidor(?:es)?|memoria|procesador|disco|serveurs?|mémoire|processeur|"
        r"disque|arbeitsspeicher|prozessor|festplatte|speicher)\b|サーバー|メモリ|ディスク|"
        r"サーバ|显卡|服务器|内存",
        IC,
    ),
    Area.PERFORMANCE: re.compile(
        r"\b(?:rendimiento|tiempo (?:m[áa]ximo |medio )?de respuesta|latencia|disponibilidad|"
        r"temps (?:maximal |moyen )?de réponse|latence|disponibilité|antwortzeit|"
        r"reaktionszeit|latenz|verfügbarkeit|durchsatz)\b|応答時間|"
        r"レイテンシ|スループット|パフォーマンス|高速化|処理速度|可用性|响应时间|并发",
        IC,
    ),
}

#: What makes an input or output concrete: a named format or file type, an endpoint,
#: a command-line option, a quoted or code-styled name, a protocol, a number with a unit.
CONCRETE_IO = re.compile(
    r"\b(?:csv|tsv|json|jsonl|xml|yaml|toml|pdf|html|markdown|xlsx?|parquet|avro|protobuf|"
    r"png|jpe?g|gif|svg|wav|mp3|flac|mp4|utf-8|sql|sms|e-?mail|mqtt|http|https|grpc|"
    r"websockets?|rest|graphql|stdin|stdout|stderr|base64|zip|photos?|images?|pictures?|"
    r"videos?|audio|recordings?|cameras?|sensors?|readings?|barcodes?|scans?|forms?|"
    r"orders?|invoices?|transactions?|emails?|messages?|reports?|summar(?:y|ies)|"
    r"dashboards?|alerts?|notifications?|spreadsheets?|documents?|tickets?|logs?|metrics?|"
    r"charts?|maps?|files?|records?|events?|requests?|responses?)\b|"
    r"图片|照片|视频|音频|摄像头|传感器|读数|订单|报表|报告|告警|通知|短信|邮件|文件|日志|指标|"
    r"(?:^|\s)(?:GET|POST|PUT|PATCH|DELETE)\s{1,4}/|(?:^|[\s(])/[\w{}.-]{1,60}/|"
    r"(?:^|\s)--?[a-z][\w-]{1,40}\b|`[^`\n]{1,80}`|\"[^\"\n]{1,60}\"|"
    r"\.(?:csv|json|txt|log|xml|pdf|png|wav)\b|\b\d[\d.,]{0,12}\s{0,2}(?:[KMGT]i?B|fields?|columns?)\b|"
    r"(?:文件|格式|接口|参数)[^，。；]{0,6}(?:CSV|JSON|PDF|XML|Excel)",
    IC,
)

#: A list item that defines a named thing: a name in code style or quotes, then a colon
#: or a dash and what it is ("`model`: the model name", "`--depth` - sounding depth").
ENTRY = re.compile(
    r"(?:`[^`\n]{1,60}`|\"[^\"\n]{1,40}\")(?:\s{0,2}\([^()\n]{0,40}\))?\s{0,2}(?::|[-–—]\s)"
)
#: An HTTP operation that a reference names alone, in a paragraph or a one-line code
#: block ("POST /api/generate", "**GET** `/users/{id}`"): a request the system takes.
OPERATION = re.compile(r"(?:GET|POST|PUT|PATCH|DELETE)\s{1,4}`?/[^\s`]{0,200}`?")

#: A sentence that opens as an example illustrates a rule rather than stating one:
#: tied to an area by its own words alone, it is not quoted (under the area's heading
#: it still is).
EXAMPLE_OPENING = re.compile(
    r"(?:for example|for instance|as an example|e\.g\.|例如|比如|例えば|例[:：]|"
    r"por ejemplo|par exemple|zum beispiel|beispielsweise)",
    IC,
)

#: Sections whose blocks are never facts: who to write to, what it costs in law, where
#: else to read, what changed when.
#: Sections that set the scene: why a change is wanted, what came before. A block there
#: tied to an area by its own words alone tells the story, not what the system takes
#: or gives.
BACKGROUND_SECTIONS = re.compile(
    r"\b(?:motivation|background|introduction|abstract|summary|context|"
    r"hintergrund|einleitung|contexte|antecedentes|introducción)\b|"
    r"背景|动机|動機|简介|はじめに",
    re.IGNORECASE,
)
SKIPPED_SECTIONS = re.compile(
    r"\b(?:contacts?|points? of contact|contracting officer|signatures?|authors?|"
    r"acknowledge?ments?|credits|citations?|cite|bibtex|references|further reading|"
    r"see also|links|resources|table of contents|contents|toc|licen[cs]e|copyright|"
    r"legal|disputes?|invoic\w{0,6}|payment terms|terms and conditions|warrant(?:y|ies)|"
    r"indemnif\w{0,8}|liabilit(?:y|ies)|changelog|change log|release notes|revision history|"
    r"version history|history|contributing|contributors|code of conduct|community|"
    r"star history|sponsors?|faq)\b|"
    r"联系|致谢|引用|参考|参考文献|许可证|协议|更新日志|版本历史|贡献|目录|"
    r"連絡先|謝辞|引用|参考文献|ライセンス|変更履歴|kontakt|lizenz|danksagung|"
    r"licence|remerciements|contacto|licencia|agradecimientos",
    IC,
)
#: Blocks that are contact details or boilerplate wherever they stand.
CONTACT = re.compile(
    r"[\w.+-]{1,64}@[\w-]{1,63}\.[\w.-]{2,63}|"
    r"(?:\+\d{1,3}[\s-]?)?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b|"
    r"\b(?:tel|phone|fax|e-?mail|telephone)\s{0,2}[:：]",
    IC,
)
BOILERPLATE = re.compile(
    r"\b(?:FAR|DFARS)\s{0,2}\d{1,3}\.\d|\bclause\b|\bindemnif|\bliabilit|\bdisputes?\b|"
    r"\binvoic|\bgoverned by\b|\bwarrant(?:y|ies)\b|\btermination for\b|\bcopyright\b|"
    r"\ball rights reserved\b|\blicensed under\b|\bpermission is hereby granted\b",
    IC,
)
#: A block that only answers yes or no, or says there is nothing ("No.", "None."), as
#: templates of questions are often filled in: it states nothing to quote. A
#: placeholder ("TBD", "N/A") is another matter: it names the area as open.
NOTHING = re.compile(r"\W{0,4}(?:yes|no|none|nothing|无|没有|なし)\W{0,4}", IC)
#: Keys of header fields that are the document's own data, not the system's.
META_FIELDS = frozenset(
    {
        "title", "author", "authors", "status", "type", "created", "date", "updated",
        "last updated", "version", "license", "tags", "categories", "layout", "slug",
        "description", "summary", "id", "sidebar_position", "weight", "draft", "permalink",
        "start date", "feature name", "rfc pr", "rust issue", "pep", "post-history",
        "discussions-to", "sponsor", "review manager", "proposal", "implementation",
        "deciders", "decision-makers", "consulted", "informed", "editor", "editors",
    }
)  # fmt: skip
#: A paragraph's stable dotted name at its start, as language references label each
#: rule (``r[items.static.intro] A static item is…``): a label, not what the text says.
LEADING_LABEL = re.compile(DOTTED_LABEL + r"[ \t]+")
