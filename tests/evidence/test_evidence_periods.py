import datetime

from truongweb.plugins.plan_evidence.periods import all_periods, find_period, months, quarters, semesters
from truongweb.plugins.plan_evidence.plans import Plan, Semester, Topic

D = datetime.date


def plan(start, end, sems=()):
    return Plan(id="p", title="P", start=start, end=end, topics=(Topic("a", "A"),), semesters=sems)


def test_labels_and_slugs():
    p = plan(D(2026, 9, 5), D(2027, 5, 31), (Semester("Học kỳ I", D(2026, 9, 5), D(2027, 1, 15)),))
    ms = months(p)
    assert ms[0].label == "Tháng 9/2026" and ms[0].slug == "2026-09" and ms[0].start == D(2026, 9, 5)
    assert len(ms) == 9
    qs = quarters(p)
    assert [q.label for q in qs] == ["Quý III/2026", "Quý IV/2026", "Quý I/2027", "Quý II/2027"]
    assert qs[1].slug == "2026-q4"
    ss = semesters(p)
    assert ss[0].label == "Học kỳ I" and ss[0].slug == "hk1"
    assert all_periods(p)[0].label == "Cả kế hoạch"


def test_find_period():
    p = plan(D(2026, 1, 1), D(2026, 12, 31), (Semester("HK", D(2026, 1, 1), D(2026, 5, 1)),))
    assert find_period(p, "2026-11").label == "Tháng 11/2026"
    assert find_period(p, "2026-Q4").label == "Quý IV/2026"
    assert find_period(p, "HK1").label == "HK"
    assert find_period(p, "total").kind == "total"
    assert find_period(p, "ca-ke-hoach").kind == "total"
    assert find_period(p, "2027-01") is None


def test_single_day_plan():
    p = plan(D(2024, 2, 29), D(2024, 2, 29))
    assert [(x.kind, x.start, x.end) for x in all_periods(p)] == [
        ("total", D(2024, 2, 29), D(2024, 2, 29)),
        ("quarter", D(2024, 2, 29), D(2024, 2, 29)),
        ("month", D(2024, 2, 29), D(2024, 2, 29)),
    ]
