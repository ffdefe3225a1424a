"""The phone hash is keyed, the key file private, mobiles read as people and Excel type them, and masked."""

from conftest import RESIDENT_PHONE

def test_phone_hash_is_keyed(monkeypatch):
    from gridpay.transforms.privacy import phone_hash
    a = phone_hash("+86 139-1234-5678", b"key-a")
    assert a == phone_hash("13912345678", b"key-a") != phone_hash("13912345678", b"key-b")
    assert RESIDENT_PHONE not in a and len(a) == 64


def test_key_file_is_created_owner_only(monkeypatch, tmp_path):
    from gridpay.core.secret_key import phone_key
    monkeypatch.delenv("GRIDPAY_SECRET")
    key_file = tmp_path / "keys" / "secret.key"
    key = phone_key(key_file)
    assert len(key) == 64 and key_file.stat().st_mode & 0o777 == 0o600
    assert phone_key(key_file) == key


def test_mainland_mobiles_excel_numbers_and_masks():
    from gridpay.transforms.privacy import is_mobile, masked_number, normalized_phone, unreadable_phone
    assert all(is_mobile(p) for p in ("13905612345", "+86 139-0561-2345", "86 139 0561 2345", "１３９０５６１２３４５"))
    assert not any(is_mobile(p) for p in ("1.39056E+10", "13905612345.0", "12905612345", "1390561234", "0562-1234567"))
    assert unreadable_phone("1.39056E+10") and unreadable_phone(" 13905612345.0 ") and unreadable_phone("1E+10")
    assert not unreadable_phone("13905612345") and not unreadable_phone("+86 139-0561-2345")
    # two numbers in one cell (a couple's form): no one phone, in Python and in the reader's SQL alike
    import duckdb
    from gridpay.transforms.privacy import excel_number_sql
    for two in ("13800000001/13900000002", "138 0000 0001, 139 0000 0002"):
        assert unreadable_phone(two) and normalized_phone(two) is None
        assert duckdb.execute(f"select {excel_number_sql('v')} from (select ?::varchar as v)", [two]).fetchone()[0]
    assert normalized_phone("1.39056E+10") is None and normalized_phone("13905612345") == "13905612345"
    assert masked_number("13905615678") == "139****5678" and masked_number("139.056E+10") == "139****0"
    assert masked_number("12345") == "12345"
    assert masked_number("1395678") == "139****"                     # a digit short of 11: four still hidden
    assert masked_number("13800000001.0") == "138****0001.0"        # Excel's decimal: the phone's own last four


def test_a_number_typed_in_full_width_digits_is_masked_in_text_and_in_sql():
    """A field trial's `gridpay inspect` showed respondent_phone=１３９１２３４０００１ in clear."""
    import duckdb
    from gridpay.transforms.privacy import masked_comment, regex_masked_sql
    assert masked_comment("电话１３９１２３４０００１，7栋") == "电话１３９****０００１，*栋"
    assert duckdb.execute("select " + regex_masked_sql("'x１３９１２３４５６７８, 13912345678'")).fetchall() == \
        [("x１３９****５６７８, 139****5678",)]


def test_under_comment_numbers_all_a_comment_s_landlines_and_dotted_mobiles_are_masked_too():
    """A hundred-and-fifth trial's comment printed a home landline in clear on the callback list and the scorecard,
    and kept 139.8765.4321 and (139)8765-4321 in clear in the warehouse (policy 2027.13: survey.comment_numbers)."""
    from gridpay.transforms.privacy import masked_comment
    said = "请冯师傅回电 139-8765-4321，或打家里0571-8765 4321"
    assert masked_comment(said, True) == "请冯师傅回电 139****4321，或打家里0571-****4321"
    assert masked_comment(said) == "请冯师傅回电 139****4321，或打家里0571-8765 4321"         # a policy before it
    for typed in ("139.8765.4321 找我", "(139)8765-4321 找我", "+86 139.8765.4321 找我"):
        assert masked_comment(typed, True) == "139****4321 找我", typed
    assert masked_comment("电话87654321，(0571)87654321", True) == "电话****4321，0571-****4321"
    for kept in ("2026-11-03 下午来过", "补贴1200.00元", "2026.11.03", "3号楼2单元"):
        assert masked_comment(kept, True) == masked_comment(kept), kept     # dates and amounts are not phones
