"""The helpers every part of the site shares, one of each: display_path,
did_you_mean, the YAML loader, the value checks and the date format."""

import datetime as dt
import os

import pytest
import yaml

from truongweb.plugins.content_schema import load_yaml
from truongweb.plugins.content_schema.values import CODE_RE, as_date, is_code
from truongweb.plugins.plan_evidence import views
from truongweb.plugins.plan_evidence.counting import TaggingError, validate_item_tags
from truongweb.plugins.plan_evidence.plans import PlanError, load_plan
from truongweb.plugins.vietnamese import dates, messages


@pytest.fixture
def site(tmp_path):
    content = tmp_path / "site" / "content"
    (content / "articles").mkdir(parents=True)
    messages.set_site_folder(content)
    yield tmp_path / "site"
    messages.set_site_folder(None)


def test_display_path_names_files_from_the_site_folder(site, tmp_path):
    article = site / "content" / "articles" / "a.md"
    article.write_text("x", encoding="utf-8")
    assert messages.display_path(str(article)) == "content/articles/a.md"  # the quick way
    assert messages.display_path(article) == "content/articles/a.md"
    assert messages.display_path(site / "content" / ".." / "content" / "articles" / "a.md") == (
        "content/articles/a.md")
    assert messages.display_content_path("articles/a.md") == "content/articles/a.md"
    outside = tmp_path / "khac.md"
    assert messages.display_path(outside) == os.fspath(outside.resolve())


def test_plan_and_tagging_errors_name_files_the_same_way(site):
    plan = site / "content" / "plans" / "kh.yml"
    plan.parent.mkdir()
    plan.write_text("id: kh\ntitle: [\n", encoding="utf-8")
    with pytest.raises(PlanError, match=r"^content/plans/kh\.yml, dòng"):
        load_plan(plan)


def test_did_you_mean_has_one_cutoff_and_the_caller_s_quotes():
    assert messages.did_you_mean("sumary", ["summary", "title"]) == ' Có phải ý bạn là "summary"?'
    assert messages.did_you_mean("to-van", ["to-ngu-van"], quote="'") == (
        " Có phải ý bạn là 'to-ngu-van'?")
    assert messages.did_you_mean("xyz", ["summary", "title"]) == ""
    # 0.5 passed before in one copy and 0.4 in two; the one cutoff is 0.6.
    assert messages.did_you_mean("abcd", ["abxy"]) == ""
    with pytest.raises(TaggingError, match="Có phải ý bạn là 'to-ngu-van'"):
        validate_item_tags("a.md", None, "to-van", None, None, (), {"to-ngu-van"})


def test_load_yaml_options_and_worded_errors():
    assert load_yaml("d: 2024-03-05") == {"d": dt.date(2024, 3, 5)}
    assert load_yaml("d: 2024-03-05", timestamps=False) == {"d": "2024-03-05"}
    assert load_yaml("a: 1\na: 2\n") == {"a": 2}
    with pytest.raises(yaml.constructor.ConstructorError, match="duplicate key 'a'"):
        load_yaml("a: 1\na: 2\n", unique_keys=True)
    with pytest.raises(yaml.MarkedYAMLError) as error:
        load_yaml("a: [1\nb: 2\n")
    assert error.value.problem_mark.line >= 1  # the pure-Python parser's marks


def test_value_checks():
    assert is_code("to-ngu-van") and is_code("bao-chi") and is_code("2024")
    for bad in ("To-van", "to--van", "-a", "a-", "tổ", "", None, 3):
        assert not is_code(bad), bad
    assert CODE_RE.pattern == r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
    assert as_date("2024-02-29") == dt.date(2024, 2, 29)
    assert as_date(" 2024-02-29 ") == dt.date(2024, 2, 29)
    assert as_date(dt.datetime(2024, 2, 29, 7, 30)) == dt.date(2024, 2, 29)
    for bad in ("2023-02-29", "20240229", "2024-2-9", "29/02/2024", 2024, None):
        assert as_date(bad) is None, bad


def test_one_date_format():
    day = dt.date(2024, 2, 5)
    assert views.format_date is dates.format_date and views.official_date is dates.official_date
    assert dates.format_date(day) == "05/02/2024"
    from truongweb.plugins.district_rollup.dashboard import _date
    from truongweb.plugins.school_sections.generator import vn_day

    assert vn_day(day) == _date("2024-02-05") == "05/02/2024" and vn_day(None) == ""


def test_os_errors_are_said_in_vietnamese():
    import errno

    from truongweb.plugins.vietnamese.messages import os_error_reason

    assert os_error_reason(FileNotFoundError(errno.ENOENT, "No such file or directory")) == \
        "không có tệp hoặc thư mục này"
    assert os_error_reason(PermissionError(errno.EACCES, "Permission denied")) == "không có quyền đọc"
    assert os_error_reason(PermissionError(errno.EPERM, "Operation not permitted"), "ghi") == \
        "không có quyền ghi"
    assert os_error_reason(IsADirectoryError(errno.EISDIR, "Is a directory")) == \
        "đây là một thư mục, không phải tệp"
    assert os_error_reason(OSError(errno.ENOSPC, "No space left on device")) == "ổ đĩa đã đầy"
    assert os_error_reason(OSError(errno.EXDEV, "Invalid cross-device link")) == "lỗi hệ thống EXDEV"
