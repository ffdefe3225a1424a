"""One definition per rule (issue 28 §3): where the fast path must stay in SQL, the SQL is built from
the same rule as the Python function, and a property test holds the two to the same answers."""
import duckdb
from hypothesis import given, settings, strategies as st

from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.transforms.privacy import COUNTRY_PREFIXES, hmac_pads, phone_hash, phone_hash_sql

_CON = duckdb.connect()
_PHONES = st.one_of(
    st.text(st.sampled_from("0123456789+- .eE()\t８"), max_size=20),
    st.builds(lambda p, sep, n: p + sep + n, st.sampled_from(["", "+86", "86", "0086", "+0086"]),
              st.sampled_from(["", " ", "-"]), st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True)),
    st.from_regex(r" ?((\+|00)?86[ -]?)?1[3-9][0-9][ -]?[*＊]{4}[ -]?[0-9]{4} ?", fullmatch=True),   # a platform's mask
    st.from_regex(r"(\+?86 ?)?1[3-9][0-9]{9} ?[/ ,] ?(\+?86 ?|0086)?1[3-9][0-9]{9}", fullmatch=True))    # a couple's


@settings(max_examples=300, deadline=None)
@given(_PHONES, st.binary(min_size=1, max_size=80))
def test_the_readers_sql_phone_hash_is_phone_hash(raw, key):
    okey, ikey = hmac_pads(key)
    sql = _CON.execute(f"select {phone_hash_sql('$raw')}", {"raw": raw, "okey": okey, "ikey": ikey}).fetchone()[0]
    if raw.isascii():
        assert sql == phone_hash(raw, key)
    else:                           # full-width digits: left to phone_hash() itself
        assert sql is None


def test_a_phone_a_platform_masked_is_hashed_apart_with_its_seven_digits():
    from gridpay.transforms.privacy import MASKED_PREFIX, masked_phone_hash
    key = b"k"
    okey, ikey = hmac_pads(key)
    sql = _CON.execute(f"select {phone_hash_sql('$raw')}", {"raw": "138****5678", "okey": okey, "ikey": ikey}
                       ).fetchone()[0]
    assert sql == phone_hash("138****5678", key) == phone_hash("138＊＊＊＊5678", key)
    assert sql == masked_phone_hash("+86 138-1234-5678", key) == MASKED_PREFIX + phone_hash("1385678", key)
    assert not phone_hash("1385678", key).startswith(MASKED_PREFIX)        # typed so, it is no mask
    # with a country code, or a space or hyphen around the stars (trial 204: +86 138****8000 matched no worker)
    for raw in ("+86 138****5678", "+86138****5678", "0086-138****5678", "138 **** 5678", "138-****-5678"):
        sql = _CON.execute(f"select {phone_hash_sql('$raw')}", {"raw": raw, "okey": okey, "ikey": ikey}).fetchone()[0]
        assert sql == phone_hash(raw, key) == masked_phone_hash("13812345678", key), raw


def test_a_cell_of_two_numbers_is_two_numbers_whichever_carries_its_country_prefix():
    """Trial 204's re-check: 13900139001/+8613700137002 was one 24-digit phone, and W03's own rating through it counted."""
    from gridpay.transforms.privacy import TWO_PREFIX
    key = b"k"
    okey, ikey = hmac_pads(key)
    pair = TWO_PREFIX + phone_hash("13900139001", key) + "," + phone_hash("13700137002", key)
    for raw in ("13900139001/13700137002", "13900139001/+8613700137002", "+86 13900139001, 0086 13700137002"):
        sql = _CON.execute(f"select {phone_hash_sql('$raw')}", {"raw": raw, "okey": okey, "ikey": ikey}).fetchone()[0]
        assert sql == phone_hash(raw, key) == pair, raw


def test_a_landline_and_a_mobile_in_a_cell_are_two_numbers_under_the_key_and_one_without():
    """Trial 301: a worker filling in an old resident's form typed 0562-2861234/13805623346, hashed as one 22-digit phone,
    and her own rating counted (survey.landline_mobile_cells, policy 2027.35)."""
    from gridpay.transforms.privacy import TWO_PREFIX, two_mobiles
    key = b"k"
    okey, ikey = hmac_pads(key)
    for raw, landline in (("0562-2861234/13805623346", "05622861234"), ("13805623346，2861234", "2861234"),
                          ("(0562) 2861234 +86 138 0562 3346", "0562286123486"), ("0562-28612345/13805623346", "056228612345"),
                          ("0562-2861234转801/13805623346", "05622861234801"), ("5622861234 13805623346", "5622861234")):
        mobile_first = raw.startswith("1")
        pair = TWO_PREFIX + ",".join(phone_hash(n, key) for n in (("13805623346", landline) if mobile_first else
                                                                   (landline, "13805623346")))
        sql = _CON.execute(f"select {phone_hash_sql('$raw', landlines=True)}",
                           {"raw": raw, "okey": okey, "ikey": ikey}).fetchone()[0]
        assert sql == (pair if raw.isascii() else None) and two_mobiles(raw, True), raw    # SQL reads ASCII alone
        assert phone_hash(raw, key, landlines=True) == pair, raw
        assert not phone_hash(raw, key).startswith(TWO_PREFIX) and not two_mobiles(raw), raw      # a policy before it
    for one in ("0562-2861234", "13805623346", "+86 138 0562 3346", "340702199001011234"):     # one number stays one
        assert phone_hash(one, key, landlines=True) == phone_hash(one, key), one


def test_the_country_prefix_rule_is_one_list_both_read():
    key = b"k"
    okey, ikey = hmac_pads(key)
    for prefix in COUNTRY_PREFIXES:
        raw = f"{prefix}13905612345"
        sql = _CON.execute(f"select {phone_hash_sql('$raw')}", {"raw": raw, "okey": okey, "ikey": ikey}).fetchone()[0]
        assert sql == phone_hash(raw, key) == phone_hash("13905612345", key)


def test_published_files_are_checked_against_recorded_hashes_by_one_function(tmp_path):
    from gridpay.ingest.archive import file_sha256
    from gridpay.pipeline.audit import published_file_problems
    from gridpay.publishing.outputs import changed_files
    (tmp_path / "a.csv").write_text("a\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text("b\n", encoding="utf-8")
    recorded = {"a.csv": file_sha256(tmp_path / "a.csv"), "b.csv": "0" * 64, "gone.csv": "1" * 64}
    assert changed_files(tmp_path, recorded) == {"b.csv": file_sha256(tmp_path / "b.csv"), "gone.csv": "missing"}
    problems = published_file_problems(tmp_path, recorded)
    assert [p.split(":")[0] for p in problems] == [str(tmp_path / "b.csv"), str(tmp_path / "gone.csv")]


def test_every_months_back_is_month_back(tmp_path):
    from gridpay.core.month import Month
    from gridpay.publishing.earlier_months import months_back
    with duckdb.connect() as con:      # the reports' SQL way up to 3c1880e, as the oracle
        for month, count in (("2026-02", 3), ("2026-12", 1), ("2027-01", 14)):
            oracle = [r[0] for r in con.execute(
                "select strftime(cast(? as date) - to_months(i), '%Y-%m') from range(?) as t(i) order by 1",
                [f"{month}-01", count]).fetchall()]
            assert months_back(month, count) == oracle
            assert str(Month.parse(month).first_of(count)) == oracle[0]


def test_the_scratch_folders_are_named_in_one_place(tmp_path):
    from gridpay.core.layout import private_work, publish_folder, remove_stale_work, work_folder
    out = tmp_path / "out"
    for folder in (work_folder(out, "audit-1"), publish_folder(out, "render-1"), publish_folder(out, "run-1")):
        folder.mkdir(parents=True)
    assert publish_folder(out, "run-1").name == ".publishing-run-1"
    (out / ".staging-run-0").mkdir()            # as an earlier gridpay named a publication being assembled
    assert remove_stale_work(out) == 4 and not any(out.iterdir())          # out/.work went too
    assert private_work(tmp_path / "w.duckdb") == tmp_path / "w.duckdb.work"


def test_which_reference_tables_passed_is_the_callers_to_keep(make_inbox, tmp_path, monkeypatch):
    from gridpay.expectations import validate
    from gridpay.ingest.staging import stage_inputs
    assert not hasattr(validate, "_PASSED_REFERENCE")          # no module-global state decides it
    policy = load_policy(DEFAULT_POLICY)
    stage_inputs(make_inbox(), "2026-09", policy, b"k", tmp_path / "work")
    calls = []
    real = validate.validate_tables
    monkeypatch.setattr(validate, "validate_tables", lambda db, suites, **k: calls.append(sorted(suites)) or real(db, suites, **k))
    seen: set[str] = set()
    for passed in (seen, seen, None, None):
        validate.validate_staged(tmp_path / "work", "2026-09", policy, passed_reference=passed)
    everything = ["adjustments", "assignments", "grids", "surveys", "workers"]
    # the second look with the caller's set skipped the reference tables; without a set, never skipped
    assert calls == [everything, ["surveys"], everything, everything] and len(seen) == 1
