"""Property tests (hypothesis) on counting."""

import datetime
import random

from hypothesis import given, settings, strategies as st

from truongweb.plugins.plan_evidence.counting import EvidenceItem, count_plan
from truongweb.plugins.plan_evidence.export import to_json_dict
from truongweb.plugins.plan_evidence.plans import Plan, Quota, Semester, Topic

D = datetime.date
TOPICS = ("a", "b", "c")

dates = st.dates(min_value=D(2023, 6, 1), max_value=D(2026, 6, 30))


@st.composite
def plans(draw):
    start = draw(st.dates(min_value=D(2024, 1, 1), max_value=D(2025, 6, 1)))
    end = start + datetime.timedelta(days=draw(st.integers(0, 500)))
    sem_start = draw(st.dates(min_value=D(2023, 9, 1), max_value=D(2025, 9, 1)))
    sem = Semester("HK", sem_start, sem_start + datetime.timedelta(days=draw(st.integers(0, 150))))
    quota = Quota(
        total=draw(st.none() | st.integers(0, 5)),
        per_month=draw(st.none() | st.integers(0, 3)),
        per_quarter=draw(st.none() | st.integers(0, 3)),
        per_semester=draw(st.none() | st.integers(0, 3)),
    )
    qs = draw(st.none() | st.sets(st.integers(1, 4), min_size=1).map(lambda s: tuple(sorted(s))))
    topics = (Topic("a", "A", quota=Quota(per_quarter=1), quarters=qs), Topic("b", "B"))
    return Plan(id="p", title="P", start=start, end=end, topics=topics, semesters=(sem,), quota=quota)


items_st = st.lists(
    st.builds(
        lambda d, ts, i: EvidenceItem(title=f"t{i}", url=f"/u{i}/", date=d, topics=tuple(ts)),
        dates,
        st.lists(st.sampled_from(TOPICS), max_size=3),
        st.integers(0, 10**6),
    ),
    max_size=40,
)


@settings(max_examples=150, deadline=None)
@given(plans(), items_st, dates)
def test_month_counts_add_up_to_total(plan, items, as_of):
    plan = Plan(**{**plan.__dict__, "quota": Quota(per_month=1, per_quarter=1),
                   "topics": (Topic("a", "A", quota=Quota(per_month=1)), Topic("b", "B", quota=Quota(per_month=2)))})
    r = count_plan(plan, items, as_of)
    for ln in r.lines():
        months = [pr.count for pr in ln.periods if pr.period.kind == "month"]
        quarters = [pr.count for pr in ln.periods if pr.period.kind == "quarter"]
        assert sum(months) == ln.count
        if ln.kind == "total":  # topic "a" may restrict its quarters
            assert sum(quarters) == ln.count
    expected = sum(1 for i in items if plan.start <= i.date <= min(plan.end, as_of))
    assert r.total.count == expected


@settings(max_examples=150, deadline=None)
@given(plans(), items_st, dates, st.randoms(use_true_random=False))
def test_result_independent_of_item_order(plan, items, as_of, rnd):
    shuffled = list(items)
    rnd.shuffle(shuffled)
    site = {"name": "S", "url": ""}
    assert to_json_dict(count_plan(plan, items, as_of), site) == to_json_dict(
        count_plan(plan, shuffled, as_of), site
    )


@settings(max_examples=150, deadline=None)
@given(plans(), items_st, dates)
def test_invariants(plan, items, as_of):
    r = count_plan(plan, items, as_of)
    for ln in r.lines():
        assert ln.periods[0].period.kind == "total"
        kinds = [pr.period.kind for pr in ln.periods]
        order = {"total": 0, "semester": 1, "quarter": 2, "month": 3}
        assert kinds == sorted(kinds, key=order.get)
        for pr in ln.periods:
            assert plan.start <= pr.period.start <= pr.period.end <= plan.end
            assert (pr.status == "met") == (pr.count >= pr.required)
            if pr.status == "unmet":
                assert pr.period.end < as_of
            if pr.status == "upcoming":
                assert pr.period.start > as_of
        # topic count never exceeds the plan count
        assert ln.count <= r.total.count
        assert ln.count == len(ln.items)
    # an item with two topics of the plan is in both topics' items
    for it in r.items:
        for code in set(it.topics) & {"a", "b"}:
            line = r.topics[0] if code == "a" else r.topics[1]
            assert it in line.items


@settings(max_examples=100, deadline=None)
@given(plans(), items_st, dates)
def test_later_as_of_never_lowers_counts(plan, items, as_of):
    r1 = count_plan(plan, items, as_of)
    r2 = count_plan(plan, items, as_of + datetime.timedelta(days=30))
    assert r2.total.count >= r1.total.count
    for a, b in zip(r1.topics, r2.topics):
        assert b.count >= a.count
