"""One definition per rule (issue 28 §3): where the fast path must stay in SQL, the SQL is built from
the same rule as the Python function, and a property test holds the two to the same answers."""
import duckdb
from hypothesis import given, settings, strategies as st

from gridpay.transforms.privacy import COUNTRY_PREFIXES, hmac_pads, phone_hash, phone_hash_sql

_CON = duckdb.connect()
_PHONES = st.one_of(
    st.text(st.sampled_from("0123456789+- .eE()\t８"), max_size=20),
    st.builds(lambda p, sep, n: p + sep + n, st.sampled_from(["", "+86", "86", "0086", "+0086"]),
              st.sampled_from(["", " ", "-"]), st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True)))


@settings(max_examples=300, deadline=None)
@given(_PHONES, st.binary(min_size=1, max_size=80))
def test_the_readers_sql_phone_hash_is_phone_hash(raw, key):
    okey, ikey = hmac_pads(key)
    sql = _CON.execute(f"select {phone_hash_sql('$raw')}", {"raw": raw, "okey": okey, "ikey": ikey}).fetchone()[0]
    if raw.isascii():
        assert sql == phone_hash(raw, key)
    else:                           # full-width digits: left to phone_hash() itself
        assert sql is None


def test_the_country_prefix_rule_is_one_list_both_read():
    key = b"k"
    okey, ikey = hmac_pads(key)
    for prefix in COUNTRY_PREFIXES:
        raw = f"{prefix}13905612345"
        sql = _CON.execute(f"select {phone_hash_sql('$raw')}", {"raw": raw, "okey": okey, "ikey": ikey}).fetchone()[0]
        assert sql == phone_hash(raw, key) == phone_hash("13905612345", key)
