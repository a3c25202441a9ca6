"""``truongweb serve``: build the site with drafts and serve it on this
computer, rebuilding and reloading the open pages on every change."""

from truongweb.commands import build_options, port_number

HELP = "Dựng trang (có bản nháp) và mở máy chủ xem thử; tự dựng lại và tải lại khi sửa nội dung."
NEEDS_SITE = True


def add_arguments(parser):
    parser.add_argument("--port", type=port_number, default=8000, metavar="CỔNG", help="cổng (mặc định 8000)")
    parser.add_argument("--host", default="127.0.0.1", metavar="ĐỊA_CHỈ",
                        help="địa chỉ lắng nghe (mặc định 127.0.0.1: chỉ máy này xem được)")


def run(args):
    return serve_site(args, output_name="output", live=True)


def serve_site(args, output_name, live, **build_values):
    """Open the port first (a busy port is said before a long build), build
    into ``output_name`` of the site, then serve until Ctrl-C or SIGTERM."""
    from truongweb.build import run as run_build
    from truongweb.paths import site_root
    from truongweb.serve import ServerUnavailable, open_server, serve

    output = site_root() / output_name
    try:
        server = open_server(output, args.host, args.port)
    except ServerUnavailable as error:
        from truongweb.commands import fail

        return fail(str(error))
    try:
        code = run_build(build_options(output=str(output), **build_values))
        if code:
            return code
        return serve(output, server=server, rebuild=live,
                     build_kwargs={"publish": build_values.get("publish", False)})
    finally:
        server.server_close()
