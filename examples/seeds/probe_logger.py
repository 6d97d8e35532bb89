#!/usr/bin/env python3
"""Read temperature probes and append one CSV line per reading."""

import csv
import sys
import time
from datetime import datetime, timezone


def read_probe(device: str) -> float:
    with open(device, encoding="ascii") as fh:
        return int(fh.read().strip()) / 1000.0


def main(argv: list[str]) -> int:
    devices = argv[1:]
    writer = csv.writer(sys.stdout)
    while True:
        stamp = datetime.now(timezone.utc).isoformat()
        for device in devices:
            writer.writerow([stamp, device, f"{read_probe(device):.1f}"])
        sys.stdout.flush()
        time.sleep(60)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
