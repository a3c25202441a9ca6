"""``truongweb check``: the publishing gate without publishing — build the
publish version into a temporary folder, then the compliance rules and the
internal link check (:func:`truongweb.build.check_built_site`)."""

HELP = "Kiểm tra tuân thủ: dựng bản xuất bản, đối chiếu các quy định và kiểm tra liên kết."
NEEDS_SITE = True


def add_arguments(parser):
    parser.add_argument("--content", default=None, help="thư mục nội dung (mặc định: content)")


def run(args):
    import tempfile
    from pathlib import Path

    from truongweb.build import run as run_build
    from truongweb.commands import build_options

    with tempfile.TemporaryDirectory(prefix="kiem-tra-") as folder:
        return run_build(build_options(output=str(Path(folder) / "site"), content=args.content,
                                       publish=True, check=True))
