"""Counting rules of spec §3, one test (at least) per rule, on the domain directly."""

import datetime

import pytest

from truongweb.plugins.plan_evidence.counting import (
    EvidenceItem,
    TaggingError,
    aggregate_status,
    alerts,
    count_plan,
    count_plans,
    period_status,
    split_codes,
    validate_item_tags,
)
from truongweb.plugins.plan_evidence.periods import Period
from truongweb.plugins.plan_evidence.plans import Plan, Quota, Semester, Topic, Unit

D = datetime.date


def plan(**kw):
    base = dict(
        id="kh",
        title="KH",
        start=D(2024, 1, 1),
        end=D(2024, 12, 31),
        topics=(Topic("a", "A"),),
    )
    base.update(kw)
    return Plan(**base)


def item(day, topics=(), unit=None, **kw):
    return EvidenceItem(title=kw.pop("title", f"Bài {day}"), url=f"/bai-{day}/", date=day,
                        topics=tuple(topics), unit=unit, **kw)


AS_OF = D(2024, 12, 31)


# Rule 1: articles only
def test_pages_never_count():
    r = count_plan(plan(), [item(D(2024, 3, 1), ["a"], kind="page")], AS_OF)
    assert r.total.count == 0 and r.topics[0].count == 0


# Rule 2: published only
@pytest.mark.parametrize("status", ["draft", "hidden"])
def test_drafts_and_hidden_never_count(status):
    r = count_plan(plan(), [item(D(2024, 3, 1), ["a"], status=status)], D(2025, 1, 1))
    assert r.total.count == 0 and r.topics[0].status == "unmet"


# Rule 3: inclusive plan bounds
def test_inclusive_bounds():
    items = [item(D(2023, 12, 31), ["a"]), item(D(2024, 1, 1), ["a"]),
             item(D(2024, 12, 31), ["a"]), item(D(2025, 1, 1), ["a"])]
    r = count_plan(plan(), items, AS_OF)
    assert r.total.count == 2
    assert [i.date for i in r.topics[0].items] == [D(2024, 1, 1), D(2024, 12, 31)]


# Rule 3: on or before the as-of date
def test_items_after_as_of_do_not_count():
    items = [item(D(2024, 6, 10), ["a"]), item(D(2024, 6, 11), ["a"])]
    r = count_plan(plan(), items, D(2024, 6, 10))
    assert r.total.count == 1 and r.topics[0].count == 1


# Topic: the item carries the code; unit: Unit matches
def test_topic_and_unit_matching():
    p = plan(topics=(Topic("a", "A"), Topic("b", "B")), units=(Unit("u", "U"), Unit("v", "V")))
    r = count_plan(p, [item(D(2024, 2, 1), ["a"], unit="u"), item(D(2024, 2, 2), ["b"])], AS_OF)
    assert [t.count for t in r.topics] == [1, 1]
    assert [u.count for u in r.units] == [1, 0]


# Two topics: once in each topic and once in the total
def test_two_topics_count_once_each_and_once_in_total():
    p = plan(topics=(Topic("a", "A"), Topic("b", "B")))
    r = count_plan(p, [item(D(2024, 2, 1), ["a", "b", "a"])], AS_OF)
    assert r.total.count == 1
    assert [t.count for t in r.topics] == [1, 1]


# An item without topic counts only toward plan-wide quotas
def test_item_without_topic_counts_in_total_only():
    r = count_plan(plan(quota=Quota(total=1)), [item(D(2024, 2, 1))], AS_OF)
    assert r.total.count == 1 and r.total.status == "met"
    assert r.topics[0].count == 0


# Topic codes of other plans are ignored in this plan
def test_foreign_topic_codes_ignored():
    r = count_plan(plan(), [item(D(2024, 2, 1), ["other"])], AS_OF)
    assert r.total.count == 1 and r.topics[0].count == 0


# Periods: month/quarter clipped to the plan; only overlapping periods exist
def test_periods_clipped_to_plan():
    p = plan(start=D(2024, 2, 15), end=D(2024, 7, 10), quota=Quota(per_month=1, per_quarter=1))
    r = count_plan(p, [], D(2024, 1, 1))
    kinds = [(pr.period.kind, pr.period.start, pr.period.end) for pr in r.total.periods]
    assert kinds[0] == ("total", D(2024, 2, 15), D(2024, 7, 10))
    assert ("quarter", D(2024, 2, 15), D(2024, 3, 31)) in kinds
    assert ("quarter", D(2024, 7, 1), D(2024, 7, 10)) in kinds
    months = [k for k in kinds if k[0] == "month"]
    assert months[0] == ("month", D(2024, 2, 15), D(2024, 2, 29))
    assert months[-1] == ("month", D(2024, 7, 1), D(2024, 7, 10))
    assert len(months) == 6
    # order: total, semester, quarter, month
    assert [k[0] for k in kinds] == ["total"] + ["quarter"] * 3 + ["month"] * 6


def test_semesters_clipped_and_non_overlapping_dropped():
    sems = (
        Semester("HK I 2023-2024", D(2023, 9, 5), D(2024, 1, 14)),
        Semester("HK II 2023-2024", D(2024, 1, 15), D(2024, 5, 31)),
        Semester("HK xa", D(2026, 1, 1), D(2026, 5, 1)),
    )
    p = plan(semesters=sems, quota=Quota(per_semester=2))
    r = count_plan(p, [item(D(2024, 1, 10)), item(D(2024, 1, 14)), item(D(2024, 1, 15))], AS_OF)
    sp = [pr for pr in r.total.periods if pr.period.kind == "semester"]
    assert [(s.period.label, s.period.start, s.period.end, s.count) for s in sp] == [
        ("HK I 2023-2024", D(2024, 1, 1), D(2024, 1, 14), 2),
        ("HK II 2023-2024", D(2024, 1, 15), D(2024, 5, 31), 1),
    ]
    assert [s.status for s in sp] == ["met", "unmet"]


# `required` is the quota for that period kind
def test_required_per_kind_and_total_required_zero_without_total_quota():
    p = plan(quota=Quota(per_month=2, per_quarter=5))
    r = count_plan(p, [], AS_OF)
    req = {pr.period.kind: pr.required for pr in r.total.periods}
    assert req == {"total": 0, "quarter": 5, "month": 2}


# quarters restricts per_quarter
def test_quarters_filter():
    p = plan(topics=(Topic("a", "A", quota=Quota(per_quarter=1), quarters=(1, 3)),))
    r = count_plan(p, [item(D(2024, 2, 1), ["a"])], D(2024, 10, 1))
    qs = [pr for pr in r.topics[0].periods if pr.period.kind == "quarter"]
    assert [q.period.label for q in qs] == ["Quý I/2024", "Quý III/2024"]
    assert [q.status for q in qs] == ["met", "unmet"]
    assert r.topics[0].status == "unmet"


# Period statuses with A = as-of date
def test_period_statuses():
    p = Period("month", D(2024, 3, 1), D(2024, 3, 31), "Tháng 3/2024", "2024-03", 3)
    assert period_status(p, 1, 1, D(2024, 1, 1)) == "met"  # met whenever it happens
    assert period_status(p, 0, 1, D(2024, 4, 1)) == "unmet"
    assert period_status(p, 0, 1, D(2024, 3, 31)) == "in_progress"  # contains A (end)
    assert period_status(p, 0, 1, D(2024, 3, 1)) == "in_progress"  # contains A (start)
    assert period_status(p, 0, 1, D(2024, 2, 29)) == "upcoming"
    assert period_status(p, 0, 0, D(2024, 2, 29)) == "met"


# Topic/unit/plan status aggregation
def test_aggregate_status():
    assert aggregate_status(["met", "met"]) == "met"
    assert aggregate_status(["met", "unmet", "in_progress"]) == "unmet"
    assert aggregate_status(["met", "in_progress", "upcoming"]) == "in_progress"
    assert aggregate_status(["upcoming"]) == "in_progress"


def test_line_statuses_end_to_end():
    p = plan(quota=Quota(per_month=1), topics=(Topic("a", "A", quota=Quota(per_quarter=1)),))
    items = [item(D(2024, m, 5), ["a"]) for m in (1, 2, 3, 4)]
    r = count_plan(p, items, D(2024, 5, 15))
    months = {pr.period.slug: pr.status for pr in r.total.periods if pr.period.kind == "month"}
    assert months["2024-04"] == "met" and months["2024-05"] == "in_progress"
    assert months["2024-06"] == "upcoming"
    assert r.total.status == "in_progress"
    r2 = count_plan(p, items[:3], D(2024, 5, 15))
    assert r2.total.status == "unmet"  # April ended without an article


# Topic without quota = total: 1
def test_topic_without_quota_needs_one_article():
    r = count_plan(plan(), [], D(2024, 6, 1))
    t = r.topics[0]
    assert [(pr.period.kind, pr.required, pr.status) for pr in t.periods] == [("total", 1, "in_progress")]
    assert count_plan(plan(), [], D(2025, 1, 1)).topics[0].status == "unmet"
    assert count_plan(plan(), [item(D(2024, 5, 1), ["a"])], D(2024, 6, 1)).topics[0].status == "met"


# Plan without quota: only total with required 0, always met
def test_plan_without_quota_always_met():
    r = count_plan(plan(), [], D(2025, 6, 1))
    assert [(pr.period.kind, pr.required) for pr in r.total.periods] == [("total", 0)]
    assert r.total.status == "met"


def test_unit_without_quota_is_met_and_with_quota_counts():
    p = plan(units=(Unit("u", "U"), Unit("v", "V", Quota(total=2))))
    r = count_plan(p, [item(D(2024, 1, 2), unit="v")], D(2025, 2, 1))
    assert r.units[0].status == "met"
    assert r.units[1].count == 1 and r.units[1].status == "unmet"


# Overlapping plans are counted independently
def test_overlapping_plans_independent():
    p1 = plan(id="nam-2024", quota=Quota(total=1))
    p2 = plan(id="nam-hoc", start=D(2024, 9, 1), end=D(2025, 5, 31), quota=Quota(total=1))
    items = [item(D(2024, 10, 1), ["a"])]
    r1, r2 = count_plans([p1, p2], items, D(2025, 6, 1))
    assert r1.total.count == 1 and r2.total.count == 1
    assert r1.topics[0].count == 1 and r2.topics[0].count == 1


def test_as_of_before_plan_everything_upcoming():
    r = count_plan(plan(quota=Quota(total=1, per_month=1)), [], D(2023, 6, 1))
    assert {pr.status for pr in r.total.periods} == {"upcoming"}
    assert r.total.status == "in_progress"


def test_alerts_within_14_days():
    p = plan(quota=Quota(per_month=1), topics=(Topic("a", "A", quota=Quota(per_quarter=1)),))
    r = count_plan(p, [item(D(2024, 3, 2), ["a"])], D(2024, 3, 20))
    got = [(ln.kind, pr.period.slug) for ln, pr in alerts(r)]
    assert got == []  # March met for the total, Q1 met for topic a
    r = count_plan(p, [], D(2024, 3, 20))
    got = [(ln.kind, pr.period.slug) for ln, pr in alerts(r)]
    assert got == [("total", "2024-03"), ("topic", "2024-q1")]
    r = count_plan(p, [], D(2024, 3, 16))  # 15 days before the end
    assert alerts(r) == []


# ---- tagging (spec §2)

def test_split_codes():
    assert split_codes(" A-b , c ,") == ["a-b", "c"]
    assert split_codes(["X", "y, z"]) == ["x", "y", "z"]
    assert split_codes(None) == []


def test_validate_tags_ok_and_normalised():
    got = validate_item_tags("content/a.md", "GDPT-2018 , an-toan", " TO-NGU-VAN ", None, None,
                             {"gdpt-2018", "an-toan"}, {"to-ngu-van"})
    assert got == (("gdpt-2018", "an-toan"), "to-ngu-van", "website", None)
    got = validate_item_tags("a.md", [], None, "Facebook", "https://fb.com/x", set(), set())
    assert got == ((), None, "facebook", "https://fb.com/x")


def test_unknown_topic_suggests_nearest():
    with pytest.raises(TaggingError) as e:
        validate_item_tags("content/articles/a.md", "gdpt-2108", None, None, None,
                           {"gdpt-2018", "an-toan-truong-hoc"}, set())
    msg = str(e.value)
    assert msg.startswith("content/articles/a.md:")
    assert "'gdpt-2108'" in msg and "Có phải ý bạn là 'gdpt-2018'?" in msg


def test_unknown_unit_suggests_nearest():
    with pytest.raises(TaggingError) as e:
        validate_item_tags("b.md", None, "to-van", None, None, set(), {"to-ngu-van", "doan-doi"})
    assert "'to-van'" in str(e.value) and "Có phải ý bạn là 'to-ngu-van'?" in str(e.value)


def test_channel_without_link():
    with pytest.raises(TaggingError) as e:
        validate_item_tags("c.md", None, None, "bao-chi", None, set(), set())
    assert "c.md" in str(e.value) and "'link'" in str(e.value) and "bao-chi" in str(e.value)


def test_bad_link_and_bad_channel():
    with pytest.raises(TaggingError, match="'link'"):
        validate_item_tags("c.md", None, None, "facebook", "fb.com/x", set(), set())
    with pytest.raises(TaggingError, match="'channel'"):
        validate_item_tags("c.md", None, None, "báo chí", "https://x.vn", set(), set())


def test_no_plans_message():
    with pytest.raises(TaggingError, match="Chưa có kế hoạch"):
        validate_item_tags("c.md", "x", None, None, None, set(), set())
