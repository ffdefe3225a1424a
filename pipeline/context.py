"""What a month's run is asked to do (MonthRequest) and what it runs with once it has started
(RunContext): settings resolved once, the policy parsed once from the archived bytes, the phone
key, the run id. Every step takes these, never paths re-read from the settings or the live policy."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Callable

from gridpay.core.layout import publish_folder, work_folder
from gridpay.core.secret_key import ArchiveKeys
from gridpay.core.settings import Settings
from gridpay.expectations.record import RECORD
from gridpay.ingest.archive import InputFile, blob_path
from gridpay.ingest.formats import Source
from gridpay.ingest.partition import Partition, PartitionJob, Partitioning
from gridpay.transforms.policy import Policy

# how a run writes its rows and files: 2 (store/migrations/0005) names inputs by their inbox path and
# masks quarantine.csv; 3 (0012) records the homes it may count wrongly, and its scorecard lists them; 4: a
# worker sheet's pay line under a fixed budget says it is scaled, the notice states the policy's items, and an
# item without a label is printed as the form asks it; 5: a worker assigned in two communities counts in one
# community's scorecard totals, the other's marks the line (publishing/communities.py); 8: the notice says
# which other answers do not count (speeders, calls, upheld appeals: publishing/notice.py); 9: a pending or
# rejected appeal on an answer that did not count for another reason says so (publishing/review_data.py), and a
# worker's interval is drawn around the kept score (publishing/worker_interval.py); 10: percentages are rounded
# once, half up, and grid_scores.csv's rates printed as published (publishing/percent.py), a rejected appeal's
# answer "counts as if not appealed" (publishing/review_data.py), and the audit compares the month's other CSVs
# byte for byte (pipeline/audit_csvs.py); 11 and 12: CHANGELOG.md; 13: a worker sheet lists the verification
# calls on its grids' answers (publishing/worker_contexts.py); 14 to 18: CHANGELOG.md; 20: a correction draws the
# verification sample its month was first published with (publishing/verification.py); 22 and 23: CHANGELOG.md;
# 26: a correction of a correction's worker sheet names the month's first publication (publishing/republication.py);
# 27: two compounds grids.csv lists, one name the start of the other, are not told to be joined by '='
# (ingest/alike_compounds.py); 28: a budget-neutral worker sheet's step 5 says how the pool reached its pay
# (publishing/neutral_shares.py); 29: a worker sheet's call that took an answer out says the home's earlier answer
# it let count (publishing/call_restorations.py); 30: a district scorecard's PDF links to no file, as its links resolved
# inside the installed package (publishing/reporting.py UNLINKED_FROM); 31: a door with a place before it and without it
# is paired by its numbers (纺织厂宿舍4-1-502 and 4栋1单元502: ingest/door_prefixes.py), and a corrected worker sheet
# names whose its id was in the publication it replaces, where another's (publishing/worker_contexts.py); 32: a floor
# and flat without a building is paired with the room they make (18楼08 and 1808: ingest/reworded_doors.py); 33: a
# worker sheet's step 1 sums a score of two grids or more (publishing/worker_contexts.py score_terms)
OUTPUT_FORMAT = 33


@dataclass(frozen=True)
class MonthRequest:
    month: str
    settings: Settings
    lang: str = "zh"
    reason: str | None = None              # why: required to re-run a finalized month
    allow_empty: bool = False              # publish a month with no survey file on purpose
    reports: str = "all"                   # all | hr (no worker sheets) | none (CSVs only)
    dask_workers: int = 0                  # > 0: stage the survey files on a Dask cluster
    accept_exclusions: bool = False        # publish although the outcome suite found rules removing many answers
    accept_fewer_answers: bool = False     # publish a re-run whose files lack answers the published run counted
    accept_more_answers: bool = False      # publish a grid whose answers doubled through a file of its own
    new_phone_key: bool = False            # the phone-hash key was replaced on purpose (pipeline/run_keys.py)
    as_of: datetime | None = None          # an audit: the time of the run it checks (the appeal window as then)
    replay: tuple[InputFile, ...] | None = None   # an audit: the archived inputs of the run it checks
    replay_window: tuple[tuple[str, str], ...] | None = None   # ... and the earlier runs it read (month, run id)
    log_file: Path | None = None           # where the command logs (recorded with the run)
    # a re-run of a published month whose reference files or policy changed since: "published"
    # re-uses the ones it was published from, "inbox" takes today's; None stops (pipeline/reference_drift.py)
    reference: str | None = None
    reuse: tuple[InputFile, ...] = ()      # the archived reference files and policy "published" re-uses
    take: tuple[str, ...] = ()             # ... but these of today's (--take: a late adjustment), by file name
    # the rules rows and files are written under (store/migrations/0005): OUTPUT_FORMAT for a run;
    # an audit re-run takes the audited run's, None for one recorded before formats were
    output_format: int | None = OUTPUT_FORMAT

    def shown_name(self, name: str) -> str:
        """The source_file of the input `name` (its path in the inbox): that path from format 2 on,
        the bare file name before (two files named alike in two folders could not be told apart)."""
        return "" if (self.output_format or 1) >= 2 else PurePosixPath(name).name


@dataclass(frozen=True)
class ArchivedInputs:
    files: tuple[InputFile, ...]           # inbox files, by their names in the inbox
    policy_file: InputFile                 # the policy's archived bytes, named "policy.toml"
    policy: Policy                         # parsed from exactly those bytes

    def entries(self) -> list[dict]:
        """The run record's and the manifest's list of inputs, the policy last."""
        return [f.as_dict() for f in (*self.files, self.policy_file)]


# The survey stager a shell may hand the pipeline (flows/partitions.py: on a Dask cluster): the
# month's survey files, as archived blobs, and what every partition shares -> the stage file's
# surveys table, and how the month was partitioned
SurveyStager = Callable[[list[Partition], PartitionJob], Partitioning]


@dataclass(frozen=True)
class RunContext:
    request: MonthRequest
    run_id: str
    inputs: ArchivedInputs
    key: bytes                             # the phone-hash key
    archive_keys: ArchiveKeys
    stager: SurveyStager | None = None     # None: the survey files are staged in this process
    partitioning: Partitioning | None = None   # set once the stager has run (recorded, in the manifest)
    notices: list[str] = field(default_factory=list)   # the console's warnings so far (pipeline/run_notices.py)
    published: tuple | None = None         # (run id, inputs) of the month's published run this one replaces

    @property
    def month(self) -> str:
        return self.request.month

    @property
    def settings(self) -> Settings:
        return self.request.settings

    @property
    def policy(self) -> Policy:
        return self.inputs.policy

    @property
    def workdir(self) -> Path:
        """Private scratch of this run (hashed rows only); removed when the run ends, and by the
        next run or `gridpay doctor` if the process was killed."""
        return work_folder(self.settings.out, self.run_id)

    @property
    def doors_hidden(self) -> int:
        """From output format 22 a phone or ID number typed as a door reaches the warehouse masked and hashed (0
        before); from 23 one written with +86 or separators, and a landline, too (ingest/phones.py)."""
        fmt = self.request.output_format or 1
        return fmt if fmt >= 22 else 0

    @property
    def publishing(self) -> Path:
        return publish_folder(self.settings.out, self.run_id)

    @property
    def validation_record(self) -> Path | None:
        """Where GX keeps the run's validation record and Data Docs (expectations/record.py),
        published as <month>/validation/; None for an audit's re-run, which compares rows only."""
        return None if self.request.replay is not None else self.workdir / RECORD

    @property
    def opened_inputs(self) -> Path:
        """Where the stage step decrypts the archived inputs while it reads them (removed as soon
        as they are read; the work folder is private)."""
        return self.workdir / "inputs"

    def sources(self) -> list[Source]:
        """The run's input files, named as in the inbox, at their archived blobs (encrypted: the
        stage step opens them)."""
        return [Source(f.name, blob_path(self.settings.archive, f.sha256)) for f in self.inputs.files]

    def survey_sources(self) -> list[Source]:
        return [s for s in self.sources() if s.name.startswith("surveys/")]
