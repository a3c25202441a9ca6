"""The theme macro components/picture.html renders a Picture correctly."""

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from images.markup import Picture
from images_sitebuild import ROOT


def render(**kw):
    env = Environment(loader=FileSystemLoader(str(ROOT / "theme/templates")),
                      autoescape=True, undefined=StrictUndefined)
    tpl = env.from_string('{% from "components/picture.html" import picture %}'
                          "{{ picture(pic, **kw) }}")
    return tpl.render(pic=kw.pop("pic"), kw=kw)


PIC = Picture(src="/i/a-800.jpg", width=800, height=600, webp_srcset="/i/a-480.webp 480w",
              fallback_srcset="/i/a-480.jpg 480w", fallback_mime="image/jpeg",
              original="/i/a.jpg", alt="Lễ khai giảng \"2025\"")


def test_macro_lazy_thumbnail():
    html = render(pic=PIC, sizes="12rem")
    assert '<source type="image/webp" srcset="/i/a-480.webp 480w" sizes="12rem">' in html
    assert 'alt="Lễ khai giảng &#34;2025&#34;"' in html
    assert 'width="800" height="600"' in html and 'loading="lazy"' in html


def test_macro_eager_custom_alt_and_none():
    html = render(pic=PIC, eager=True, alt="", class_="hero")
    assert 'loading="eager"' in html and 'alt=""' in html and 'class="hero"' in html
    assert render(pic=None).strip() == ""
