"""Guidance, examples and hints for each kind of system, where the generic ones miss.

Every text here stays generic within its kind: it names no one project's domain.
"""

from __future__ import annotations

from askspec.i18n import N_

#: (guidance, example, hint); an empty string keeps the catalogue's own text.
Tailoring = tuple[str, str, str]

TAILORED: dict[str, dict[str, Tailoring]] = {
    "paas": {
        "HW-1": (
            N_(
                "Name the hosting platform, the plan and the instance size, and how many "
                "instances run."
            ),
            N_(
                "The platform's standard plan: 2 instances with 1 GB of memory each, in one "
                "EU region, scaling to 4 at peak."
            ),
            N_("Name the plan, the instance size in GB of memory and how many instances."),
        ),
        "HW-2": (
            N_(
                "Name the region, the managed services it may use (database, queue, storage) "
                "and what may reach it from outside."
            ),
            N_("EU region; the platform's managed PostgreSQL; only HTTPS from the internet."),
            N_("Name the region, the managed services and what the network allows."),
        ),
        "PERF-3": (
            N_(
                "The monthly budget for the plan and add-ons, memory per instance and start-up "
                "time, each with a number and unit."
            ),
            N_(
                "Under 150 EUR per month for plan and database; each instance under 512 MB; "
                "a new instance serves within 20 s."
            ),
            "",
        ),
    },
    "ml-model": {
        "IN-1": (
            N_(
                "Name what the model is given: the kind of data, its format and size, and "
                "where it comes from."
            ),
            N_(
                "RGB images of 640x480 pixels as JPEG, one per request, sent by the "
                "existing application."
            ),
            "",
        ),
        "OUT-1": (
            N_("Name what the model returns: labels, scores, text or boxes, and their format."),
            N_("A JSON list of labels with a score from 0 to 1 for each image."),
            "",
        ),
        "HW-1": (
            N_(
                "Name the hardware that runs inference (and training, if it is part of the "
                "work): GPU or accelerator model and memory, or CPU only."
            ),
            N_("Inference on one GPU with 16 GB of memory; training on a rented 8-GPU machine."),
            N_("Name the GPU or accelerator model and its memory, or say CPU only."),
        ),
        "PERF-1": (
            N_(
                "The time per prediction, with a percentile, a batch size and the hardware "
                "it is measured on."
            ),
            N_("p95 under 150 ms per image at batch size 1 on the inference GPU."),
            "",
        ),
    },
    "device": {
        "HW-1": (
            N_(
                "Name the device: board or module, processor, memory, and the parts it connects to."
            ),
            N_("A board with a 240 MHz dual-core microcontroller, 4 MB flash, 520 KB RAM."),
            N_("Name the board by model, its memory and the parts it connects to."),
        ),
        "HW-2": (
            N_(
                "Name the firmware platform or operating system, the radio or network it "
                "uses, and where it is installed."
            ),
            N_("FreeRTOS; Wi-Fi 2.4 GHz where available, otherwise LoRa; indoors, 0-40 °C."),
            N_("Name the firmware platform, the network and the environment."),
        ),
        "PERF-3": (
            N_("Power, memory and storage budgets, each with a number and a unit."),
            N_("Under 50 µA average draw; firmware under 1 MB; a week of readings kept offline."),
            "",
        ),
    },
    "pipeline": {
        "PERF-1": (
            N_("How long one run may take and how soon after the data arrives it must finish."),
            N_("Each nightly run finishes within 45 minutes, by 06:00 at the latest."),
            N_("Give the run time with a unit and the deadline it must meet."),
        ),
    },
    "desktop-cli": {
        "HW-1": (
            N_(
                "Name the computers it must run on: operating systems and versions, and the "
                "smallest machine it must still run well on."
            ),
            N_("Windows 11 and macOS 14 laptops with 8 GB RAM; no GPU."),
            "",
        ),
        "PERF-1": (
            N_("How fast it must start and finish its usual job, on which machine."),
            N_("Starts in under 1 s and processes a 100 MB file in under 10 s on an 8 GB laptop."),
            "",
        ),
    },
    "app": {
        "HW-1": (
            N_("Name the devices and browsers it must run on, and where its server side runs."),
            N_(
                "The last two versions of iOS and Android and current desktop browsers; the "
                "server side on one 2-core VM."
            ),
            N_("Name the devices, browser versions and the server it needs."),
        ),
        "PERF-1": (
            N_("How fast screens must load and respond, on which device and network."),
            N_("Each screen usable within 2 s on a mid-range phone over 4G."),
            "",
        ),
    },
}


def tailoring(system: str, question: str, generic: Tailoring) -> Tailoring:
    """The guidance, example and hint for a question on this kind of system."""
    own = TAILORED.get(system, {}).get(question)
    if own is None:
        return generic
    return (own[0] or generic[0], own[1] or generic[1], own[2] or generic[2])
