"""Make phone-like test photos (pure; used by tests and bench/images.py).

A "phone photo" is a JPEG with an EXIF orientation, GPS position, camera
make/model, an XMP packet, an ICC profile and a JPEG comment, i.e. exactly
what must never be published.
"""

from __future__ import annotations

import io

from PIL import Image, ImageCms, ImageDraw

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
