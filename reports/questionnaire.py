"""The recommended satisfaction form, in the text a survey platform's batch import takes (问卷星
批量添加题目: a question line ending in its type, then one option per line, a blank line between
questions). Each question's text contains the policy's text for its column, and the grids are
listed in grids.csv order, so a form built from it is read by gridpay by construction."""
from __future__ import annotations

LIKERT = ("非常满意", "满意", "基本满意", "不满意", "非常不满意")
ITEM_QUESTIONS = {   # item column -> the question residents are asked
    "sat_environment": "您对网格员的环境卫生工作满意吗",
    "sat_safety": "您对网格员的治安安全工作满意吗",
    "sat_service": "您对网格员的服务态度满意吗",
    "sat_responsiveness": "您对网格员的响应速度满意吗",
    "sat_overall": "您对网格员的总体工作满意吗",
}


def questionnaire_text(community: str, grid_names: list[str], items: tuple[str, ...],
                       questions: dict[str, str], compounds: tuple[str, ...] = (), optional_compound: bool = False,
                       options: tuple[str, ...] = ()) -> str:
    """The form; an item the default wording does not know is asked with the policy's text. Where
    grids.csv lists `compounds` and the policy reads a compound question, the form asks it (door
    numbers repeat from compound to compound); `optional_compound` where some grid of the form lists none,
    whose residents must be able to leave it blank (a sixty-fourth trial's required question made 老街's
    residents pick another grid's compound, and the month stopped). `options`: the policy's survey.form_words
    (trial 215's form asked 很满意 ... 很不满意), else the shipped five."""
    compound = questions.get("compound")
    asked_as = "您所在的小区" if compound in "您所在的小区" else compound
    hint = "（选填：不住在以下小区的不选）" if optional_compound else ""
    asked = [] if not (compound and compounds) else ["\n".join([f"{asked_as}{hint}[单选题]", *compounds])]
    # a village's homes go by group (组), not building (trial 208's re-check read 3栋2单元301 on its village's form)
    example = "3组15号" if compounds and all(c.split("=")[0].endswith("村") for c in compounds) else "3栋2单元301"
    blocks = [f"{community}网格员满意度测评",
              "\n".join(["您所在的网格[单选题]", *grid_names]),
              *asked,
              f"您家的门牌号（如 {example}）[填空题]",
              "您的手机号码（选填，仅用于核实，不会公开）[填空题]"]
    for item in items:
        text = ITEM_QUESTIONS.get(item) or f"您对网格员的{questions.get(item, item)}满意吗"
        blocks.append("\n".join([f"{text}[单选题]", *(options or LIKERT)]))
    blocks.append("您的意见或建议（选填）[填空题]")
    return "\n\n".join(blocks) + "\n"
