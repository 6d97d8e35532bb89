"""Seed folders in several domains, written for the tests of the request's judgement."""

from __future__ import annotations

TWO_PRODUCTS = {
    "lyra-prerequisites.md": """# Installing Lyra Inference Server

Before installing Lyra Inference Server, check the prerequisites below.

## Prerequisites

- Lyra needs Docker 24 or newer and a Linux host with glibc 2.31.
- The Lyra model repository must be mounted read-only at /models.
- Lyra serves models over gRPC on port 9000 and over REST on port 8000.
- Lyra loads each model's configuration file when it starts and rejects malformed ones.

## Verifying the installation

Run the Lyra health probe and check that every model in the repository reports ready.
Lyra writes its startup log to standard output; look for the line naming each loaded model.
""",
    "orion-hardware.md": """# Orion Edge Kit hardware guide

The Orion Edge Kit is a compact carrier board for field deployments.

## Board

The Orion carrier board has a quad-core ARM processor, 8 GB LPDDR5 and a 128 GB eMMC.
Orion exposes two camera connectors, one gigabit Ethernet jack and a 40-pin header.

## Power

Orion accepts 9 to 19 V DC through the barrel jack; typical draw is 7 W and peak 15 W.
A passive heatsink keeps the Orion module within its thermal envelope up to 45 °C ambient.
""",
}

DRAFT_AND_FINAL = {
    "rfq-draft.md": """# Request for quotation: records migration

## Scope

The supplier migrates the archive to the new records platform.

## Data migration

All records from 2015 onwards are migrated; older records stay in the archive.

## Schedule

Work starts in March and ends in September.
""",
    "rfq-final.md": """# Request for quotation: records migration

## Scope

The supplier migrates the archive to the new records platform.

## Data migration

Every record since 2005 is migrated, including scanned attachments.

## Schedule

Work starts in March and ends in September.
""",
}

NEWS = {
    "deal.html": """<html><head><title>Retailer agrees takeover</title></head><body>
<h1>Retailer agrees takeover by rival group</h1>
<p>The online retailer said on Monday it had agreed to be bought by a rival group in a
deal valued at 2.1 billion euros, ending months of speculation about its future.</p>
<p>Shares rose 14 percent in early trading. Analysts said the price reflected strong
growth in the retailer's home market over the past three years.</p>
<p>The takeover is expected to close in the second quarter, subject to approval by
competition authorities. The chief executive will stay on for a transition period.</p>
</body></html>
""",
}

MODEL_REPO = {
    "README.md": """# Leaf disease classifier

This repository holds the training code and weights of a leaf disease classifier.
The model is a fine-tuned ResNet-50; inference runs in PyTorch on a GPU or on the CPU.
We need an inference service that other teams can call, and we want to know how accurate
the model must be before it is used by the field teams.
""",
    "train.py": '''"""Fine-tune the classifier on the labelled dataset."""

import torch


def train(epochs: int = 10) -> None:
    model = torch.hub.load("pytorch/vision", "resnet50")
    for epoch in range(epochs):
        print(epoch, model)
''',
}

PAAS_APP = {
    "brief.md": """# Booking site

We want a small web app where visitors book a slot and get a confirmation email.
It will be hosted on a managed platform (PaaS) with a Procfile; we do not run servers.
The web app should be able to serve a few hundred visitors a day.
""",
    "Procfile": "web: gunicorn booking.app:app\n",
}

DEVICE = {
    "idea.md": """# Beehive scale

We want a battery-powered scale under each hive that sends the weight every hour.
The firmware runs on a microcontroller with a load-cell sensor on I2C, and the board
must last a season on battery. Readings go over LoRa to a gateway at the farm.
""",
}

SETTLED = {
    "proposal.md": """# Proposal: lazy imports

Status: Final

## Motivation

Start-up time of command-line tools is dominated by imports.

## Specification

Modules marked lazy are imported on first use. The feature is implemented and stable
since release 3.14.
""",
}

GERMAN = {
    "anforderungen.md": """# Anforderungen an die Lagerverwaltung

Wir brauchen ein System, das den Bestand im Lager erfasst. Die Mitarbeiter sollen
Wareneingänge mit einem Handscanner buchen können, und der Bestand muss jederzeit
aktuell sein. Die Daten werden in der Datenbank des Unternehmens gespeichert und
nicht an Dritte weitergegeben. Das System soll auf einem Server im eigenen Haus laufen.
""",
}
