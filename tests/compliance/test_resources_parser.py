"""What the page checker's HTML5 reading finds (``resources.fetched_urls``)
where a token reader and a browser's tree differ. The real-browser ground
truth for the common cases is test_third_party.py."""

from truongweb.plugins.compliance.resources import fetched_urls, third_party_requests


def hosts(markup):
    return [host for _where, host in third_party_requests(markup, "truong.example.edu.vn")]


def test_template_content_counts_though_inert():
    # Script may clone it into the page: what it would fetch is counted.
    markup = ('<body><template><p><img src="https://anh.example.org/a.png"></p>'
              '<template><i style="background: url(//nen.example.org/b.png)"></i></template>'
              '</template></body>')
    assert hosts(markup) == ["anh.example.org", "nen.example.org"]


def test_first_of_two_same_named_attributes_wins_as_in_a_browser():
    assert hosts('<img alt="" src="/anh/a.png" src="https://anh.example.org/b.png">') == []
    assert hosts('<img alt="" src="https://anh.example.org/b.png" src="/a.png">') == ["anh.example.org"]


def test_textarea_content_is_text():
    assert hosts('<textarea><img src="https://anh.example.org/a.png"></textarea>') == []


def test_svg_names_and_decoded_style():
    markup = ('<svg><feImage xlink:href="https://anh.example.org/f.png"/>'
              '<style>&#x40;import "https://fonts.example.org/a.css";</style></svg>')
    assert hosts(markup) == ["anh.example.org", "fonts.example.org"]


def test_where_is_named():
    assert fetched_urls('<script src="//thongke.example.org/x.js"></script>') == [
        ("thẻ <script> (src)", "//thongke.example.org/x.js")]
