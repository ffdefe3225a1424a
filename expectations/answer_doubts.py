"""How a month's answers were gathered, where HR would ask before paying: a worker's phone answering,
one phone answering for several homes of a grid, a grid's answers doubled against the months before,
its answers giving no phone doubled while the other grids' did not. Found in the month just scored (its stg_* and
int_* tables); counted as the policy's rules count them (review flags never change pay), but said on
the console and so listed on the scorecard HR signs, naming the grid, the worker and what is at stake.
A seventy-sixth field trial's worker filled in 15 homes' forms from her husband's phone (+243.54 yuan),
a grid tripled its answers (+502.72), a worker's phone gave a colleague's grid 8 非常不满意, a worker
typed 15 forms with the phone left blank (+201.78): each was at most one line among sixty in the
scorecard's review table, or nowhere, and the console said nothing."""
from __future__ import annotations

from gridpay.expectations.worker_phone_lines import shown_ids as _ids, worker_phone_lines

# a grid's counted answers at least SURGE_TIMES the most of the months the run read, or those giving no phone
# SURGE_TIMES the month before's, and at least SURGE_MORE more: gathered by one hand reads so (the trial's
# 22 -> 66, and 7 -> 22 without a phone); a season's ordinary swing does not
SURGE_TIMES, SURGE_MORE = 2, 10
SHOWN_GRIDS = 8     # lines of one doubt said grid by grid; the rest in one line (trial 187: ~260 lines at 120 grids)


def answer_doubts(con) -> list[str]:
    """One line per doubt, grid by grid, in a stable order; a doubt of more than SHOWN_GRIDS grids names the rest
    in one line."""
    return [line for doubt in (worker_phone_lines(con, own=False), _one_phone_many_homes(con), _surges(con),
                               _phoneless(con), _complaints_set_aside(con), _phoneless_in_place(con))
            for line in _at_most(doubt)]


def _at_most(lines: list[str]) -> list[str]:
    if len(lines) <= SHOWN_GRIDS:
        return lines
    rest = lines[SHOWN_GRIDS - 1:]
    return lines[:SHOWN_GRIDS - 1] + [f"... and {len(rest)} more grids as the line above says of its grid: "
                                      f"{', '.join(x.split(': ', 1)[0] for x in rest)} (review.csv and quarantine.csv "
                                      f"list their answers)"]


def _one_phone_many_homes(con) -> list[str]:
    """Counted answers flagged shared_phone (one phone, several homes of a grid), not a worker's phone (said
    above), with the grid's raw score with and without them: what the month would pay on them."""
    rows = con.execute("""
        with phone_rows as (
            select s.row_id, s.grid_id, s.respondent_phone_hash as phone, s.household_id,
                   s.response_id::varchar as response_id
            from int_response_flags f join int_surveys s on s.row_id = f.row_id
            where f.flag = 'shared_phone'
              and s.respondent_phone_hash not in (select phone_hash from stg_workers where phone_hash is not null)
              -- a home a call found had answered (属实) is no doubt: trial 132's 13 confirmed were still "for a call"
              and s.response_id not in (select response_id from stg_verification where result = 'confirmed'))
        select r.grid_id, coalesce(g.grid_name, r.grid_id), count(distinct p.phone), count(p.row_id),
               count(distinct p.household_id), avg(r.response_score) filter (where p.row_id is not null),
               avg(r.response_score), avg(r.response_score) filter (where p.row_id is null),
               list(p.response_id order by p.row_id) filter (where p.row_id is not null)
        from int_response_scores r left join phone_rows p on p.row_id = r.row_id
        left join stg_grids g on g.grid_id = r.grid_id
        where r.grid_id in (select grid_id from phone_rows)
        group by all order by r.grid_id""").fetchall()
    return [f"{n} answers to {grid} ({gid}) for {homes} homes came from {'one phone' if phones == 1 else f'{phones} phones'}"
            f"{'' if phones == 1 else ', each answering for several homes'} (shared_phone: counted). Their mean score "
            f"{theirs:.2f}; the grid's raw score {whole:.2f}, "
            f"{f'{rest:.2f} without them' if rest is not None else 'none without them'}. "
            f"verify.csv lists them for a call: a household that did not answer (未参与) is taken out on the next run "
            f"({_ids(ids)})"
            for gid, grid, phones, n, homes, theirs, whole, rest, ids in rows]


def _surges(con) -> list[str]:
    """Grids whose counted answers are SURGE_TIMES the most of any month the run read, at this month's households
    (a compound handed over raises both; answers_dropped is the flag for a fall). Against the most, not the last:
    a seventy-seventh trial's thin July made August's ordinary count a rise, and a meeting's June July's fall."""
    rows = con.execute("""
        with now as (select grid_id, count(*) as n from int_response_scores group by grid_id),
        before as (
            select b.grid_id, w.month, b.responses, b.households,
                   b.responses * coalesce(g.households / nullif(b.households, 0), 1) as expected
            from run_window w join grid_scores b on b.run_id = w.window_run_id join stg_grids g using (grid_id)),
        most as (select grid_id, arg_max(month, expected) as month, arg_max(responses, expected) as responses,
                        arg_max(households, expected) as households, max(expected) as expected,
                        list(distinct month order by month) as months
                 from before group by grid_id)
        select g.grid_id, g.grid_name, now.n, m.responses, m.month, m.months,
               if(m.households is distinct from g.households,
                  format(' of {} households, {} at its {} now', m.households, round(m.expected, 1), g.households), ''),
               (select count(distinct f.row_id) from int_response_flags f where f.grid_id = g.grid_id)
        from now join stg_grids g using (grid_id) join most m using (grid_id)
        where m.expected > 0 and now.n >= ? * m.expected and now.n - m.expected >= ?
        order by g.grid_id""", [SURGE_TIMES, SURGE_MORE]).fetchall()
    # at this month's households: a grid split in two since had 18 of 600 (9 at 300), and "twice 18" read wrong
    # the months read named: a backlog read September alone (trial 149); trial 226's 20 relatives' flagged by no rule
    return [f"{grid} ({gid}): {n} answers counted, at least twice its most of the months before ({before} in "
            f"{month}{scaled}; {_months_read(months)}): check that its residents gave them, as many answers collected "
            f"by one person would look so (" + (f"review.csv lists {flagged} of them a rule flagged" if flagged else
                                                 "no rule flagged one of them: call some from the download") +
            f"), or that {month} was not published short of a download"
            for gid, grid, n, before, month, months, scaled, flagged in rows]


def _months_read(months: list[str]) -> str:
    return f"the only month read, {months[0]}" if len(months) == 1 else f"months read: {', '.join(months)}"


def _phoneless(con) -> list[str]:
    """Grids whose counted answers giving no phone are SURGE_TIMES those of the month the run read last, and
    SURGE_TIMES the other grids' share this month: such an answer escapes the self_rating and shared_phone rules
    (a form asking the phone 选填), and a share of residents always leave it blank (the trial's 7 of 28 in
    September, 22 of 43 in October). A form made optional again raises every grid's (a seventy-seventh trial)."""
    # the grids whose share stands out this month first, and the month before read for those only (at 10M answers
    # a scan of both months' phones, and a list of every blank one's id, cost seconds)
    rows = con.execute("""
        with now as (
            select r.grid_id, count(*) as n, count(*) filter (where s.respondent_phone_hash is null) as blank
            from int_response_scores r join int_surveys s on s.row_id = r.row_id group by r.grid_id),
        whole as (select sum(n) as n, sum(blank) as blank from now),
        candidates as (
            select now.* from now cross join whole where now.blank >= ? and whole.n > now.n
              and now.blank * (whole.n - now.n) >= ? * now.n * (whole.blank - now.blank)),
        last as (select month, window_run_id from run_window order by month desc limit 1),
        before as (
            select c.grid_id, count(*) filter (where s.respondent_phone_hash is null) as blank
            from counted_responses c join raw_surveys s on s.run_id = c.run_id and s.row_id = c.row_id
            where c.run_id = (select window_run_id from last) and c.grid_id in (select grid_id from candidates)
            group by c.grid_id)
        select k.grid_id, coalesce(g.grid_name, k.grid_id), k.blank, k.n, b.blank, (select month from last)
        from candidates k join before b using (grid_id) left join stg_grids g on g.grid_id = k.grid_id
        where k.blank >= ? * b.blank and k.blank - b.blank >= ?
        order by k.grid_id""", [SURGE_MORE, SURGE_TIMES, SURGE_TIMES, SURGE_MORE]).fetchall()
    return [f"{grid} ({gid}): {blank} of its {n} counted answers give no phone, {before} in {month}: an answer without "
            f"a phone escapes the self_rating and shared_phone rules; check them with the homes "
            f"({_ids(_phoneless_ids(con, gid))})" for gid, grid, blank, n, before, month in rows]


def _phoneless_ids(con, grid_id: str) -> list[str]:
    return [rid for (rid,) in con.execute(
        "select s.response_id::varchar from int_response_scores r join int_surveys s on s.row_id = r.row_id "
        "where r.grid_id = ? and s.respondent_phone_hash is null order by s.row_id limit 6", [grid_id]).fetchall()]


# (the set-aside complaint's phone, the counted answer's; what the line says of them; what HR does)
_COMPLAINTS = (
    # trial 136's 景秀园 renumbered: a new 1栋's 非常不满意, typed with its old number 6-2-402, set aside for new 6栋's 5s
    # (W03 +90.27, nothing said); two phones both given (one without may be a resident's paper form and online answer)
    # trial 191: two households of one 大杂院 both typing 槐树胡同12号; told also to take the set-aside answer out by an
    # appeal, HR's appeal stopped the month (it did not count), and the line stayed once the answer was typed in
    ("x.phone <> k.phone and not exists (select 1 from counted c where c.phone = x.phone "
     "and c.household_id <> x.household_id)", ", from another phone,", "but two homes writing one door number (a "
     "building renumbered, a neighbour's number, two households of one yard) read so, and then a complaint is lost: "
     "call the phone the set-aside answer gave (its download holds it); if they are two homes, type that answer into "
     "the sheet HR types under the home's own number, with that phone, dated when it was given (the download's answer "
     "did not count: no appeal is needed, and the line is not said again once that phone counts under another door)"),
    # trial 188: three all-非常不满意 answers without a phone, each replaced 48 minutes later by a 满意 of its door
    # trial 188's re-check: an appeal taking the later answer out left the complaint out too (an older answer still)
    ("x.phone is null", "", "so the complaint is off the callback list; a complaint replaced by praise from its door, "
     "the complaint with no phone, is also what an answer typed over it looks like: visit the home; if the later "
     "answer was not the household's, record the visit as a call of that answer in verification/<YYYY-MM>.csv "
     "(result 未参与, a note: 入户核实), which counts the complaint again"))


def _complaints_set_aside(con) -> list[str]:
    """Bad reviews set aside as an earlier answer of a home whose answer that counts is no bad review: one household,
    one voice keeps the later, and the complaint leaves the callback list too. Every item a bad review in one, none
    in the other (a family's two answers differ less: the example's grandmother rated 不满意 overall, 非常满意
    elsewhere), from another phone, or from none (_COMPLAINTS)."""
    return [f"{grid} ({gid}): {len(ids)} answer{'s' if len(ids) != 1 else ''} rating every item badly set aside as "
            f"an earlier answer of a home whose answer that counts{whose} rates none badly ({_ids(ids)}): one "
            f"household, one voice counts the later, {then}, and run again"
            for phones, whose, then in _COMPLAINTS for gid, grid, ids in _displaced(
                con, aside="x.highest <= p.callback_at_or_below", pair=f"k.lowest > p.callback_at_or_below and {phones}")]


def _phoneless_in_place(con) -> list[str]:
    """Answers giving a phone set aside as the earlier answer of a home whose answer that counts gives none and rates
    otherwise (an item's answer differs; its re-check's forms one point higher went unsaid at a point apart on
    average or more): a form typed later without a phone takes an online answer's place,
    so whoever types paper forms can choose a home's voice (trial 150's volunteer typed forms dated the month's last
    day for six doors whose residents had answered online: W01 +104.94, W02 -46.62, only the duplicates counted)."""
    rows = _displaced(con, aside="x.phone is not null", pair="k.phone is null and x.answers is distinct from k.answers")
    return [f"{grid} ({gid}): {len(ids)} answer{'s' if len(ids) != 1 else ''} giving a phone set aside as an earlier "
            f"answer of a home whose answer that counts gives no phone and rates otherwise ({_ids(ids)}): one "
            f"household, one voice counts the later, so a later answer without a phone (a paper form typed later, or "
            f"an answer whose phone was left blank) takes the place of the home's own answer: call the phone the "
            f"set-aside answer gave (its download holds it); if the home did not fill in the later form, record the call "
            f"of the later answer in verification/<YYYY-MM>.csv, result 未参与 (a note: 回访核实), which takes it out and "
            f"counts the home's own answer again (an appeal upheld would leave that out too), and run again"
            for gid, grid, ids in rows]


def _displaced(con, aside: str, pair: str) -> list[tuple[str, str, list[str]]]:
    """(grid, its name, 'set-aside id (home, counted: id)' ...) per grid: the answers set aside as a home's older
    answer (x, not taken out by HR since) meeting `aside`, beside its counted answer (k) where the two meet `pair`
    (SQL over x and k: phone, answers, highest, lowest; p: run_params)."""
    return con.execute(f"""
        with p as (select * from run_params),
        answered as (select s.row_id, s.grid_id, s.household_id, s.response_id, s.respondent_phone_hash as phone,
                            s.answers, list_max(s.answers) as highest, list_min(s.answers) as lowest
                     from int_surveys s where not s.is_invalid and s.household_id is not null),
        counted as (select a.* from answered a where a.row_id in (select row_id from int_response_scores)),
        set_aside as (select a.* from answered a join int_survey_exclusions e using (row_id)
                      where e.code = 'duplicate_household'
                        and a.row_id not in (select row_id from int_review_exclusions))     -- HR took it out since
        select x.grid_id, coalesce(g.grid_name, x.grid_id),
               list(format('{{}} ({{}}, counted: {{}})', x.response_id, x.household_id, k.response_id)
                    order by x.response_id)
        from set_aside x cross join p
        join counted k on k.household_id = x.household_id and (p.household_scope <> 'grid' or k.grid_id = x.grid_id)
        left join stg_grids g on g.grid_id = x.grid_id
        where ({aside}) and ({pair})
        group by all order by x.grid_id""").fetchall()
