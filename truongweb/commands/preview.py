"""``truongweb preview``: serve exactly what would be published (no draft,
hidden or future-dated article), with relative addresses so it works here."""

from truongweb.commands.serve import add_arguments, serve_site  # noqa: F401  (same options)

HELP = "Xem thử đúng bản sẽ xuất bản (không có bản nháp, bài ẩn, bài hẹn giờ)."
NEEDS_SITE = True


def run(args):
    return serve_site(args, output_name="output-preview", live=False, publish=True, clean=True,
                      set=[("SITEURL", ""), ("FEED_DOMAIN", "")])
