"""``truongweb build``: build the site into output/."""

from truongweb.build import add_arguments, run  # noqa: F401  (the command's interface)

HELP = "Dựng trang web vào thư mục output/ (bản xem trên máy, có bản nháp; --publish: bản xuất bản)."
NEEDS_SITE = True
