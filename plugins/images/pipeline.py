"""Pure image pipeline (no Pelican import).

For each source image: apply the EXIF orientation, convert to sRGB, drop every
piece of metadata (EXIF, GPS, XMP, IPTC, ICC profile, comments) by copying the
pixels into a fresh image, and write

* a sanitised full-size copy in the source format (published at the original
  URL, so the original bytes never reach the output), and
* responsive variants (``IMAGES_WIDTHS``, never upscaled) in WebP plus a JPEG
  fallback (PNG when the image has transparency).

Results are cached under ``<cache_dir>/<sha256(content + settings)>/`` so an
unchanged image is never decoded again; cache misses are processed in
parallel with a ``ProcessPoolExecutor`` on all cores.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import posixpath
import shutil
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

PIPELINE_VERSION = 2

#: Extensions handled as raster images (lower case, without dot).
RASTER_EXTENSIONS = frozenset({"jpg", "jpeg", "png", "webp", "gif"})

_FORMAT_BY_EXT = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG", "webp": "WEBP", "gif": "GIF"}


class ImageError(ValueError):
    """Bad image input; ``str()`` is a Vietnamese message naming the file."""


@dataclass(frozen=True)
class ImageSettings:
    widths: tuple[int, ...] = (480, 800, 1200)
    webp_quality: int = 78
    jpeg_quality: int = 82
    original_quality: int = 88

    def key(self) -> str:
        return json.dumps(
            [PIPELINE_VERSION, sorted(self.widths), self.webp_quality,
             self.jpeg_quality, self.original_quality]
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
    return path.rsplit(".", 1)[-1].lower() in RASTER_EXTENSIONS if "." in path else False


def target_widths(width: int, widths: tuple[int, ...]) -> list[int]:
    """Widths to produce for an image ``width`` px wide: never upscale; the
    image's own width is added when it is smaller than the largest target."""
    out = sorted({w for w in widths if w < width})
    if width <= max(widths) and width not in out:
        out.append(width)
    return sorted(out)


def content_digest(data: bytes, settings: ImageSettings, variants: bool) -> str:
    h = hashlib.sha256()
    h.update(data)
    h.update(settings.key().encode())
    h.update(b"variants" if variants else b"original-only")
    return h.hexdigest()


# --------------------------------------------------------------------------
# Worker side (runs in a child process; everything here must be picklable)


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
    """Oriented, sRGB pixels in a fresh image: no info, no EXIF, no profile."""
    im = ImageOps.exif_transpose(im)
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
        im.convert("RGB").save(fp, "JPEG", quality=quality, progressive=progressive)
    elif fmt == "WEBP":
        im.save(fp, "WEBP", quality=quality, method=4)
    elif fmt == "PNG":
        im.save(fp, "PNG")
    elif fmt == "GIF":
        im.convert("P", palette=Image.Palette.ADAPTIVE).save(fp, "GIF")
    else:  # pragma: no cover - guarded by RASTER_EXTENSIONS
        raise ValueError(fmt)


def render_to_cache(src_abs: str, ext: str, entry_dir: str, settings: ImageSettings,
                    variants: bool) -> dict:
    """Decode ``src_abs`` and write all outputs into ``entry_dir``.

    Returns the metadata dict (also written as ``meta.json``) or
    ``{"error": reason}`` when the file cannot be decoded."""
    try:
        with Image.open(src_abs) as im:
            im.load()
            clean = _clean(im)
    except (OSError, UnidentifiedImageError, SyntaxError, ValueError,
            Image.DecompressionBombError) as exc:
        return {"error": str(exc) or exc.__class__.__name__}
    tmp = entry_dir + ".tmp%d" % os.getpid()
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    width, height = clean.size
    alpha = clean.mode == "RGBA"
    fmt = _FORMAT_BY_EXT[ext]
    with open(os.path.join(tmp, "original." + ext), "wb") as fp:
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


def _render_job(args):
    return render_to_cache(*args)


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


def _install(src: str, dst: str) -> None:
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    if os.path.lexists(dst):
        os.remove(dst)
    try:
        os.link(src, dst)
    except OSError:
        shutil.copyfile(src, dst)


def process_images(jobs: list[Job], output_dir: str, cache_dir: str,
                   settings: ImageSettings, workers: int | None = None) -> dict[str, ProcessedImage]:
    """Process ``jobs`` (cache-aware, in parallel) and install the results
    under ``output_dir``. Raises :class:`ImageError` for an unreadable file."""
    os.makedirs(cache_dir, exist_ok=True)
    planned = []  # (job, ext, digest, entry_dir)
    misses = []
    for job in jobs:
        ext = job.source.rsplit(".", 1)[-1].lower()
        try:
            with open(job.abs_path, "rb") as fp:
                data = fp.read()
        except OSError as exc:
            raise ImageError(
                f"Không đọc được tệp ảnh {job.source}: {exc.strerror or exc}"
            ) from None
        digest = content_digest(data, settings, job.variants)
        entry = os.path.join(cache_dir, digest)
        planned.append((job, ext, digest, entry))
        if not os.path.exists(os.path.join(entry, "meta.json")):
            misses.append((job.abs_path, ext, entry, settings, job.variants))

    results_by_entry: dict[str, dict] = {}
    workers = workers or os.cpu_count() or 1
    if len(misses) > 1 and workers > 1:
        with ProcessPoolExecutor(max_workers=min(workers, len(misses))) as pool:
            for args, meta in zip(misses, pool.map(_render_job, misses)):
                results_by_entry[args[2]] = meta
    else:
        for args in misses:
            results_by_entry[args[2]] = render_to_cache(*args)

    out: dict[str, ProcessedImage] = {}
    for job, ext, digest, entry in planned:
        meta = results_by_entry.get(entry)
        if meta is not None and "error" in meta:
            raise ImageError(
                f"Ảnh bị hỏng hoặc không đọc được: {job.source} ({meta['error']})"
            )
        if meta is None:
            with open(os.path.join(entry, "meta.json"), encoding="utf-8") as fp:
                meta = json.load(fp)
        _install(os.path.join(entry, "original." + ext), os.path.join(output_dir, job.output))
        variants = []
        for v in meta["variants"]:
            for vext, mime in (("webp", "image/webp"),
                               (v["fallback"], "image/png" if v["fallback"] == "png" else "image/jpeg")):
                rel = _variant_name(job.output, digest, v["width"], vext)
                _install(os.path.join(entry, f"{v['width']}.{vext}"), os.path.join(output_dir, rel))
                variants.append(Variant(rel, v["width"], v["height"], mime))
        out[job.source] = ProcessedImage(
            source=job.source, original=job.output, width=meta["width"],
            height=meta["height"], variants=variants,
            cached=entry not in results_by_entry,
        )
    return out
