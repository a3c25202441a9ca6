"""``truongweb new "Tiêu đề"``: a new article file, a draft, never over an
existing file; the category must be one of the site's."""

from truongweb.commands import fail

HELP = 'Tạo bài viết mới (bản nháp): truongweb new "Tiêu đề bài viết"; không ghi đè tệp có sẵn.'
NEEDS_SITE = True


def add_arguments(parser):
    parser.add_argument("title", metavar="TIÊU_ĐỀ", help="tiêu đề bài viết, đặt trong dấu nháy")
    parser.add_argument("--category", default=None,
                        help="chuyên mục (mặc định: chuyên mục mặc định của trang)")
    parser.add_argument("--author", default="", help="tác giả")


def run(args):
    from truongweb.import_site import site_settings
    from truongweb.new_article import ArticleExistsError, create_article
    from truongweb.paths import site_root
    from truongweb.plugins.vietnamese.messages import did_you_mean

    try:
        categories, default, timezone = site_settings()
    except Exception as error:  # noqa: BLE001 - the school's own settings file
        return fail(f"pelicanconf.py: không đọc được thiết lập của trang ({type(error).__name__}: {error}).")
    category = " ".join((args.category or default).split())
    if categories and category not in categories:
        return fail(f"chuyên mục “{category}” không có trong CATEGORIES của pelicanconf.py."
                    f"{did_you_mean(category, categories)} Các chuyên mục: {'; '.join(categories)}.")
    try:
        path = create_article(args.title, site_root() / "content", category=category,
                              author=args.author, timezone=timezone)
    except (ArticleExistsError, ValueError) as error:
        return fail(str(error))
    print(f"Đã tạo {path.relative_to(site_root())}. Mở tệp để viết bài; bài đang là bản nháp.")
    return 0
