"""The question catalogue: every question askspec may ask, as data with stable IDs."""

from __future__ import annotations

from dataclasses import dataclass

from askspec.i18n import N_
from askspec.models import Area, Kind


@dataclass(frozen=True)
class Entry:
    """A catalogue row: a question and the seed kinds it is asked for (empty: always)."""

    id: str
    area: Area
    title: str
    guidance: str
    example: str
    required: bool = True
    when: frozenset[Kind] = frozenset()
    #: The fact topics this question takes as evidence; None takes every fact of its area,
    #: "" stands for facts with no topic (a vague "fast enough").
    topics: frozenset[str] | None = None
    #: What turns a vague statement into a measurable one; empty takes the area's hint.
    hint: str = ""
    #: The kinds of system it is asked for (empty: every kind).
    systems: frozenset[str] = frozenset()


PROSE, CODE, SPEC = frozenset({Kind.PROSE}), frozenset({Kind.CODE}), frozenset({Kind.SPEC})

#: The catalogue. IDs are stable: never renumber, only add.
CATALOGUE: tuple[Entry, ...] = (
    Entry(
        "CTX-1",
        Area.CONTEXT,
        N_("What system should come out of the text you sent?"),
        N_(
            "The files you sent include narrative text. Say which part of it the software is about "
            "and what it should do for whom."
        ),
        N_(
            "A web service that keeps the records the text describes and sends the team "
            "a message when a value passes its limit."
        ),
        when=PROSE,
    ),
    Entry(
        "CTX-2",
        Area.CONTEXT,
        N_("What must change in the code you sent?"),
        N_("The files you sent include code. Say what to keep, what to add and what to replace."),
        N_("Keep the parser; replace the CLI with an HTTP API; add retries to the uploader."),
        when=CODE,
    ),
    Entry(
        "CTX-3",
        Area.CONTEXT,
        N_("How is the code built and run today?"),
        N_("Name the language version, the command that starts it and its dependencies."),
        N_(
            "Python 3.11; started with python -m tracker --config prod.toml; runs hourly from cron."
        ),
        when=CODE,
    ),
    Entry(
        "CTX-4",
        Area.CONTEXT,
        N_("Which parts of the spec are final, and which are drafts?"),
        N_(
            "The files you sent include a specification. Say which sections are settled and who "
            "decides on changes."
        ),
        N_("Sections 1-3 are agreed; the API section is a draft owned by the platform team."),
        when=SPEC,
    ),
    Entry(
        "IN-1",
        Area.INPUTS,
        N_("What data or requests enter the system?"),
        N_("Name each input: its format, where it comes from and who sends it."),
        N_(
            "JSON records posted over HTTPS by the partner's system, about 2 KB each; "
            "a nightly CSV export (UTF-8) from the existing database."
        ),
    ),
    Entry(
        "IN-2",
        Area.INPUTS,
        N_("How much input, and how often?"),
        N_("Give sizes and rates with units: typical and peak."),
        N_("About 20,000 rows per day, files up to 50 MB, peaks of 5 uploads per minute."),
        topics=frozenset({"volume"}),
    ),
    Entry(
        "IN-3",
        Area.INPUTS,
        N_("What invalid or unexpected input must it handle?"),
        N_("Say what happens with malformed, duplicate or late input."),
        N_("Records with a missing field are rejected and listed in a report; the rest load."),
        topics=frozenset({"invalid"}),
    ),
    Entry(
        "OUT-1",
        Area.OUTPUTS,
        N_("What does the system produce?"),
        N_("Name each output: reports, files, responses, messages, and their format."),
        N_("A daily PDF report and a JSON API returning each record's current state."),
    ),
    Entry(
        "OUT-2",
        Area.OUTPUTS,
        N_("Who or what consumes the outputs, and how are they delivered?"),
        N_("Name the people or systems that read the outputs and how they get them."),
        N_(
            "The operations team gets the report by email at 07:00; the partner's system calls "
            "the API."
        ),
        topics=frozenset({"delivery"}),
    ),
    Entry(
        "HW-1",
        Area.HARDWARE,
        N_("What machine must it run on?"),
        N_("CPU cores, memory, GPU or accelerator model, disk; or a device by name."),
        N_("One 4-core x86 VM with 8 GB RAM and 100 GB SSD; no GPU."),
        topics=frozenset({"machine"}),
        hint=N_(
            "Name the machine precisely: CPU cores, memory in GB, GPU or device model, and disk."
        ),
    ),
    Entry(
        "HW-2",
        Area.HARDWARE,
        N_("Which operating system, network and location constraints apply?"),
        N_("Operating system and version, network access, offline use, data residency."),
        N_("Debian 12; no internet access from the server; data must stay in the EU."),
        topics=frozenset({"os", "network"}),
        hint=N_(
            "Name the operating system and version, what the network allows and where "
            "the data must stay."
        ),
    ),
    Entry(
        "PERF-1",
        Area.PERFORMANCE,
        N_("How fast must it respond?"),
        N_("A latency target is a number, a unit, a percentile, a load and a way to measure it."),
        N_("p99 latency under 200 ms at 500 requests/s on one 4-core machine, measured with wrk."),
        topics=frozenset({"latency", "time", "startup", ""}),
    ),
    Entry(
        "PERF-2",
        Area.PERFORMANCE,
        N_("How much must it handle?"),
        N_("Throughput, data volume and growth, with units and the time window."),
        N_("1 million records per day now, 5 million within two years, with no batch over 1 hour."),
        topics=frozenset({"throughput", "volume"}),
    ),
    Entry(
        "PERF-3",
        Area.PERFORMANCE,
        N_("What resource and cost budgets apply?"),
        N_("Memory, start-up time, storage and running cost, each with a number and unit."),
        N_("Under 2 GB RAM, starts in under 3 s, under 300 EUR per month in hosting."),
        topics=frozenset({"memory", "disk", "cost", "startup"}),
    ),
    Entry(
        "HW-3",
        Area.HARDWARE,
        N_("Which board and power supply must the device use?"),
        N_(
            "Name the board or microcontroller, how it is powered and how long it must run "
            "on battery, and the sensors or parts it connects to."
        ),
        N_("An ESP32 board on 2 AA cells, at least 12 months per set; one I2C sensor."),
        topics=frozenset({"machine"}),
        hint=N_("Name the board by model, the power source and the battery life in months."),
        systems=frozenset({"device"}),
    ),
    Entry(
        "PERF-4",
        Area.PERFORMANCE,
        N_("How accurate must the model be, and on which data?"),
        N_(
            "Name the measure (accuracy, F1, word error rate...), the figure it must reach and "
            "the data set it is measured on."
        ),
        N_("F1 of at least 0.90 on a held-out set of 2,000 labelled examples from last year."),
        topics=frozenset({"accuracy"}),
        hint=N_("Give the measure, the figure and the data it is measured on."),
        systems=frozenset({"ml-model"}),
    ),
    Entry(
        "USER-1",
        Area.USERS,
        N_("Who will use it, and how many?"),
        N_("The kinds of users, how many of each and how they reach the system."),
        N_("Three staff daily through a browser; about 2,000 customers through the mobile app."),
        required=False,
    ),
    Entry(
        "ACC-1",
        Area.ACCEPTANCE,
        N_("How will you decide it is done?"),
        N_("Tests or demonstrations you will accept, with their pass criteria."),
        N_("Loading last March's 40,000 records gives the same totals as the current system."),
        required=False,
    ),
    Entry(
        "CON-1",
        Area.CONSTRAINTS,
        N_("What constraints must the work respect?"),
        N_("Languages, libraries, licences, budgets, deadlines, regulations."),
        N_("Python only; MIT or Apache licences; live before 1 March; GDPR applies."),
        required=False,
    ),
    Entry(
        "NG-1",
        Area.NON_GOALS,
        N_("What is explicitly out of scope?"),
        N_("Things someone might expect that this project will not do."),
        N_("No mobile app; no payment processing; no migration of historic data."),
        required=False,
    ),
)

#: Each catalogue entry by its question ID.
ENTRIES: dict[str, Entry] = {entry.id: entry for entry in CATALOGUE}

AREA_TITLES: dict[Area, str] = {
    Area.CONTEXT: N_("About what you sent"),
    Area.INPUTS: N_("Inputs"),
    Area.OUTPUTS: N_("Outputs"),
    Area.HARDWARE: N_("Hardware"),
    Area.PERFORMANCE: N_("Performance targets"),
    Area.USERS: N_("Users"),
    Area.ACCEPTANCE: N_("Acceptance tests"),
    Area.CONSTRAINTS: N_("Constraints"),
    Area.NON_GOALS: N_("Non-goals"),
}


def catalogue_ids() -> tuple[str, ...]:
    """Every question ID in catalogue order."""
    return tuple(entry.id for entry in CATALOGUE)


#: What turns a vague statement into a measurable one, per area.
HINTS: dict[Area, str] = {
    Area.INPUTS: N_("Name the format, where it comes from and a typical size."),
    Area.OUTPUTS: N_("Name the format, who receives it and how it is delivered."),
    Area.HARDWARE: N_(
        "Name the machine precisely: CPU cores, memory in GB, GPU or device model, "
        "operating system and version."
    ),
    Area.PERFORMANCE: N_(
        "Give a number with a unit, the percentile or load it must hold at, "
        "and how it is measured (for example p95 under 2 s at 50 requests per second)."
    ),
}
