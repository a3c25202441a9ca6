"""Pure pieces of the import mapping: old paths, output paths, hashes, bodies."""

from truongweb.importing import body, mapping


def test_old_paths_and_safe_output_paths():
    assert mapping.old_path("https://cu.edu.vn/vi/news/a/b-1.html", "https://cu.edu.vn") == "/vi/news/a/b-1.html"
    assert mapping.old_path("http://cu.edu.vn/khai-gi%E1%BA%A3ng/", "https://cu.edu.vn") == "/khai-giảng/"
    assert mapping.old_path("https://other.vn/x", "https://cu.edu.vn") is None
    assert mapping.old_path("https://cu.edu.vn/?p=12", "https://cu.edu.vn") is None
    assert mapping.safe_output_path("/vi/news/a/b-1.html") == "vi/news/a/b-1.html"
    assert mapping.safe_output_path("/2013/01/x/") == "2013/01/x/index.html"
    assert mapping.safe_output_path("/a/b") == "a/b/index.html"
    for bad in ("/../etc/passwd", "/a/../../x", "/a\\b", "relative", "//double", "/a//b"):
        assert mapping.safe_output_path(bad) is None, bad


def test_hash_detects_hand_edits():
    text = mapping.render({"title": "Bài", "x_old_id": "nukeviet:1"}, "<p>Nội dung</p>\n")
    assert mapping.hand_edited(text) is False
    assert mapping.hand_edited(text.replace("Nội dung", "Sửa")) is True
    assert mapping.hand_edited("---\ntitle: Bài viết tay\n---\nx") is None


def test_body_pipeline_removes_scripts_frames_and_foreign_pictures():
    html, warnings = body.clean_body(
        '<p onclick="x()">A</p><script>x()</script><iframe src="https://www.facebook.com/plugins/video.php?href=https://www.facebook.com/t/videos/1"></iframe>'
        '<img src="https://cdn.example.com/a.jpg" alt="ảnh ngoài"><a href="javascript:alert(1)">b</a>',
        lambda attribute, url: None if attribute == "src" and "example.com" in url else url)
    assert "onclick" not in html and "<script" not in html and "<iframe" not in html and "javascript:" not in html
    assert 'href="https://www.facebook.com/t/videos/1"' in html and "ảnh ngoài" in html and "cdn.example.com" not in html
    assert any("khung nhúng" in w for w in warnings)
    assert body.plain_text("Ảnh&#x3A; VGP&#x002F;Lê &amp;quot;Sơn&amp;quot;") == 'Ảnh: VGP/Lê "Sơn"'
