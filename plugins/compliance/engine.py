"""Rule table loading and evaluation on a built site (no Pelican import).

A *manifest* (a JSON-able dict built from the Pelican context, or read back
from ``kiem-tra-tuan-thu/ket-qua.json``) tells the checker which output file is
which kind of page. Rules (``rules.yml``) name a check function from
``checks.CHECKS`` and give it its parameters and page scope.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import yaml

from truongweb.plugins.content_schema import levels
from truongweb.plugins.content_schema.safe_yaml import load_yaml

from . import dom

SEVERITIES = ("error", "warning")
SEVERITY_VI = {"error": "Lỗi", "warning": "Cảnh báo"}
RULES_FILE = Path(__file__).with_name("rules.yml")
RULE_KEYS = {"id", "row", "basis", "severity", "title", "check", "scope", "params",
             "applies_to", "unconfirmed", "todo"}
ID_RE = re.compile(r"^[ABC][0-9]+(-[a-z0-9]+)+$")
MAX_SHOWN = 5  # offending pages listed per rule


class ComplianceError(ValueError):
    """Bad rule table or manifest; ``str()`` is a Vietnamese message."""


@dataclass
class Rule:
    id: str
    row: str
    basis: str
    severity: str
    title: str
    check: str
    scope: str | list[str] | None
    params: dict[str, Any]
    # What the school does to satisfy the rule (the to-do list), when the
    # rule is about content only the school can supply.
    todo: str = ""
    # Level codes and kinds (school, office) the rule is for; None: every unit.
    applies_to: tuple[str, ...] | None = None
    # What of its legal basis was not read in the text (then only a warning).
    unconfirmed: str | None = None
    # Level code -> basis, where the article differs by level (TT 09/2024).
    basis_by_level: dict[str, str] | None = None

    def basis_for(self, level: "levels.Level | None") -> str:
        """The basis shown for ``level``: a lien-cap school, that of each stage."""
        if level is None or not self.basis_by_level:
            return self.basis
        by = self.basis_by_level
        found = [by.get(unit) or by.get(level.kind) or self.basis
                 for unit in (level.stages or (level.code,))]
        return "; ".join(dict.fromkeys(found))


@dataclass
class Result:
    rule: Rule
    problems: list[str] = field(default_factory=list)
    checked: int = 0  # number of pages/items looked at
    skipped: str | None = None  # reason when the rule does not apply

    @property
    def passed(self) -> bool:
        return not self.problems

    @property
    def status(self) -> str:
        if self.skipped:
            return "skipped"
        return "pass" if self.passed else self.rule.severity

    basis: str = ""  # the rule's basis for the site's level

    def message(self) -> str:
        r = self.rule
        sure = f"; căn cứ chưa xác nhận: {r.unconfirmed}" if r.unconfirmed else ""
        head = f"[{r.id}] {SEVERITY_VI[r.severity]} – {r.title} ({self.basis or r.basis}{sure})"
        shown = self.problems[:MAX_SHOWN]
        more = len(self.problems) - len(shown)
        lines = [head] + [f"    • {p}" for p in shown]
        if more > 0:
            lines.append(f"    • … và {more} trường hợp khác")
        return "\n".join(lines)


def load_rules(path: str | Path | None = None) -> list[Rule]:
    """The rule table at ``path``; None: the built-in ``rules.yml``."""
    from .checks import CHECKS

    path = RULES_FILE if path is None else path
    shown = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
        raw = load_yaml(text)  # read on every build: libyaml when present
    except (OSError, yaml.YAMLError) as exc:
        raise ComplianceError(f"Tệp quy tắc {shown}: không đọc được ({exc}).") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("rules"), list):
        raise ComplianceError(f"Tệp quy tắc {shown}: cần khóa “rules” là một danh sách.")
    rules, seen = [], set()
    for i, item in enumerate(raw["rules"], 1):
        where = f"Tệp quy tắc {shown}: quy tắc thứ {i}"
        if not isinstance(item, dict):
            raise ComplianceError(f"{where} phải là bảng khóa.")
        unknown = set(item) - RULE_KEYS
        if unknown:
            raise ComplianceError(f"{where}: khóa lạ “{sorted(unknown)[0]}”.")
        for key in ("id", "row", "basis", "severity", "title", "check"):
            if not item.get(key):
                raise ComplianceError(f"{where}: thiếu khóa “{key}”.")
        if not ID_RE.match(item["id"]) or not item["id"].startswith(item["row"] + "-"):
            raise ComplianceError(
                f"{where}: mã “{item['id']}” phải có dạng <dòng>-<tên>, ví dụ C7-dublin-core."
            )
        if item["id"] in seen:
            raise ComplianceError(f"{where}: mã “{item['id']}” bị trùng.")
        seen.add(item["id"])
        if item["severity"] not in SEVERITIES:
            raise ComplianceError(f"{where} ({item['id']}): mức độ phải là error hoặc warning.")
        applies_to = item.get("applies_to")
        if applies_to is not None:
            if isinstance(applies_to, str):
                applies_to = [applies_to]
            wrong = [a for a in applies_to if a not in levels.VALID_APPLIES_TO]
            if not isinstance(applies_to, list) or not applies_to or wrong:
                raise ComplianceError(
                    f"{where} ({item['id']}): “applies_to” là danh sách loại đơn vị trong "
                    f"{', '.join(sorted(levels.VALID_APPLIES_TO))}"
                    + (f"; “{wrong[0]}” không có." if wrong else ".")
                )
            applies_to = tuple(applies_to)
        if item.get("unconfirmed") and item["severity"] != "warning":
            raise ComplianceError(
                f"{where} ({item['id']}): quy tắc có căn cứ chưa xác nhận (unconfirmed) chỉ "
                "được là cảnh báo (severity: warning), không chặn việc xuất bản."
            )
        basis, basis_by_level = item["basis"], None
        if isinstance(basis, dict):
            if "default" not in basis:
                raise ComplianceError(f"{where} ({item['id']}): “basis” theo cấp học cần khóa “default”.")
            basis_by_level = {str(k): str(v) for k, v in basis.items() if k != "default"}
            basis = str(basis["default"])
        if item["check"] not in CHECKS:
            raise ComplianceError(
                f"{where} ({item['id']}): hàm kiểm tra “{item['check']}” không tồn tại."
            )
        rules.append(
            Rule(
                id=item["id"], row=item["row"], basis=basis,
                severity=item["severity"], title=item["title"], check=item["check"],
                scope=item.get("scope"), params=item.get("params") or {},
                applies_to=applies_to, unconfirmed=item.get("unconfirmed") or None,
                basis_by_level=basis_by_level,
                todo=str(item.get("todo") or "").strip(),
            )
        )
    rows = raw.get("rows") or {}
    return rules, rows


class Site:
    """The built output plus its manifest; parses pages lazily, once."""

    def __init__(self, output: Path, manifest: dict[str, Any]):
        self.output = Path(output)
        self.manifest = manifest
        self._trees: dict[str, dom.Node] = {}
        self._all: list[str] | None = None
        self._html: list[str] | None = None
        self.as_of = dt.date.fromisoformat(manifest.get("as_of") or dt.date.today().isoformat())
        # The kind of unit; a manifest of an older version has none: every rule runs.
        self.level = levels.resolve(manifest["level"], "kiem-tra-tuan-thu/ket-qua.json") \
            if manifest.get("level") else None

    # -- paths -------------------------------------------------------------
    def file(self, rel: str) -> Path:
        rel = rel.lstrip("/")
        if rel == "" or rel.endswith("/"):
            rel += "index.html"
        return self.output / rel

    def exists(self, rel: str) -> bool:
        return self.file(rel).is_file()

    def stamp(self, rel: str) -> tuple[int, int] | None:
        """(size, modification time in ns) of a page, None if it is not a file."""
        try:
            info = os.stat(self.file(rel))
        except OSError:
            return None
        return (info.st_size, info.st_mtime_ns) if stat.S_ISREG(info.st_mode) else None

    def excluded(self, rel: str) -> bool:
        excluded = tuple(self.manifest.get("exclude") or ())
        return bool(excluded) and rel.startswith(excluded)

    def all_files(self) -> list[str]:
        """Every file of the output not excluded, sorted; the output is walked
        once per check run (it holds a folder per page: ~1,700 on the demo)."""
        if self._all is None:
            found = []
            for root, _dirs, files in os.walk(self.output):
                for name in files:
                    rel = os.path.relpath(os.path.join(root, name), self.output).replace(os.sep, "/")
                    if not self.excluded(rel):
                        found.append(rel)
            self._all = sorted(found)
        return self._all

    def all_html(self) -> list[str]:
        if self._html is None:
            self._html = [rel for rel in self.all_files() if rel.endswith(".html")]
        return self._html

    def scope_members(self, scope) -> set[str] | None:
        """The pages a scope names, known from the manifest alone (no file is
        looked at); ``None`` for "@all", which is every page."""
        scopes = scope if isinstance(scope, list) else [scope]
        if "@all" in scopes:
            return None
        members: set[str] = set()
        for one in scopes:
            if one == "@sample":
                members.update(self.manifest.get("sample", []))
            else:
                members.update(self.resolve_scope(one))
        return members

    def resolve_scope(self, scope: str | list[str] | None) -> list[str]:
        """'@all', '@articles', '@sample', '@home', '@sections.lanh_dao', or a path."""
        if scope is None:
            return []
        if isinstance(scope, list):
            out: list[str] = []
            seen: set[str] = set()  # a scope of "@articles" has thousands of pages
            for s in scope:
                for page in self.resolve_scope(s):
                    if page not in seen:
                        seen.add(page)
                        out.append(page)
            return out
        m = self.manifest
        if scope == "@all":
            return self.all_html()
        if scope == "@sample":
            # One page per template; a missing one is the concern of the rule
            # requiring that page, not of every per-template rule.
            return [p for p in m.get("sample", []) if self.exists(p)]
        if scope.startswith("@"):
            key, _, sub = scope[1:].partition(".")
            value = m.get(key)
            if sub:
                value = (value or {}).get(sub)
            if value is None:
                return []
            if isinstance(value, str):
                return [_html(value)]
            if isinstance(value, dict):
                return [_html(v) for v in value.values()]
            return [_html(v if isinstance(v, str) else v["path"]) for v in value]
        return [_html(scope)]

    # -- content -----------------------------------------------------------
    def text(self, rel: str) -> str | None:
        try:
            return self.file(rel).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None

    def tree(self, rel: str) -> dom.Node | None:
        if rel not in self._trees:
            text = self.text(rel)
            if text is None:
                return None
            self._trees[rel] = dom.parse(text)
        return self._trees[rel]

    def invalidate(self) -> None:
        self._trees.clear()
        self._all = self._html = None


def _html(path: str) -> str:
    path = path.lstrip("/")
    return path + "index.html" if path == "" or path.endswith("/") else path


def run(rules: list[Rule], site: Site, prescanned: dict | None = None) -> list[Result]:
    """Evaluate every rule. Scan rules share one read of each page.

    ``prescanned`` (from :func:`scan_page`, e.g. run while the build was still
    writing) maps a page to ``(stamp, {rule id: problem or None})``; a result
    is reused only while the page's stamp (size, modification time) is
    unchanged, so the outcome is the same as scanning everything here.
    """
    from .checks import CHECKS

    results: dict[str, Result] = {}
    scans: list[tuple[Rule, Callable, set[str]]] = []
    for rule in rules:
        fn = CHECKS[rule.check]
        result = Result(rule, basis=rule.basis_for(site.level))
        results[rule.id] = result
        if not applicable(rule, site.level):
            result.skipped = (f"không áp dụng cho {site.level.name.lower()} (quy tắc dành cho "
                              f"{levels.applies_to_names(rule.applies_to)})")
            continue
        if getattr(fn, "kind", "site") == "scan":
            pages = site.resolve_scope(rule.scope)
            scans.append((rule, fn, set(pages)))
            result.checked = len(pages)
        else:
            pages = site.resolve_scope(rule.scope)
            if rule.scope and not pages:
                # A required kind of page is absent altogether: never a vacuous pass.
                result.problems = [f"không có trang nào thuộc phạm vi {_scope_text(rule.scope)}"]
                continue
            outcome = fn(site, rule.params, pages)
            if isinstance(outcome, str):  # not applicable
                result.skipped = outcome
            else:
                result.problems, result.checked = outcome
    if scans:
        wanted: dict[str, list] = {}
        for rule, fn, pages in scans:
            for page in pages:
                wanted.setdefault(page, []).append((rule, fn))
        prescanned = prescanned or {}
        for page in sorted(wanted):
            stamp = site.stamp(page)
            if stamp is None:
                continue  # existence is checked by the rules requiring the page
            known = prescanned.get(page)
            known = known[1] if known and tuple(known[0]) == stamp else {}
            text = None
            for rule, fn in wanted[page]:
                if rule.id in known:
                    problem = known[rule.id]
                else:
                    if text is None:
                        text = site.text(page)
                    if text is None:
                        results[rule.id].problems.append(f"{page}: không đọc được theo mã UTF-8")
                        continue
                    problem = fn(text, page, rule.params, site)
                if problem:
                    results[rule.id].problems.append(f"{page}: {problem}")
    return [results[r.id] for r in rules]


def applicable(rule: Rule, level) -> bool:
    return level is None or levels.applies(rule.applies_to, level)


def page_rules(rules: list[Rule], site: Site) -> list[tuple[Rule, Callable, set | None]]:
    """The scan rules that can run on a page as soon as it is written, each
    with the pages in its scope (``None``: every page)."""
    from .checks import CHECKS

    out = []
    for rule in rules:
        fn = CHECKS[rule.check]
        if getattr(fn, "kind", "site") != "scan" or getattr(fn, "needs_finished_site", False):
            continue
        if not applicable(rule, site.level):
            continue
        out.append((rule, fn, site.scope_members(rule.scope)))
    return out


def scan_page(page: str, chosen: list[tuple[Rule, Callable, set | None]], site: Site,
              memory=None):
    """``(stamp, {rule id: problem or None})`` for one written page, or None
    when it is not a page the scan rules look at or cannot be read.
    ``memory`` (``background.PageMemory``) gives the problems an earlier
    build found in exactly the same text."""
    if not page.endswith(".html") or site.excluded(page):
        return None
    applicable = [(rule, fn) for rule, fn, members in chosen
                  if members is None or page in members]
    stamp = site.stamp(page)
    if not applicable or stamp is None:
        return None
    text = site.text(page)
    if text is None:
        return None

    def check() -> dict:
        return {rule.id: fn(text, page, rule.params, site) for rule, fn in applicable}

    return stamp, (memory.problems(page, text, check) if memory is not None else check())


def _scope_text(scope) -> str:
    return ", ".join(scope) if isinstance(scope, list) else str(scope)


def summary(results: list[Result]) -> tuple[int, int, int]:
    errors = sum(1 for r in results if r.status == "error")
    warnings = sum(1 for r in results if r.status == "warning")
    passed = sum(1 for r in results if r.status == "pass")
    return errors, warnings, passed


def format_summary(results: list[Result], report_url: str | None = None,
                   seconds: float | None = None) -> str:
    errors, warnings, passed = summary(results)
    skipped = sum(1 for r in results if r.status == "skipped")
    took = f" ({seconds:.2f} giây)" if seconds is not None else ""
    lines = [
        f"Kiểm tra tuân thủ: {passed}/{len(results)} quy tắc đạt, "
        f"{errors} lỗi, {warnings} cảnh báo, {skipped} không áp dụng{took}."
    ]
    for r in results:
        if r.status in ("error", "warning"):
            lines.append(r.message())
    if report_url:
        lines.append(f"Báo cáo chi tiết: {report_url}")
    return "\n".join(lines)


TODO_SEVERITY_VI = {"error": "Bắt buộc trước khi xuất bản", "warning": "Nên làm"}


def todo_items(results: list[Result]) -> list[dict]:
    """The school's to-do list: every failed rule that has a ``todo``, one
    entry per distinct text (rules about the same content share one), the
    ones that block publishing first. Each entry: text, severity (the
    strictest of its rules), rules (ids) and problems."""
    items: dict[str, dict] = {}
    for result in results:
        rule = result.rule
        if not rule.todo or result.status not in SEVERITIES:
            continue
        item = items.setdefault(rule.todo, {"text": rule.todo, "severity": "warning",
                                            "rules": [], "problems": []})
        item["rules"].append(rule.id)
        item["problems"] += [p for p in result.problems if p not in item["problems"]]
        if rule.severity == "error":
            item["severity"] = "error"
    return sorted(items.values(), key=lambda item: SEVERITIES.index(item["severity"]))


def format_todo(results: list[Result]) -> str:
    """The to-do list in Vietnamese, for the build output ("" when done)."""
    items = todo_items(results)
    if not items:
        return ""
    blocking = sum(1 for item in items if item["severity"] == "error")
    lines = [f"Việc nhà trường cần làm: {len(items)} việc, {blocking} việc bắt buộc "
             "trước khi xuất bản (truongweb build --check báo lỗi cho đến khi xong)."]
    for number, item in enumerate(items, 1):
        lines.append(f"  {number}. [{TODO_SEVERITY_VI[item['severity']]}] {item['text']} "
                     f"({', '.join(item['rules'])})")
        shown = item["problems"][:MAX_SHOWN]
        lines += [f"       • {p}" for p in shown]
        if len(item["problems"]) > len(shown):
            lines.append(f"       • … và {len(item['problems']) - len(shown)} chỗ khác")
    return "\n".join(lines)
