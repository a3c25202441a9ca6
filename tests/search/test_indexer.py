"""The static search index (pure Python, no Pelican): addresses, postings,
ranking data, result data and the cache of an index made from the same records."""

import json

import pytest

from truongweb.plugins.search_index.indexer import (
    CHUNK, MANIFEST, SearchIndexError, TITLE_WEIGHT, build_index, site_relative, write_index)
from truongweb.plugins.search_index.text import make_record


def test_addresses_are_relative_to_the_site_root():
    assert site_relative("doan-doi/2025/09/dai-hoi/") == "doan-doi/2025/09/dai-hoi/"
    assert site_relative("https://s.vn/truong/van-ban/qd-1/", "https://s.vn/truong") == "van-ban/qd-1/"
    assert site_relative("/gioi-thieu/") == "gioi-thieu/"
    assert site_relative("http://127.0.0.1:8000/", "http://127.0.0.1:8000") == ""
    assert site_relative("/tai-lieu/a.pdf") == "tai-lieu/a.pdf"
    with pytest.raises(SearchIndexError):
        site_relative("/../../etc/")


def read(files, name):
    return json.loads(files[name])


def test_postings_weights_and_result_data():
    records = [make_record("a/", "Đại hội Đoàn", "<p>Đoàn trường họp.</p>", date="01/09/2025",
                           category="Đoàn – Đội"),
               make_record("b/", "Tuyển sinh", "<p>Đoàn viên hỗ trợ tuyển sinh.</p>"),
               make_record("a/", "Trùng địa chỉ", "<p>bỏ qua</p>")]
    files = build_index(iter(records))
    manifest = read(files, MANIFEST)
    assert manifest["pages"] == 2 and manifest["chunk"] == CHUNK
    # content has the title once, body once, category once: 3 + TITLE_WEIGHT in the title
    doan = read(files, manifest["terms"]["do"])["doan"]
    assert doan == [0, 3 + TITLE_WEIGHT, 0, 1]  # page 0, then page 1 (delta 0 after 0)
    assert manifest["lengths"][0] == len("dai hoi doan doan doi doan truong hop".split())
    assert set(read(files, manifest["terms"]["tu"])) == {"tuyen"}
    rows = read(files, manifest["chunks"][0])
    assert rows == [["a/", "Đại hội Đoàn", "Đoàn trường họp.", "Đoàn – Đội", "01/09/2025"],
                    ["b/", "Tuyển sinh", "Đoàn viên hỗ trợ tuyển sinh.", "", ""]]
    # names carry the content's hash; the same records give the same bytes
    assert build_index(iter(records)) == files
    assert all(name == MANIFEST or name.split(".")[1] for name in files)


def test_one_letter_terms_have_their_own_shard():
    files = build_index([make_record("x/", "Lớp 6A và 6 B", "<p>a</p>")])
    manifest = read(files, MANIFEST)
    assert "b" in read(files, manifest["terms"]["b"]) and "6" in read(files, manifest["terms"]["6"])


def test_result_data_is_split_into_chunks():
    files = build_index(make_record(f"bai-{n}/", f"Bài {n}", "<p>x</p>") for n in range(CHUNK + 1))
    manifest = read(files, MANIFEST)
    assert [len(read(files, c)) for c in manifest["chunks"]] == [CHUNK, 1]


def test_same_records_reuse_the_kept_index(tmp_path):
    raw = [dict(url="a/", title="Đại hội", body_html="<p>Nội dung.</p>")]
    late = [make_record("van-ban/qd/", "Quyết định", "<p>Trích yếu</p>")]
    out, cache = tmp_path / "out", tmp_path / "cache"
    assert write_index(raw, late, str(out), "", str(cache)) == 2
    (kept,) = cache.iterdir()
    manifest = out / MANIFEST
    (out / "stale.json").write_text("{}")
    marked = json.loads((kept / MANIFEST).read_text())
    (kept / MANIFEST).write_text(json.dumps({**marked, "pages": 99}))
    assert write_index(raw, late, str(out), "", str(cache)) == 99  # copied, not indexed again
    assert not (out / "stale.json").exists()  # the folder is replaced, not added to
    assert [p.name for p in cache.iterdir()] == [kept.name]
    assert json.loads(manifest.read_text())["pages"] == 99
    raw[0]["body_html"] = "<p>Nội dung đã sửa.</p>"
    assert write_index(raw, late, str(out), "", str(cache)) == 2  # other records: indexed
    assert [p.name for p in cache.iterdir()] != [kept.name] and len(list(cache.iterdir())) == 1
