"""``truongweb clean``: remove the build results and caches of the site;
``content/`` is never touched (:func:`truongweb.paths.safe_remove_tree`)."""

HELP = "Xóa thư mục kết quả (output/, output-preview/) và bộ nhớ đệm cache/; không đụng tới content/."
NEEDS_SITE = True
FOLDERS = ("output", "output-preview", "cache")


def add_arguments(parser):
    pass


def run(args):
    from truongweb.commands import fail
    from truongweb.paths import UnsafePathError, safe_remove_tree, site_root

    removed = []
    for name in FOLDERS:
        folder = site_root() / name
        if folder.is_symlink() or folder.is_dir():
            try:
                safe_remove_tree(folder)
            except UnsafePathError as error:
                return fail(str(error))
            removed.append(f"{name}/")
    if removed:
        print(f"Đã xóa {', '.join(removed)}.")
    else:
        print("Không có gì để xóa: chưa có output/, output-preview/ hay cache/.")
    return 0
