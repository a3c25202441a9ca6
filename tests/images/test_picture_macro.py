"""The theme macro components/picture.html renders the plugin's Picture."""

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from truongweb.plugins.images.markup import Picture
from truongweb.plugins.images.pipeline import ProcessedImage, Variant
from images_sitebuild import ROOT

IMG = ProcessedImage(
    source="images/a.jpg", original="images/a.jpg", width=1600, height=1200,
    variants=[Variant("images/a-h-480.webp", 480, 360, "image/webp"),
              Variant("images/a-h-480.jpg", 480, 360, "image/jpeg"),
              Variant("images/a-h-1200.webp", 1200, 900, "image/webp"),
              Variant("images/a-h-1200.jpg", 1200, 900, "image/jpeg")])


class Item:
    def __init__(self, picture, image="images/a.jpg", image_alt="Lễ khai giảng \"2025\""):
        self.picture, self.image, self.image_alt = picture, image, image_alt


def render(item, size="full"):
    env = Environment(loader=FileSystemLoader(str(ROOT / "theme/templates")),
                      autoescape=True, undefined=StrictUndefined)
    env.globals["SITEURL"] = "https://s"  # the theme_context plugin exposes settings as globals
    tpl = env.from_string('{% from "components/picture.html" import picture %}{{ picture(item, size) }}')
    return tpl.render(item=item, size=size)


def test_thumbnail_is_lazy_with_sources_and_dimensions():
    html = render(Item(Picture.from_processed(IMG, prefix="https://s/")), "thumb")
    assert '<source type="image/webp" srcset="https://s/images/a-h-480.webp 480w, https://s/images/a-h-1200.webp 1200w"' in html
    assert '<img src="https://s/images/a-h-480.jpg" width="480" height="360"' in html
    assert 'alt="Lễ khai giảng &#34;2025&#34;"' in html and 'loading="lazy"' in html


def test_full_is_eager_and_plain_image_without_plugin():
    html = render(Item(Picture.from_processed(IMG, prefix="https://s/")), "full")
    assert 'src="https://s/images/a-h-1200.jpg" width="1200" height="900"' in html
    assert 'loading="lazy"' not in html
    assert '<img src="https://s/images/a.jpg"' in render(Item(None))
