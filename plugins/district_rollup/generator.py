"""``/tong-hop/`` on a district's own site (``SCHOOL["level"] ==
"phong-gddt"``) from the roll-up data fetched beforehand: the build stays
offline and repeatable. The pages use the site's theme (header, menu,
footer); the report's issuer and signer come from ``SCHOOL`` and
``REPORT_NUMBER``/``REPORT_RECIPIENTS``, as for a school's report."""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

from pelican.generators import Generator

from . import dashboard
from .contract import ContractError, problems
from .report import office_from_school_settings

log = logging.getLogger(__name__)

DISTRICT_LEVEL = "phong-gddt"
OUTPUT_FOLDER = "tong-hop"


def rollup_folder(settings) -> Path:
    """``ROLLUP_DATA`` (default ``tong-hop``), relative to the site folder
    (the parent of the content folder) unless absolute."""
    folder = Path(settings.get("ROLLUP_DATA") or "tong-hop")
    if not folder.is_absolute():
        folder = Path(settings["PATH"]).resolve().parent / folder
    return folder


class RollupPagesGenerator(Generator):
    def generate_context(self):
        pass

    def generate_output(self, writer):
        level = (self.settings.get("SCHOOL") or {}).get("level", "thcs")
        if level != DISTRICT_LEVEL:
            return
        folder = rollup_folder(self.settings)
        source = folder / "tong-hop.json"
        from truongweb.plugins.vietnamese.messages import display_path

        if not source.is_file():
            log.warning("Chưa có dữ liệu tổng hợp (%s): chạy python -m truongweb.rollup truong.yml --output %s "
                        "trước khi dựng trang; không tạo trang /tong-hop/.", display_path(source), display_path(folder))
            return
        try:
            doc = json.loads(source.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError):
            raise ContractError(f"{display_path(source)}: tệp tổng hợp không phải JSON hợp lệ.") from None
        found = problems(doc, "rollup")
        if found:
            raise ContractError(f"{display_path(source)}: tệp tổng hợp không hợp lệ ({found[0]}).")
        out = Path(self.output_path) / OUTPUT_FOLDER
        # The site's own header, menu and footer around the dashboard: its
        # pages render with the theme's environment and the site's context.
        env = dashboard.environment(self.env)
        office = office_from_school_settings(self.settings.get("SCHOOL") or {}, doc["district"],
                                             self.settings.get("REPORT_NUMBER") or "",
                                             self.settings.get("REPORT_RECIPIENTS"))
        for rel, template, variables in dashboard.page_specs(doc, office, env, dashboard.SITE_LAYOUT):
            writer.write_file(f"{OUTPUT_FOLDER}/{rel}", template, self.context,
                              relative_urls=self.settings.get("RELATIVE_URLS", False), override_output=True,
                              **variables)
        dashboard.write_assets(doc, out)
        shutil.copyfile(source, out / "tong-hop.json")
        if (folder / "tong-hop.csv").is_file():
            shutil.copyfile(folder / "tong-hop.csv", out / "tong-hop.csv")
