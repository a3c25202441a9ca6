"""The JSON Schemas of the evidence contract (``schemas/`` at the repository
root, one file per schema version) and validation against them with
Vietnamese messages.

Pure domain code: no network, no Pelican import.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

__all__ = ["SCHEMA_DIR", "SCHEMAS", "ContractError", "load_schema", "problems", "validate"]

SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"

# name -> file, per contract version. A new schema version gets a new file;
# old files stay so older sites keep validating against what they promised.
SCHEMAS = {
    ("evidence", 1): "evidence-1.schema.json",
    ("index", 1): "evidence-index-1.schema.json",
    ("rollup", 1): "tong-hop-1.schema.json",
}


class ContractError(ValueError):
    """A document does not follow the contract; ``str()`` is Vietnamese."""


@functools.lru_cache(maxsize=None)
def _validator(kind: str, version: int):
    from jsonschema import Draft202012Validator

    schema = load_schema(kind, version)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def load_schema(kind: str, version: int = 1) -> dict[str, Any]:
    return json.loads((SCHEMA_DIR / SCHEMAS[(kind, version)]).read_text(encoding="utf-8"))


def _where(path) -> str:
    parts = []
    for p in path:
        if isinstance(p, int):
            parts.append(f"[{p}]")
        else:
            parts.append(("." if parts else "") + str(p))
    return "".join(parts) or "(gốc)"


def _say(error) -> str:
    kind = error.validator
    where = _where(error.absolute_path)
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return f"thiếu trường '{missing}' ở {where}"
    if kind == "type":
        want = error.validator_value
        want = " hoặc ".join(want) if isinstance(want, list) else want
        return f"trường {where} sai kiểu (cần {want})"
    if kind in ("enum", "const"):
        return f"trường {where} có giá trị {json.dumps(error.instance, ensure_ascii=False)[:60]} không hợp lệ"
    if kind == "pattern":
        return f"trường {where} sai định dạng ({json.dumps(error.instance, ensure_ascii=False)[:60]})"
    return f"trường {where} không hợp lệ"


def problems(document: Any, kind: str) -> list[str]:
    """Vietnamese descriptions of what is wrong (empty when valid). A
    ``schema`` number this project has no schema for is one problem."""
    if not isinstance(document, dict):
        return ["nội dung không phải một đối tượng JSON"]
    version = document.get("schema")
    if (kind, version) not in SCHEMAS or isinstance(version, bool):
        known = ", ".join(str(v) for k, v in SCHEMAS if k == kind)
        shown = json.dumps(version, ensure_ascii=False)[:40] if "schema" in document else "không có"
        return [f"phiên bản lược đồ 'schema' {shown} không được hỗ trợ (hỗ trợ: {known})"]
    errors = sorted(_validator(kind, version).iter_errors(document),
                    key=lambda e: (len(e.absolute_path), list(map(str, e.absolute_path))))
    return [_say(e) for e in errors]


def validate(document: Any, kind: str, name: str = "") -> None:
    """Raise :class:`ContractError` naming ``name`` and the first problems."""
    found = problems(document, kind)
    if found:
        more = f" (và {len(found) - 3} lỗi khác)" if len(found) > 3 else ""
        prefix = f"{name}: " if name else ""
        raise ContractError(f"{prefix}{'; '.join(found[:3])}{more}.")
