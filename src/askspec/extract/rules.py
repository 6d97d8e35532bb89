"""The words that tell extraction which area a line speaks about, in English and Chinese.

Tables only: adding a phrase is adding a row. Patterns are matched against single
lines, so each hit keeps its line number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from askspec.models import Area

IC = re.IGNORECASE

# --- headings and card keys -------------------------------------------------

#: A heading or card key naming an area, matched against the heading's whole text.
HEADING_WORDS: dict[Area, str] = {
    Area.INPUTS: r"inputs?|requests?(?: body)?|parameters|data sources?|sources|ingest(?:ion)?|"
    r"输入|请求|参数|数据来源|数据源|输入数据",
    Area.OUTPUTS: r"outputs?|responses?|results?|reports?|deliverables|输出|响应|返回|结果|报表",
    Area.HARDWARE: r"hardware|platform|environment|deployment|target (?:machine|platform|device)|"
    r"runtime environment|infrastructure|machine|devices?|runs[- ]on|os|cpu|gpu|memory|ram|"
    r"硬件|平台|运行环境|部署|部署环境|环境|设备",
    Area.PERFORMANCE: r"performance|latency|throughput|scalability|"
    r"non-functional(?: requirements)?|slas?|slos?|speed|capacity|budgets?|startup|start-up|"
    r"性能|延迟|吞吐量?|非功能需求|性能要求",
}
HEADING_AREAS: tuple[tuple[Area, re.Pattern[str]], ...] = tuple(
    (area, re.compile(rf"(?:^|[\s/&,、和与及]|\band\b)(?:{words})(?:$|[\s/&,、和与及])", IC))
    for area, words in HEADING_WORDS.items()
)

#: Markdown ATX headings, numbered headings, "**Bold**" lines, Chinese "一、" headings.
ATX = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$")
NUMBERED = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[一二三四五六七八九十]+、)\s*([^\W\d].{0,50})$")
BOLD = re.compile(r"^\s*\*\*([^*]{1,50})\*\*\s*:?\s*$")
UNDERLINE = re.compile(r"^\s*(=+|-+|~+|\^+)\s*$")
#: A label alone on its line ("Inputs:", "输入：") opens a section like a heading.
LABEL = re.compile(r"^\s*(?:[-*]\s*)?([^\W\d][\w /&-]{0,40}?|[\u4e00-\u9fff]{1,10})\s*[:：]\s*$")
#: A ``key: value`` line of a design card; the key may be Chinese.
CARD = re.compile(
    r"^\s*(?:[-*]\s*)?([A-Za-z][\w -]{0,30}|[\u4e00-\u9fff]{1,10})\s*(?::\s+|：\s*)(\S.*)$"
)

# --- phrasing ---------------------------------------------------------------
#
# Each area's phrases are matched only on lines its gate (at the end of this file)
# lets through: a new branch needs one of its words in that gate as well, or it will
# never be tried. tests/test_extract_gates.py checks the gates against the patterns.

INPUT_NOUNS = (
    r"csv|json|xml|yaml|excel|xlsx|spreadsheets?|files?|data|dataset|images?|photos?|"
    # A pull, merge or feature request is a step of development, not what the system takes.
    r"pictures?|videos?|audio|(?<!pull )(?<!merge )(?<!feature )requests?|readings?|records?|"
    r"logs?|messages?|documents?|pdfs?|"
    r"uploads?|streams?|feeds?|events?|forms?|emails?|measurements?|probes?|sensors?|"
    r"orders?|transactions?|queries|input"
)
OUTPUT_NOUNS = (
    r"reports?|pdfs?|csv|json|files?|alerts?|emails?|e-mails?|messages?|notifications?|"
    r"dashboards?|charts?|graphs?|responses?|summar(?:y|ies)|tables?|sms|text messages?|"
    r"results?|lines?|spreadsheets?|output|html|web ?pages?|warnings?"
)
INPUT_PHRASES = (
    re.compile(
        r"\b(?:reads?|takes?|imports?|ingests?|accepts?|receives?|loads?|uploads?|consumes?|"
        r"parses?|collects?|captures?|fetch(?:es)?|pulls?|scans?)\b(?:\W+\w+){0,5}?\W+"
        rf"(?:{INPUT_NOUNS})\b",
        IC,
    ),
    re.compile(r"\binputs?\s+(?:is|are|will be|comes?|consists?)\b", IC),
    re.compile(
        r"(?:读取|导入|接收|输入|上传|采集|获取|加载|扫描|抓取|读入)[^，。；]{0,10}?"
        r"(?:文件|数据|图片|图像|照片|请求|日志|消息|记录|视频|音频|表格|Excel|CSV|JSON|订单|读数|传感器)",
        IC,
    ),
)
OUTPUT_PHRASES = (
    re.compile(
        r"\b(?:produces?|generates?|writes?|outputs?|exports?|emits?|sends?|returns?|prints?|"
        r"publish(?:es)?|renders?|displays?|shows?|creates?|notif(?:y|ies)|saves?|appends?|"
        rf"delivers?|emails?)\b(?:\W+\w+){{0,5}}?\W+(?:{OUTPUT_NOUNS})\b",
        IC,
    ),
    re.compile(r"\boutputs?\s+(?:is|are|will be|goes|go|consists?)\b", IC),
    re.compile(
        r"(?:输出|生成|导出|发送|返回|打印|推送|保存|展示|显示|通知|提醒)[^，。；]{0,10}?"
        r"(?:报告|报表|文件|结果|通知|消息|邮件|短信|图表|响应|JSON|CSV|PDF|页面|仪表盘|告警|警报)",
        IC,
    ),
)

#: Hardware named outright, wherever it appears.
HARDWARE_STRONG = re.compile(
    r"\b(?:\d{1,6}[- ]?(?:cores?|vcpus?)|CPUs?|GPUs?|TPUs?|NPU|RAM|VRAM|SSD|HDD|NVMe|USB|GPIO|FPGA|"
    r"Raspberry Pi|Arduino|ESP32|Jetson|microcontroller|CUDA|NVIDIA|Intel|AMD|ARM64|x86(?:-64)?)\b|"
    r"\b\d{1,6}\s{0,3}(?:[GT]i?B|G)\s{0,3}(?:of\s{1,3})?(?:RAM|memory|disk|storage)\b|"
    r"(?<!\d)\d{1,6}\s{0,3}核|内存|显存|显卡|处理器|树莓派|硬盘|固态|工控机|嵌入式|单片机"
)
#: Everyday machine words count only when something is said to run on them.
DEVICE = (
    r"laptops?|notebooks?|phones?|smartphones?|tablets?|servers?|VMs?|virtual machines?|"
    r"desktops?|workstations?|PCs?|computers?|machines?|box|NAS|cluster|cloud|instances?|"
    r"edge devices?|kiosks?"
)
HARDWARE_WEAK = re.compile(
    r"\b(?:runs?|running|deploy(?:ed|s)?|install(?:ed|s)?|host(?:ed|s)?|plugged into|"
    rf"connected to|hooked up to|live on|work(?:s)? on)\b(?:\W+\w+){{0,4}}?\W+(?:{DEVICE})\b|"
    r"(?:运行在|部署在|跑在|装在|安装在|部署到)[^，。；]{0,10}?(?:服务器|笔记本|电脑|手机|平板|云|主机|虚拟机)",
    IC,
)
OS = re.compile(
    r"\b(?:Linux|Ubuntu|Debian|macOS|Mac OS(?: X)?|OS X|Android|iOS|CentOS|RHEL|FreeBSD|"
    r"Raspbian|Alpine|Windows)\b|操作系统"
)
NETWORK = re.compile(
    r"\b(?:offline|air[- ]gapped|no internet|without internet|no network|intranet|"
    r"on[- ]prem(?:ise|ises)?|LAN|Wi-?Fi|4G|5G|LTE|bandwidth|firewall)\b|"
    r"离线|断网|内网|局域网|无网络|带宽",
    IC,
)

#: Words that make a line about speed or scale, measurable or not. Memory and cost
#: are not among them: "the kubelet must set memory.swap.max" is no target, and a
#: line that gives one ("at most 200 MB of memory") is found by its value.
PERF_WORDS = re.compile(
    r"\b(?:fast(?:er)?|quick(?:ly)?|speed|slow|responsive|real[- ]time|latency|throughput|"
    r"performance|performant|scal(?:e|able|ability)|efficient|lag|delay|instant(?:ly)?|"
    r"within (?:seconds|minutes|hours)|in (?:seconds|minutes)|immediately|response times?|"
    r"per (?:second|minute|hour|day)|p\d{2}|percentile|start[- ]?up|"
    r"requests?/s|rps|qps)\b|快|迅速|及时|实时|高性能|低延迟|性能|速度|响应|流畅|卡顿|延迟|吞吐|每秒|启动",
    IC,
)
#: "Performance" in a contract's sense: the doing of the work, not the system's speed.
CONTRACT_PERFORMANCE = re.compile(
    r"\b(?:period of performance|performance period|past performance|contract performance|"
    r"task order performance|performance work statement|performance[- ]based|"
    r"performance bonds?|performance of (?:the |any |all |its |their )?(?:services?|work|"
    r"contract|task orders?|duties|obligations)|"
    r"(?:contractor|offeror|vendor|quoter|supplier)(?:'s|’s|s') performance)\b",
    IC,
)
#: A wish or requirement: without one, "fast" in a story is not a target.
WISH = re.compile(
    r"\b(?:must|should|shall|needs?|needed|wants?|would like|expects?|requires?|required|"
    r"has to|have to|goal|target|at most|no more than|budget)\b|"
    r"必须|需要|应该|应当|要求|希望|尽量|不能|不得|不超过|目标",
    IC,
)
#: A firm wish: what a speed must be or is hoped to be. A sentence that names a speed
#: only in passing ("should guide a rollback", "we want to avoid the performance
#: penalty") is no performance target.
FIRM_WISH = re.compile(
    r"\b(?:must|shall|has to|have to|needs? to|would like|at most|no more than|"
    r"no slower than)\b|必须|不能|不得|不超过|希望|要求|müssen|muss|doit|doivent|debe|deben|"
    r"しなければ|以内",
    IC,
)
#: Metric words strong enough on their own ("p99 latency 80 ms" needs no "must").
PERF_METRIC = re.compile(
    r"\b(?:latency|throughput|response times?|p\d{2}|percentile|requests?/s|rps|qps|tps|"
    r"start[- ]?up time)\b|延迟|时延|吞吐|响应时间|每秒|"
    # Beside Chinese there is no word boundary, but "https" must not read as "TPS".
    r"(?<![a-z])(?:qps|tps)(?![a-z])",
    IC,
)

#: Placeholders: an area named but not filled in.
PLACEHOLDER = re.compile(
    r"^\W*(?:tbd|tbc|todo|n/?a|\?+|to be (?:decided|defined|confirmed)|待定|未定)\W*$", IC
)

# --- topics within an area ---------------------------------------------------

DELIVERY = re.compile(
    r"\b(?:by (?:e-?mail|sms|post|text)|sent to|send(?:s)? to|for the|to the|delivered|"
    r"download|dashboard|api|webhook|slack|teams|inspector|manager|team)\b|发送给|推送|交付|给",
    IC,
)
INVALID = re.compile(
    r"\b(?:invalid|malformed|reject(?:ed|s)?|duplicates?|missing values?|errors?|corrupt)\b|"
    r"无效|错误|异常|重复|缺失",
    IC,
)
VOLUME = re.compile(
    r"\b(?:\d[\d,.]{0,15}\s{0,3}(?:k|m|million|thousand)?\s{0,3}(?:rows|records|files|images|requests|"
    r"messages|events|orders|readings|[KMGT]i?B)|per (?:second|minute|hour|day|week|month))\b|"
    r"每天|每小时|每秒",
    IC,
)
MACHINE = re.compile(
    rf"{HARDWARE_STRONG.pattern}|\b(?:{DEVICE})\b|服务器|笔记本|电脑",
    IC,
)

# --- gates: which lines are worth matching at all ------------------------------
#
# Searching every line with every phrase pattern is most of extraction's time, and
# re cannot skip ahead through a pattern that starts with \b or ignores case. Each
# gate below is a plain lower-case pattern that every match of its area's phrases
# contains, searched once over the folded text (see extract_code.fold): only the
# lines it finds are then matched line by line with the patterns above.


class Gate(NamedTuple):
    """A gate for any text, and the same without the branches that need other than ASCII."""

    any: re.Pattern[str]
    ascii: re.Pattern[str]

    def on(self, text: str) -> re.Pattern[str]:
        """The pattern to search text with: Chinese branches slow the search of English."""
        return self.ascii if text.isascii() else self.any


def gate(words: str, *patterns: str) -> Gate:
    """A gate for literal words and patterns that each start with a literal character.

    Branches are grouped by that character, so that re tries a few groups at each
    position instead of every branch: two to three times faster over real texts.
    """
    branches = (*words.split(), *patterns)
    return Gate(_grouped(branches), _grouped(b for b in branches if b.isascii()))


def _grouped(branches: Iterable[str]) -> re.Pattern[str]:
    groups: dict[str, list[str]] = {}
    for branch in branches:
        groups.setdefault(branch[0], []).append(branch[1:])
    return re.compile("|".join(f"{first}(?:{'|'.join(rest)})" for first, rest in groups.items()))


#: A letter, digit or underscore after folding: what \b needs on the other side.
_W = "[a-z0-9_]"


def word(letters: str) -> str:
    """A short word only where it stands alone, checked after its letters."""
    return rf"{letters}(?!{_W})(?<!{_W}{letters})"


#: Every INPUT_PHRASES match holds one of these words.
INPUT_GATE = gate(
    "read take import ingest accept receive load consume parse collect capture fetch pull "
    "scan input 读取 导入 接收 输入 上传 采集 获取 加载 扫描 抓取 读入"
)
#: Every OUTPUT_PHRASES match holds one of these words.
OUTPUT_GATE = gate(
    "produce generate write output export emit send return print publish render display show "
    "create notif save append deliver email "
    "输出 生成 导出 发送 返回 打印 推送 保存 展示 显示 通知 提醒"
)
#: Every match of HARDWARE_STRONG, HARDWARE_WEAK, OS or NETWORK holds one of these.
HARDWARE_GATE = gate(
    # HARDWARE_STRONG ("ram" also finds VRAM and the "8 GB RAM" branch)
    "core cpu gpu tpu npu ram ssd hdd nvme usb gpio fpga arduino esp32 jetson microcontroller "
    "cuda nvidia intel amd arm64 x86 memory disk storage "
    "核 内存 显存 显卡 处理器 树莓派 硬盘 固态 工控机 嵌入式 单片机 "
    # HARDWARE_WEAK, by its verbs
    "run deploy install host work 运行在 部署在 跑在 装在 安装在 部署到 "
    # OS
    "linux ubuntu debian macos android ios centos rhel freebsd raspbian alpine windows 操作系统 "
    # NETWORK
    "offline internet intranet bandwidth firewall 离线 断网 内网 局域网 无网络 带宽",
    *("raspberry pi", "mac os", "os x", "plugged into", "connected to", "hooked up to"),
    *("live on", "no network"),
    *("air[- ]gapped", "on[- ]prem", "wi-?fi", word("lan"), word("lte"), word("4g"), word("5g")),
)
#: Every line with a WISH or a PERF_METRIC match holds one of these.
PERFORMANCE_GATE = gate(
    # WISH
    "must should shall need want expect require goal target budget "
    "必须 需要 应该 应当 要求 希望 尽量 不能 不得 不超过 目标 "
    # PERF_METRIC
    "latency throughput percentile qps tps 延迟 时延 吞吐 响应时间 每秒",
    *("would like", "has to", "have to", "at most", "no more than", "response time"),
    *(r"p\d\d", "requests?/s", word("rps"), "start[- ]?up time"),
)
PHRASE_GATES: tuple[tuple[Area, Gate], ...] = (
    (Area.INPUTS, INPUT_GATE),
    (Area.OUTPUTS, OUTPUT_GATE),
    (Area.HARDWARE, HARDWARE_GATE),
    (Area.PERFORMANCE, PERFORMANCE_GATE),
)
