"""Make phone-like test photos (pure; used by tests and bench/image_speed.py).

A "phone photo" is a JPEG with an EXIF orientation, GPS position, camera
make/model, an XMP packet, an ICC profile and a JPEG comment, i.e. exactly
what must never be published.
"""

from __future__ import annotations

import io

from PIL import Image, ImageCms, ImageDraw, PngImagePlugin, TiffImagePlugin

XMP = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/'
       b'1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/'
       b'elements/1.1/"><dc:creator>Nguyen Van A</dc:creator></rdf:Description>'
       b'</rdf:RDF></x:xmpmeta>')
CAMERA_MAKE = "PhoneMaker"
CAMERA_MODEL = "Model-X 12"


def phone_exif(orientation: int = 6) -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = CAMERA_MAKE  # Make
    exif[0x0110] = CAMERA_MODEL  # Model
    exif[0x0112] = orientation  # Orientation
    exif[0x0131] = "PhoneOS 17.1"  # Software
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (21.0, 1.0, 30.0)
    gps[3] = "E"
    gps[4] = (105.0, 51.0, 10.0)
    return exif


def make_phone_photo(path, width: int = 400, height: int = 300, orientation: int = 6,
                     seed: int = 0, quality: int = 90) -> None:
    """Write a JPEG stored ``width``×``height`` (before orientation) whose top
    left quadrant is red, so tests can check the rotation."""
    im = Image.new("RGB", (width, height), (30 + seed % 200, 120, 200))
    d = ImageDraw.Draw(im)
    d.rectangle([0, 0, width // 2, height // 2], fill=(220, 20, 20))
    # some texture so JPEG sizes are realistic
    step = max(4, width // 80)
    for x in range(0, width, step):
        d.line([(x, height // 2), (x + step * 3, height)], fill=((x * 7 + seed) % 255, 90, 60), width=2)
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    im.save(path, "JPEG", quality=quality, exif=phone_exif(orientation).tobytes(),
            xmp=XMP, icc_profile=icc, comment=b"Taken at Truong THCS Demo")


def jpeg_bytes_with_metadata(**kw) -> bytes:
    buf = io.BytesIO()
    make_phone_photo(buf, **kw)
    return buf.getvalue()


def save_phone_image(path, fmt: str, width: int = 160, height: int = 120, seed: int = 0) -> None:
    """Write a ``width``×``height`` image in Pillow format ``fmt`` carrying as
    much of the phone metadata (GPS EXIF, camera make/model, XMP, comment) as
    that format can hold; ``path`` may have any name (or none)."""
    if fmt == "JPEG":
        make_phone_photo(path, width, height, orientation=1, seed=seed)
        return
    im = Image.new("RGB", (width, height), (40 + seed % 200, 120, 200))
    ImageDraw.Draw(im).rectangle([0, 0, width // 2, height // 2], fill=(220, 20, 20))
    exif = phone_exif(orientation=1)
    if fmt in ("WEBP", "AVIF"):
        im.save(path, fmt, exif=exif.tobytes(), xmp=XMP)
    elif fmt == "PNG":
        info = PngImagePlugin.PngInfo()
        info.add_itxt("XML:com.adobe.xmp", XMP.decode())
        im.save(path, fmt, exif=exif.tobytes(), pnginfo=info)  # exif: an eXIf chunk
    elif fmt == "TIFF":
        # Pillow's TIFF writer drops Exif sub-IFDs: spell the GPS IFD out
        info = TiffImagePlugin.ImageFileDirectory_v2()
        for tag, value in exif.items():
            info[tag] = value
        info[0x8825] = dict(exif.get_ifd(0x8825))
        info[700] = XMP  # the XMP packet tag
        im.save(path, fmt, tiffinfo=info)
    elif fmt == "GIF":
        im.save(path, fmt, comment=f"{CAMERA_MAKE} {CAMERA_MODEL}".encode())
    else:  # BMP and other formats without metadata
        im.save(path, fmt)


def fake_heic(model: str = CAMERA_MODEL) -> bytes:
    """The start of an iPhone HEIC file (``ftyp`` box, brands heic/mif1) with
    the camera model in it: Pillow cannot decode it, the pipeline must
    recognise and refuse it."""
    ftyp = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"
    return ftyp + b"\x00\x00\x00\x30meta" + model.encode() + b"\x00" * 64


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that declares ``width``×``height`` but holds almost no data, as
    a decompression bomb does: only its header may ever be read."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit grey
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(b"\x00" * 1024)) + chunk(b"IEND", b""))
