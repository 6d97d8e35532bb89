"""What kind of system the seeds point at, from their words and file names.

The kind chooses the hints and examples a question carries: a hosted app is asked
for its plan and instance size, a model for its accuracy and inference hardware, a
device for its board and power supply.
"""

from __future__ import annotations

import enum
import re
from collections import Counter
from collections.abc import Iterable
from itertools import islice

from askspec.models import SeedFile


class SystemKind(enum.StrEnum):
    """The kinds of system a request can be tailored to."""

    WEB_SERVICE = "web-service"
    PIPELINE = "pipeline"
    DEVICE = "device"
    ML_MODEL = "ml-model"
    DESKTOP_CLI = "desktop-cli"
    APP = "app"
    PAAS = "paas"


def _words(*patterns: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(patterns) + r")\b", re.IGNORECASE)


#: Words that point at each kind, and file names that settle it.
SIGNS: dict[SystemKind, re.Pattern[str]] = {
    SystemKind.WEB_SERVICE: _words(
        "api",
        "endpoints?",
        "rest",
        "http",
        "openapi",
        "swagger",
        "grpc",
        "webhooks?",
        "status codes?",
        "json responses?",
        "microservices?",
    ),
    SystemKind.PIPELINE: _words(
        "batch(?:es)?",
        "pipelines?",
        "etl",
        "nightly",
        "cron",
        "ingest(?:ion)?",
        "data warehouse",
        "dags?",
        "spark",
        "airflow",
    ),
    SystemKind.DEVICE: _words(
        "firmware",
        "microcontrollers?",
        "gpio",
        "i2c",
        "spi",
        "uart",
        "embedded",
        "sensors?",
        "battery",
        "arduino",
        "esp32",
        "raspberry pi",
        "pcb",
        "mcu",
    ),
    SystemKind.ML_MODEL: _words(
        "models?",
        "inference",
        "training",
        "trained",
        "accuracy",
        "datasets?",
        "weights",
        "onnx",
        "pytorch",
        "tensorflow",
        "checkpoints?",
        "fine-tun\\w*",
        "epochs?",
        "f1",
        "precision",
        "recall",
        "embeddings?",
        "llm",
        "transformers?",
    ),
    SystemKind.DESKTOP_CLI: _words(
        "command line",
        "command-line",
        "cli",
        "argparse",
        "desktop",
        "installer",
        "terminal",
        "subcommands?",
    ),
    SystemKind.APP: _words(
        "mobile app",
        "ios",
        "android",
        "web app",
        "frontend",
        "front end",
        "screens?",
        "user interface",
        "ui",
        "browser",
        "sign in",
        "log in",
    ),
    SystemKind.PAAS: _words(
        "paas",
        "platform as a service",
        "dynos?",
        "procfile",
        "app service",
        "cloud run",
        "app engine",
        "elastic beanstalk",
        "buildpacks?",
        "managed platform",
        "instance size",
        "hosting plan",
        "serverless",
    ),
}
FILES: dict[SystemKind, re.Pattern[str]] = {
    SystemKind.PAAS: re.compile(
        r"(?:^|/)(?:Procfile|app\.yaml|fly\.toml|vercel\.json|netlify\.toml|render\.yaml)$"
    ),
    SystemKind.DEVICE: re.compile(r"(?:\.ino|(?:^|/)platformio\.ini|\.dts)$"),
    SystemKind.ML_MODEL: re.compile(r"\.(?:onnx|pt|pth|safetensors|gguf|h5)$"),
    SystemKind.WEB_SERVICE: re.compile(r"(?:^|/)(?:openapi|swagger)\.(?:ya?ml|json)$"),
}
#: A file name that settles the kind counts as this many words.
FILE_WEIGHT = 10
#: Fewer signs than this leave the kind undecided.
THRESHOLD = 4
#: A hosting platform is chosen over the kind of software it hosts with fewer signs.
PAAS_SHARE = 0.25
SAMPLE = 20_000


#: How many files the kind of system is judged from.
TALLY_FILES = 300


def tally(files: Iterable[SeedFile]) -> Counter[SystemKind]:
    """How many signs of each kind the seeds show, in their first TALLY_FILES files: the
    patterns cost about 3 ms a file, and a few hundred files show the kind well."""
    found: Counter[SystemKind] = Counter()
    for seed in islice(files, TALLY_FILES):
        text = seed.text[:SAMPLE]
        for kind, pattern in SIGNS.items():
            found[kind] += len(pattern.findall(text))
        for kind, pattern in FILES.items():
            if pattern.search(seed.path):
                found[kind] += FILE_WEIGHT
    return found


def system_kind(files: Iterable[SeedFile]) -> SystemKind | None:
    """The kind of system the seeds point at, or None when they do not say."""
    found = tally(files)
    if not found or found.most_common(1)[0][1] < THRESHOLD:
        return None
    best, score = found.most_common(1)[0]
    if found[SystemKind.PAAS] >= max(THRESHOLD, score * PAAS_SHARE):
        return SystemKind.PAAS
    return best
