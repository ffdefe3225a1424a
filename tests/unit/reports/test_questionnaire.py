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


def test_the_compound_question_is_optional_where_some_grid_lists_no_compound():
    policy = load_policy(DEFAULT_POLICY)
    text = questionnaire_text("松林社区", ["一网格", "老街"], policy.items, policy.questions, ("松林苑",),
                              optional_compound=True)
    assert "您所在的小区（选填：不住在以下小区的不选）[单选题]\n松林苑\n\n" in text
    asked = text.split("\n\n")[2].split("[")[0]
    assert policy.questions["compound"] in asked              # still read back as the compound question


def test_a_villages_form_gives_a_door_of_its_groups_as_the_example():
    """Trial 208's re-check: 柳塘村's form asked for a door 如 3栋2单元301, a building its homes do not have."""
    policy = load_policy(DEFAULT_POLICY)
    village = questionnaire_text("柳塘村", ["一组网格"], policy.items, policy.questions, ("柳塘村",))
    assert "您家的门牌号（如 3组15号）[填空题]" in village
    town = questionnaire_text("松林社区", ["一网格"], policy.items, policy.questions, ("松林苑", "柳塘村"))
    assert "您家的门牌号（如 3栋2单元301）[填空题]" in town
