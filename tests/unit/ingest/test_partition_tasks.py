"""A district task's troubles, below the cluster: a worker that cannot see the archive says what must be
shared, a killed worker's scratch is removed by the next, a bad row's error survives the trip to the driver."""
import tempfile


from gridpay.core.secret_key import key_fingerprint
from gridpay.ingest.partition import PartitionJob, RunKeys, worker_problem


def test_a_worker_that_cannot_see_the_archive_says_what_must_be_shared(tmp_path):
    """Without a shared disk, one line says which folder the worker lacks and why it must share it."""
    keys = RunKeys(str(tmp_path / "k"), key_fingerprint(b"test-secret-not-for-production"), str(tmp_path / "a"), None)
    job = PartitionJob(str(tmp_path / "nowhere" / "archive"), str(tmp_path), None, "2026-10", {}, keys)
    problem = worker_problem(job, "ab" * 32, "Dask worker tcp://10.0.0.2:4000 on node2")
    assert problem == (f"Dask worker tcp://10.0.0.2:4000 on node2: cannot see the run's archive {tmp_path}/nowhere/"
                       f"archive (No such file or directory); the archive and the work folder must be on a disk every "
                       f"worker shares, at the same paths (docs/scale.md, what every worker must share)")


def test_a_killed_workers_scratch_is_removed_by_the_next_task_on_its_machine(tmp_path, monkeypatch):
    """A worker killed mid-task leaves its decrypted district file in its scratch (its `finally`
    never runs): the next private scratch made on that machine removes it, never a live one's."""
    import fcntl
    from gridpay.core.layout import SCRATCH_ALIVE, private_scratch
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    dead, live = tmp_path / "gridpay-partition-dead", tmp_path / "gridpay-partition-live"
    for folder in (dead, live):
        folder.mkdir()
        (folder / SCRATCH_ALIVE).touch()
        (folder / "inputs").mkdir()
        (folder / "inputs" / "ab12").write_text("13912345678")
    with open(live / SCRATCH_ALIVE) as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with private_scratch("gridpay-partition-") as mine:
            assert mine.is_dir() and oct(mine.stat().st_mode & 0o777) == "0o700"
            assert not dead.exists() and (live / "inputs" / "ab12").is_file()
    assert not mine.exists()


def test_a_scratch_being_made_is_never_taken_for_a_dead_one(tmp_path, monkeypatch):
    """Two Dask workers on one machine: the second's sweep ran between the first making its lock file and
    locking it, found it free, and removed a live scratch (FileNotFoundError in a test run under load)."""
    import fcntl
    from gridpay.core import layout
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    real = fcntl.flock

    def sweep_first(handle, operation):       # the other worker's sweep, just before this lock is taken
        layout._remove_dead_scratch("gridpay-scoring-")
        return real(handle, operation)
    monkeypatch.setattr(fcntl, "flock", sweep_first)
    with layout.private_scratch("gridpay-scoring-") as mine:
        assert mine.is_dir()
        monkeypatch.setattr(fcntl, "flock", real)
        layout._remove_dead_scratch("gridpay-scoring-")         # locked now: left alone
        assert mine.is_dir()


def test_a_bad_row_found_on_a_worker_reaches_the_command_line_as_its_one_line():
    """Dask pickles a task's exception back to the driver: InputError must survive it whole."""
    import pickle
    from gridpay.core.errors import InputError
    error = pickle.loads(pickle.dumps(InputError("surveys/2026-10-01.csv", "is not a date", 7, "submitted_at")))
    assert isinstance(error, InputError) and (error.file, error.row, error.column) == ("surveys/2026-10-01.csv", 7,
                                                                                       "submitted_at")
    assert str(error) == "surveys/2026-10-01.csv, row 7, column 'submitted_at': is not a date"
