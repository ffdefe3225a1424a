"""The recommended form asks what the policy reads: the compound too, where grids.csv lists compounds."""
from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.reports.questionnaire import questionnaire_text


def test_the_form_asks_the_compound_where_grids_csv_lists_compounds():
    policy = load_policy(DEFAULT_POLICY)
    text = questionnaire_text("松林社区", ["一网格"], policy.items, policy.questions, ("松林苑", "翠竹园"))
    assert "您所在的网格[单选题]\n一网格\n\n您所在的小区[单选题]\n松林苑\n翠竹园\n\n您家的门牌号" in text
    assert policy.questions["compound"] in "您所在的小区"        # read back by the policy's own question text
    assert "小区[单选题]" not in questionnaire_text("松林社区", ["一网格"], policy.items, policy.questions)
