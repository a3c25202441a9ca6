"""Pure image pipeline (no Pelican import).

For each source image: recognise its format by its bytes (never by its
name), refuse it when it is larger than ``max_pixels`` (before decoding) or
of a kind that cannot be cleaned (HEIC, JPEG XL, PSD, JPEG 2000), apply the
EXIF orientation, convert to sRGB, drop every piece of metadata (EXIF, GPS,
XMP, IPTC, ICC profile, comments) by copying the pixels into a fresh image,
and write

* a sanitised full-size copy (published at the original URL, so the
  original bytes never reach the output) in the format its file name says
  (JPEG for ``.jpg``/``.jfif``, TIFF for ``.tiff``...), or the format of its
  bytes when the name says nothing (no extension), and
* responsive variants (``IMAGES_WIDTHS``, never upscaled) in WebP plus a JPEG
  fallback (PNG when the image has transparency).

Results are cached under ``<cache_dir>/<sha256(bytes + output format +
settings)>/`` so an unchanged image is never decoded again; files with the
same bytes and the same output share one entry. Cache misses are processed
in parallel on all cores by one helper process that is not a fork of the
build (a fork copies the build's heap as it touches it): a fresh
interpreter imports only this module and serves each worker's jobs in a
thread of its own (:func:`_worker_main`). Pillow lets go of the interpreter
lock while it decodes, resizes and encodes, so the threads use every core
with one interpreter and one Pillow in memory (forked workers each copied
pages of it, 20–25 MiB more at a build's peak). A crash or an out-of-memory
kill stays in the helper and is reported for the file it was making.
A batch of small images (``IN_PROCESS_PIXELS`` in all: a site's
web-size photos, the few new ones of an everyday build) is rendered in
threads of the build itself instead: starting the helper would cost more
time and memory than the batch.
Every failure is an :class:`ImageError` naming the file in Vietnamese.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import posixpath
import selectors
import shutil
import signal
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError, features

from truongweb.plugins import interruption
from truongweb.plugins.vietnamese.messages import display_path, os_error_reason

PIPELINE_VERSION = 3

#: Cache misses of at most this many pixels in all are rendered in threads of
#: the build (see the module docstring): the helper interpreter takes ~0.15 s
#: and ~25 MiB to start. Larger batches go to the helper, where a crash or an
#: out-of-memory kill is reported for its file.
IN_PROCESS_PIXELS = 40_000_000

#: Pillow format written for a cleaned copy, by the extension of its file name.
_FORMAT_BY_EXT = {
    "jpg": "JPEG", "jpeg": "JPEG", "jpe": "JPEG", "jfif": "JPEG",
    "png": "PNG", "webp": "WEBP", "gif": "GIF", "tif": "TIFF", "tiff": "TIFF",
    "bmp": "BMP", "avif": "AVIF",
}

#: Raster formats that carry camera data but cannot be cleaned here (Pillow
#: has no decoder for them, or browsers cannot show them anyway): refused.
_UNSUPPORTED = {
    "HEIF": "HEIC/HEIF (định dạng ảnh mặc định của iPhone và nhiều điện thoại)",
    "JXL": "JPEG XL",
    "PSD": "Photoshop (PSD)",
    "JP2": "JPEG 2000",
}

#: Extensions that name a raster image (lower case, without dot). Only for
#: paths named in content before the file is read; files themselves are
#: recognised by their bytes (:func:`sniff_format`).
RASTER_EXTENSIONS = frozenset(_FORMAT_BY_EXT) | {"heic", "heif", "jxl", "psd", "jp2"}


def _writable_formats() -> frozenset[str]:
    formats = set(_FORMAT_BY_EXT.values())
    if not features.check("avif"):  # Pillow built without libavif
        formats.discard("AVIF")
    return frozenset(formats)


class ImageError(ValueError):
    """Bad image input; ``str()`` is a Vietnamese message naming the file."""


@dataclass(frozen=True)
class ImageSettings:
    widths: tuple[int, ...] = (480, 800, 1200)
    webp_quality: int = 78
    jpeg_quality: int = 82
    original_quality: int = 88
    #: larger images are refused before decoding: a 169-megapixel PNG takes
    #: 2 GB per worker; 50 MP still lets 48/50 MP phone photos through
    max_pixels: int = 50_000_000

    def key(self) -> str:
        return json.dumps(
            [PIPELINE_VERSION, sorted(self.widths), self.webp_quality,
             self.jpeg_quality, self.original_quality, self.max_pixels]
        )


@dataclass(frozen=True)
class Variant:
    path: str  # output path relative to the output root (posix)
    width: int
    height: int
    mime: str


@dataclass
class ProcessedImage:
    """What templates and the HTML rewriter need to know about one image."""

    source: str  # path relative to the content root (posix)
    original: str  # sanitised full-size copy, output-relative
    width: int  # oriented size of the original
    height: int
    variants: list[Variant] = field(default_factory=list)
    cached: bool = False

    def by_mime(self, mime: str) -> list[Variant]:
        return [v for v in self.variants if v.mime == mime]

    @property
    def fallback_mime(self) -> str:
        mimes = [v.mime for v in self.variants if v.mime != "image/webp"]
        return mimes[0] if mimes else "image/jpeg"

    @property
    def largest(self) -> Variant | None:
        fallback = self.by_mime(self.fallback_mime)
        return max(fallback, key=lambda v: v.width) if fallback else None

    def srcset(self, mime: str, prefix: str = "") -> str:
        return ", ".join(f"{prefix}{v.path} {v.width}w" for v in self.by_mime(mime))


def is_raster(path: str) -> bool:
    """Whether ``path`` is named like a raster image (see RASTER_EXTENSIONS)."""
    name = posixpath.basename(path)
    return "." in name and name.rsplit(".", 1)[-1].lower() in RASTER_EXTENSIONS


#: bytes read to recognise a format (enough for an ISO-BMFF ``ftyp`` box)
SNIFF_BYTES = 64

_BMP_HEADER_SIZES = frozenset({12, 16, 40, 52, 56, 64, 108, 124})
_HEIF_BRANDS = frozenset({b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis",
                          b"hevm", b"hevs", b"mif1", b"msf1", b"mif2"})


def sniff_format(head: bytes) -> str | None:
    """The raster format of a file whose first bytes are ``head`` (Pillow's
    format name, or HEIF/JXL/PSD/JP2), None when it is no raster image."""
    if head[:3] == b"\xff\xd8\xff":
        return "JPEG"
    if head[:8] == b"\x89PNG\r\n\x1a\n":
        return "PNG"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "GIF"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    if head[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return "TIFF"
    # "BM" alone starts plenty of text files: check the DIB header size too
    if head[:2] == b"BM" and int.from_bytes(head[14:18], "little") in _BMP_HEADER_SIZES:
        return "BMP"
    if head[4:8] == b"ftyp":
        box = min(len(head), int.from_bytes(head[:4], "big"))
        brands = {head[8:12]} | {head[i:i + 4] for i in range(16, box - 3, 4)}
        if brands & {b"avif", b"avis"}:
            return "AVIF"
        if brands & _HEIF_BRANDS:
            return "HEIF"
        return None  # MP4 video and other ISO-BMFF files
    if head[:2] == b"\xff\x0a" or head[:12] == b"\x00\x00\x00\x0cJXL \r\n\x87\n":
        return "JXL"
    if head[:4] == b"8BPS":
        return "PSD"
    if head[:12] == b"\x00\x00\x00\x0cjP  \r\n\x87\n" or head[:4] == b"\xff\x4f\xff\x51":
        return "JP2"
    return None


def sniff_file(path: str) -> str | None:
    """:func:`sniff_format` of the file at ``path`` (None if unreadable)."""
    try:
        with open(path, "rb") as fp:
            return sniff_format(fp.read(SNIFF_BYTES))
    except OSError:
        return None


def output_format(name: str, found: str) -> str:
    """Format of the cleaned copy published as ``name`` when its bytes are
    ``found``: what the name says (servers send Content-Type by extension),
    else what the bytes are."""
    base = posixpath.basename(name)
    ext = base.rsplit(".", 1)[-1].lower() if "." in base else ""
    fmt = _FORMAT_BY_EXT.get(ext)
    return fmt if fmt in _writable_formats() else found


def target_widths(width: int, widths: tuple[int, ...]) -> list[int]:
    """Widths to produce for an image ``width`` px wide: never upscale; the
    image's own width is added when it is smaller than the largest target."""
    out = sorted({w for w in widths if w < width})
    if width <= max(widths) and width not in out:
        out.append(width)
    return sorted(out)


def content_digest(data: bytes, settings: ImageSettings, variants: bool,
                   fmt: str = "") -> str:
    h = hashlib.sha256()
    h.update(data)
    h.update(settings.key().encode())
    h.update(b"variants" if variants else b"original-only")
    h.update(fmt.encode())
    return h.hexdigest()


def _os_reason(exc: OSError) -> str:
    return os_error_reason(exc, "đọc hoặc ghi")


def _megapixels(width: int, height: int) -> str:
    # Vietnamese digit grouping: 10.000,5
    return f"{width * height / 1e6:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".")


# --------------------------------------------------------------------------
# Worker side (runs in a worker process too: arguments and results are JSON)


def _to_srgb(im: Image.Image) -> Image.Image:
    icc = im.info.get("icc_profile")
    if not icc or im.mode not in ("RGB", "RGBA", "CMYK"):
        return im
    try:
        src = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        if "srgb" in (ImageCms.getProfileDescription(src) or "").lower().replace(" ", ""):
            return im  # already sRGB: dropping the profile changes nothing
        dst = ImageCms.createProfile("sRGB")
        out_mode = "RGBA" if im.mode == "RGBA" else "RGB"
        return ImageCms.profileToProfile(im, src, dst, outputMode=out_mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return im  # broken profile: keep the pixels as they are


def _clean(im: Image.Image) -> Image.Image:
    """Oriented, sRGB pixels in a fresh image: no info, no EXIF, no profile.
    ``im`` is rotated in place: one copy fewer of a large photo in memory."""
    ImageOps.exif_transpose(im, in_place=True)
    im = _to_srgb(im)
    has_alpha = im.mode in ("RGBA", "LA", "PA") or (
        im.mode == "P" and "transparency" in im.info
    )
    mode = "RGBA" if has_alpha else "RGB"
    if im.mode != mode:
        im = im.convert(mode)
    fresh = Image.new(mode, im.size)
    fresh.paste(im)
    return fresh


def _save(im: Image.Image, fp, fmt: str, quality: int, progressive: bool = True) -> None:
    if fmt == "JPEG":
        # convert() to the same mode copies: 200 MB more for a 48 MP photo
        (im if im.mode == "RGB" else im.convert("RGB")).save(
            fp, "JPEG", quality=quality, progressive=progressive)
    elif fmt == "WEBP":
        im.save(fp, "WEBP", quality=quality, method=4)
    elif fmt == "PNG":
        im.save(fp, "PNG")
    elif fmt == "GIF":
        im.convert("P", palette=Image.Palette.ADAPTIVE).save(fp, "GIF")
    elif fmt == "TIFF":
        im.save(fp, "TIFF", compression="tiff_adobe_deflate")
    elif fmt == "BMP":
        im.save(fp, "BMP")
    elif fmt == "AVIF":
        im.save(fp, "AVIF", quality=quality)
    else:  # pragma: no cover - guarded by output_format
        raise ValueError(fmt)


_OPEN_LOCK = threading.Lock()  # Image.MAX_IMAGE_PIXELS is one global for all threads


def _open_unlimited(path: str) -> Image.Image:
    """``Image.open`` (headers only) without Pillow's own bomb check: the
    size is checked against ``max_pixels`` before decoding, so the message
    can name the size; Pillow would raise an English DecompressionBombError
    (or print a warning) first."""
    with _OPEN_LOCK:
        limit = Image.MAX_IMAGE_PIXELS
        Image.MAX_IMAGE_PIXELS = None
        try:
            return Image.open(path)
        finally:
            Image.MAX_IMAGE_PIXELS = limit


def render_to_cache(src_abs: str, fmt: str, entry_dir: str, settings: ImageSettings,
                    variants: bool) -> dict:
    """Decode ``src_abs`` and write all outputs into ``entry_dir``: the
    cleaned copy as ``original`` (in ``fmt``), the variants as
    ``<width>.webp`` and ``<width>.jpg|png``, and ``meta.json``.

    Returns the metadata dict or ``{"error": kind, ...}`` (kinds: "too_large"
    with width/height, "unreadable", "truncated", "memory", "failed" with a
    technical detail); never raises."""
    try:
        return _render(src_abs, fmt, entry_dir, settings, variants)
    except MemoryError:
        return {"error": "memory"}
    except UnidentifiedImageError:
        return {"error": "unreadable"}
    except (OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError) as exc:
        text = str(exc)
        if "truncated" in text or "broken data stream" in text:
            return {"error": "truncated"}
        return {"error": "unreadable", "detail": text or exc.__class__.__name__}
    except Exception as exc:  # noqa: BLE001 - a message naming the file beats a traceback
        return {"error": "failed", "detail": f"{exc.__class__.__name__}: {exc}"}


def _render(src_abs: str, fmt: str, entry_dir: str, settings: ImageSettings,
            variants: bool) -> dict:
    with _open_unlimited(src_abs) as im:
        width, height = im.size
        if width * height > settings.max_pixels:
            return {"error": "too_large", "width": width, "height": height}
        im.load()
        clean = _clean(im)
    tmp = f"{entry_dir}.tmp{os.getpid()}"  # named so: an interrupted build removes it
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    width, height = clean.size
    alpha = clean.mode == "RGBA"
    with open(os.path.join(tmp, "original"), "wb") as fp:
        # baseline: progressive encoding of a 12 MP photo is 3x slower
        _save(clean, fp, fmt, settings.original_quality, progressive=False)
    produced = []
    if variants:
        fallback_ext, fallback_fmt = ("png", "PNG") if alpha else ("jpg", "JPEG")
        current = clean
        for w in sorted(target_widths(width, settings.widths), reverse=True):
            h = max(1, round(height * w / width))
            if (w, h) != current.size:
                current = current.resize((w, h), Image.Resampling.LANCZOS, reducing_gap=3.0)
            with open(os.path.join(tmp, f"{w}.webp"), "wb") as fp:
                _save(current, fp, "WEBP", settings.webp_quality)
            with open(os.path.join(tmp, f"{w}.{fallback_ext}"), "wb") as fp:
                _save(current, fp, fallback_fmt, settings.jpeg_quality)
            produced.append({"width": w, "height": h, "fallback": fallback_ext})
    meta = {"width": width, "height": height, "variants": sorted(produced, key=lambda v: v["width"])}
    with open(os.path.join(tmp, "meta.json"), "w", encoding="utf-8") as fp:
        json.dump(meta, fp)
    shutil.rmtree(entry_dir, ignore_errors=True)
    os.replace(tmp, entry_dir)
    return meta


# --------------------------------------------------------------------------
# Driver side


@dataclass(frozen=True)
class Job:
    source: str  # content-relative posix path (e.g. images/2025/09/a.jpg)
    abs_path: str
    output: str  # output-relative path for the sanitised original
    variants: bool  # produce responsive variants as well


def _variant_name(output: str, digest: str, width: int, ext: str) -> str:
    base, _ = posixpath.splitext(output)
    return f"{base}-{digest[:8]}-{width}.{ext}"


def _entry_files(meta: dict) -> list[str]:
    files = ["original"]
    for v in meta["variants"]:
        files += [f"{v['width']}.webp", f"{v['width']}.{v['fallback']}"]
    return files


def _load_entry(entry: str) -> dict | None:
    """The metadata of a complete cache entry, None when it must be (re)made
    (absent, or a file of it was deleted by hand)."""
    try:
        with open(os.path.join(entry, "meta.json"), encoding="utf-8") as fp:
            meta = json.load(fp)
        files = _entry_files(meta)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if all(os.path.isfile(os.path.join(entry, f)) for f in files):
        return meta
    return None


def _install(src: str, dst: str) -> None:
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    if os.path.lexists(dst):
        os.remove(dst)
    try:
        os.link(src, dst)
    except OSError:
        shutil.copyfile(src, dst)


_SAVE_AS_JPEG = ("Hãy mở ảnh bằng một trình xem hoặc sửa ảnh (ví dụ Paint, Photos) "
                 "rồi lưu lại dưới dạng JPEG (.jpg), sau đó thay tệp cũ.")


def _error_message(job: Job, meta: dict, settings: ImageSettings) -> str:
    shown = display_path(job.abs_path)
    kind = meta["error"]
    if kind == "too_large":
        w, h = meta["width"], meta["height"]
        return (f"Ảnh quá lớn: {shown} có {w} × {h} điểm ảnh ({_megapixels(w, h)} megapixel), "
                f"vượt giới hạn {_megapixels(settings.max_pixels, 1)} megapixel "
                "(thiết lập IMAGES_MAX_PIXELS). Hãy thu nhỏ ảnh, ví dụ còn chiều rộng "
                "2400 điểm ảnh (trang web không hiển thị ảnh rộng hơn 1200 điểm ảnh), "
                "rồi thay tệp cũ.")
    if kind == "memory":
        return (f"Không đủ bộ nhớ để xử lý ảnh {shown}. Hãy thu nhỏ ảnh (ví dụ còn chiều "
                "rộng 2400 điểm ảnh) rồi thay tệp cũ.")
    if kind == "crashed":
        return (f"Tiến trình xử lý ảnh bị dừng đột ngột (thường do thiếu bộ nhớ) khi xử lý "
                f"{shown}. Hãy thu nhỏ các ảnh lớn rồi dựng lại.")
    if kind == "failed":
        return (f"Không xử lý được ảnh {shown}. {_SAVE_AS_JPEG} "
                f"(Chi tiết kỹ thuật: {meta.get('detail', '')})")
    if kind == "truncated":
        return (f"Ảnh bị hỏng hoặc không đọc được: {shown} bị cắt cụt (có thể chép hoặc "
                "tải lên chưa xong). Hãy chép lại ảnh gốc rồi thay tệp cũ.")
    detail = f" (Chi tiết kỹ thuật: {meta['detail']})" if meta.get("detail") else ""
    return (f"Ảnh bị hỏng hoặc không đọc được: {shown}. Nếu máy tính mở được ảnh này, "
            f"{_SAVE_AS_JPEG[0].lower()}{_SAVE_AS_JPEG[1:]} Nếu không, hãy chép lại ảnh gốc."
            f"{detail}")


def _unsupported_message(job: Job, found: str) -> str:
    if found == "AVIF":
        kind = "AVIF (bản Pillow đang dùng không đọc được định dạng này)"
    else:
        kind = _UNSUPPORTED[found]
    return (f"Ảnh {display_path(job.abs_path)} ở định dạng {kind}: hệ thống không xóa được "
            "thông tin vị trí (GPS) và thông tin máy ảnh khỏi định dạng này nên không đăng "
            f"nó. {_SAVE_AS_JPEG} Trên iPhone có thể chọn Cài đặt > Camera > Định dạng > "
            "Tương thích nhất để máy chụp ảnh JPEG.")


def _render_all(misses: dict[str, tuple], workers: int,
                pixels: int | None = None) -> dict[str, dict]:
    """entry -> metadata or error dict; a crashed worker becomes an error of
    the file it was processing. ``pixels``: of all the misses together, None
    when unknown."""
    if len(misses) > 1 and workers > 1:
        count = min(workers, len(misses))
        if pixels is not None and pixels <= IN_PROCESS_PIXELS:
            return _render_in_threads(misses, count)
        return _render_in_workers(misses, count)
    return {entry: render_to_cache(*args) for entry, args in misses.items()}


def _render_in_threads(misses: dict[str, tuple], count: int) -> dict[str, dict]:
    """In this process, ``count`` at a time (Pillow lets go of the
    interpreter lock). Interrupted, the images being made are finished (each
    is written to a temporary folder, then renamed) and the rest dropped."""
    with ThreadPoolExecutor(count, thread_name_prefix="anh") as pool:
        futures = {entry: pool.submit(render_to_cache, *args) for entry, args in misses.items()}
        try:
            return {entry: future.result() for entry, future in futures.items()}
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise


def _pixels(data: bytes) -> int | None:
    """Width × height from the image's header, None when it cannot be read
    (the renderer then reports it)."""
    try:
        with _open_unlimited(io.BytesIO(data)) as im:
            width, height = im.size
    except Exception:  # noqa: BLE001 - only a hint for where to render
        return None
    return width * height


_WORKER_MAIN = ("import sys; from truongweb.plugins.images.pipeline import _worker_main; "
                "_worker_main(sys.argv[1])")


def _worker_main(arguments: str) -> None:
    """Entry point of the workers' interpreter. ``arguments``: JSON list of
    (jobs descriptor, results descriptor) pairs, one per worker; each is
    served by a thread of its own (see the module docstring)."""
    interruption.quiet_child()
    os.dup2(2, 1)  # whatever a library prints goes to stderr
    channels = json.loads(arguments)
    threads = [threading.Thread(target=_serve, args=pair) for pair in channels[1:]]
    for thread in threads:
        thread.start()
    _serve(*channels[0])
    for thread in threads:
        thread.join()


def _serve(jobs_fd: int, results_fd: int) -> None:
    """One worker: a job per line in, a result per line out, until the jobs end."""
    with os.fdopen(jobs_fd, encoding="utf-8") as jobs, \
            os.fdopen(results_fd, "w", encoding="utf-8") as results:
        for line in jobs:
            src_abs, fmt, entry_dir, settings, variants = json.loads(line)
            settings = ImageSettings(**{**settings, "widths": tuple(settings["widths"])})
            outcome = render_to_cache(src_abs, fmt, entry_dir, settings, variants)
            results.write(json.dumps(outcome) + "\n")
            results.flush()


def _render_in_workers(misses: dict[str, tuple], count: int) -> dict[str, dict]:
    """Hand the jobs out one at a time to ``count`` workers."""
    pending = [(entry, json.dumps([src, fmt, entry_dir, asdict(settings), variants]) + "\n")
               for entry, (src, fmt, entry_dir, settings, variants) in misses.items()]
    pending.reverse()  # pop() from the end: files in the order given
    results: dict[str, dict] = {}
    ours, theirs = [], []  # per worker: (jobs, results) of this process, of the worker
    for _ in range(count):
        jobs_read, jobs_write = os.pipe()
        results_read, results_write = os.pipe()
        ours.append((os.fdopen(jobs_write, "w", encoding="utf-8"),
                     os.fdopen(results_read, encoding="utf-8")))
        theirs.append((jobs_read, results_write))
    # Workers ignore Ctrl-C and are stopped by the build (interruption.stop_all).
    try:
        with interruption.helpers_ignore_interrupts():
            proc = subprocess.Popen([sys.executable, "-c", _WORKER_MAIN, json.dumps(theirs)],
                                    stdin=subprocess.DEVNULL, pass_fds=sum(theirs, ()))
    finally:
        for fd in sum(theirs, ()):
            os.close(fd)  # the workers' ends: a dead worker then reads as EOF here

    busy: dict[int, str] = {}  # worker -> entry it is making

    def stop() -> None:
        """Kill the workers and remove what they were half-way writing."""
        if proc.poll() is None:
            making = list(busy.values())  # before the kill: their ends then read as crashes
            pids = [proc.pid, *interruption.child_pids(proc.pid)]
            for pid in pids:
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass
            proc.wait()
            for entry in making:
                for pid in pids:
                    shutil.rmtree(f"{entry}.tmp{pid}", ignore_errors=True)
        proc.wait()

    token = interruption.on_stop(stop)

    def feed(worker: int) -> None:
        if pending:
            entry, job = pending.pop()
            busy[worker] = entry
            try:
                ours[worker][0].write(job)
                ours[worker][0].flush()
            except OSError:  # died between two jobs: its output ends, read as a crash
                pass

    try:
        with selectors.DefaultSelector() as selector:
            for worker, (_, answers) in enumerate(ours):
                selector.register(answers, selectors.EVENT_READ, worker)
                feed(worker)
            while busy:
                for key, _ in selector.select():
                    worker = key.data
                    line = key.fileobj.readline()  # one job in flight: at most one line
                    entry = busy.pop(worker, None)
                    try:
                        result = json.loads(line)
                    except ValueError:  # killed (out of memory...): no line
                        selector.unregister(key.fileobj)
                        if entry is not None:
                            results[entry] = {"error": "crashed"}
                        continue
                    results[entry] = result
                    feed(worker)
        for entry, _ in pending:  # every worker died
            results[entry] = {"error": "crashed"}
        for jobs, _ in ours:
            try:
                jobs.close()  # end of jobs: the worker exits
            except OSError:
                pass
        proc.wait()
    finally:
        interruption.forget(token)
        stop()
        for pair in ours:
            for stream in pair:
                try:
                    stream.close()
                except OSError:
                    pass
    return results


def process_images(jobs: list[Job], output_dir: str, cache_dir: str,
                   settings: ImageSettings, workers: int | None = None) -> dict[str, ProcessedImage]:
    """Process ``jobs`` (cache-aware, in parallel) and install the results
    under ``output_dir``. Raises :class:`ImageError` (one line per bad file)
    for a file that is unreadable, too large or of a kind that cannot be
    cleaned."""
    try:
        os.makedirs(cache_dir, exist_ok=True)
    except OSError as exc:
        raise ImageError(f"Không tạo được thư mục bộ nhớ đệm ảnh {display_path(cache_dir)}: "
                         f"{_os_reason(exc)}") from None
    planned = []  # (job, digest, entry)
    cached: dict[str, dict] = {}
    misses: dict[str, tuple] = {}  # entry -> render_to_cache arguments
    pixels: int | None = 0  # of all the misses
    problems: list[str] = []
    for job in jobs:
        try:
            with open(job.abs_path, "rb") as fp:
                data = fp.read()
        except OSError as exc:
            problems.append(f"Không đọc được tệp ảnh {display_path(job.abs_path)}: "
                            f"{_os_reason(exc)}.")
            continue
        found = sniff_format(data[:SNIFF_BYTES])
        if found is None:
            problems.append(_error_message(job, {"error": "unreadable"}, settings))
            continue
        if found not in _writable_formats():
            problems.append(_unsupported_message(job, found))
            continue
        fmt = output_format(job.output, found)
        digest = content_digest(data, settings, job.variants, fmt)
        entry = os.path.join(cache_dir, digest)
        planned.append((job, digest, entry))
        if entry in cached or entry in misses:
            continue  # same bytes, same output: made once
        meta = _load_entry(entry)
        if meta is None:
            misses[entry] = (job.abs_path, fmt, entry, settings, job.variants)
            size = _pixels(data)
            pixels = None if pixels is None or size is None else pixels + size
        else:
            cached[entry] = meta

    rendered = _render_all(misses, workers or os.cpu_count() or 1, pixels)
    for job, digest, entry in planned:
        meta = rendered.get(entry)
        if meta is not None and "error" in meta:
            message = _error_message(job, meta, settings)
            if message not in problems:
                problems.append(message)
    if problems:
        raise ImageError("\n".join(problems))

    out: dict[str, ProcessedImage] = {}
    for job, digest, entry in planned:
        meta = rendered.get(entry) or cached[entry]
        variants = []
        try:
            _install(os.path.join(entry, "original"), os.path.join(output_dir, job.output))
            for v in meta["variants"]:
                for vext, mime in (("webp", "image/webp"),
                                   (v["fallback"], "image/png" if v["fallback"] == "png" else "image/jpeg")):
                    rel = _variant_name(job.output, digest, v["width"], vext)
                    _install(os.path.join(entry, f"{v['width']}.{vext}"), os.path.join(output_dir, rel))
                    variants.append(Variant(rel, v["width"], v["height"], mime))
        except OSError as exc:
            raise ImageError(
                f"Không ghi được ảnh đã xử lý của {display_path(job.abs_path)} vào thư mục "
                f"kết quả: {_os_reason(exc)}. Hãy xóa thư mục cache/images rồi dựng lại."
            ) from None
        out[job.source] = ProcessedImage(
            source=job.source, original=job.output, width=meta["width"],
            height=meta["height"], variants=variants,
            cached=entry not in rendered,
        )
    return out
