"""Generate the demo school's illustrative photos (deterministic).

Writes flat-colour JPEG scenes into content/images/<yyyy>/. No text is drawn.
A few files carry EXIF on purpose so the image pipeline can prove it handles
real phone photos:

- GPS position + camera make/model (must be stripped on publish):
  2025/trung-thu-2025.jpg, 2026/thang-thanh-nien.jpg, 2026/khai-giang-2026.jpg
- Orientation = 6 (stored rotated 90° counter-clockwise; must be displayed
  upright after applying the tag): 2026/hoi-cho-xuan.jpg

Usage: python tools/make_demo_images.py [--out content/images]
Re-running produces byte-identical files (fixed seeds, no timestamps).
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "content" / "images"
MAX_BYTES = 78 * 1024  # each file stays under 80 KB

# name -> (size, scene, palette seed)
IMAGES: dict[str, tuple[tuple[int, int], str]] = {
    "2025/khai-giang-2025.jpg": ((1200, 800), "yard"),
    "2025/khai-giang-2025-trong-co.jpg": ((800, 600), "stage"),
    "2025/dai-hoi-lien-doi-2025.jpg": ((1200, 800), "hall"),
    "2025/trung-thu-2025.jpg": ((1200, 800), "night"),
    "2025/ngay-nha-giao-2025.jpg": ((1200, 800), "flowers"),
    "2025/hoi-giang-2025.jpg": ((800, 600), "classroom"),
    "2026/so-ket-hk1.jpg": ((1200, 800), "hall"),
    "2026/hoi-cho-xuan.jpg": ((1200, 800), "market"),
    "2026/trong-cay.jpg": ((800, 600), "trees"),
    "2026/thang-thanh-nien.jpg": ((1200, 800), "yard"),
    "2026/ngay-hoi-chuyen-doi-so.jpg": ((1200, 800), "computers"),
    "2026/hoi-khoe-phu-dong.jpg": ((1200, 800), "field"),
    "2026/tong-ket-nam-hoc.jpg": ((1200, 800), "stage"),
    "2026/ra-quan-he.jpg": ((800, 600), "trees"),
    "2026/khai-giang-2026.jpg": ((1200, 800), "yard"),
    "2026/trung-thu-2026.jpg": ((1200, 800), "night"),
    "2026/thu-vien-than-thien.jpg": ((1200, 800), "library"),
    "2026/ngay-nha-giao-2026.jpg": ((1200, 800), "flowers"),
    "2026/sinh-hoat-chuyen-mon.jpg": ((1200, 800), "classroom"),
    "2026/dai-hoi-lien-doi-2026.jpg": ((800, 600), "hall"),
    "2026/ngay-hoi-doc-sach.jpg": ((1200, 800), "library"),
}

GPS_IMAGES = {
    # name -> (lat, lon, make, model)
    "2025/trung-thu-2025.jpg": ((21, 19, 12.4), (105, 14, 36.8), "Samsung", "SM-A546E"),
    "2026/thang-thanh-nien.jpg": ((21, 19, 10.9), (105, 14, 40.2), "Apple", "iPhone 13"),
    "2026/khai-giang-2026.jpg": ((21, 19, 11.7), (105, 14, 38.5), "Xiaomi", "Redmi Note 13"),
}
ROTATED_IMAGES = {"2026/hoi-cho-xuan.jpg"}

SKY = [(135, 196, 235), (160, 210, 240), (120, 180, 225)]
SHIRTS = [(245, 245, 245), (30, 80, 160), (200, 40, 40), (250, 200, 60), (60, 150, 90)]
SKIN = [(232, 190, 150), (220, 175, 135), (240, 200, 165)]


def _people(draw: ImageDraw.ImageDraw, rng: random.Random, w: int, h: int,
            rows: int, top: float, scale: float) -> None:
    """Rows of simple figures (head + body), back rows smaller."""
    for r in range(rows):
        y = int(h * (top + r * 0.09))
        s = scale * (0.7 + 0.3 * r / max(rows - 1, 1))
        step = int(60 * s)
        x = rng.randint(0, step)
        while x < w:
            body = rng.choice(SHIRTS)
            head = rng.choice(SKIN)
            bw, bh, hr = int(34 * s), int(60 * s), int(13 * s)
            draw.rounded_rectangle([x, y, x + bw, y + bh], radius=int(8 * s), fill=body)
            cx = x + bw // 2
            draw.ellipse([cx - hr, y - 2 * hr, cx + hr, y], fill=head)
            draw.ellipse([cx - hr, y - 2 * hr, cx + hr, y - hr], fill=(40, 30, 25))
            if body == (245, 245, 245) and rng.random() < 0.6:  # red scarf
                draw.polygon([(cx - 6 * s, y + 2), (cx + 6 * s, y + 2), (cx, y + 16 * s)],
                             fill=(210, 30, 30))
            x += step + rng.randint(-5, 8)


def _flag(draw: ImageDraw.ImageDraw, x: int, y: int, size: int) -> None:
    draw.rectangle([x - 3, y, x + 3, y + size * 3], fill=(120, 120, 120))
    fw, fh = size, int(size * 0.66)
    draw.rectangle([x + 3, y, x + 3 + fw, y + fh], fill=(218, 37, 29))
    cx, cy, r = x + 3 + fw // 2, y + fh // 2, fh * 0.32
    import math
    pts = []
    for i in range(10):
        a = -math.pi / 2 + i * math.pi / 5
        rr = r if i % 2 == 0 else r * 0.4
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    draw.polygon(pts, fill=(255, 221, 0))


def _building(draw: ImageDraw.ImageDraw, w: int, h: int, ground: int) -> None:
    top = int(h * 0.22)
    draw.rectangle([int(w * 0.08), top, int(w * 0.92), ground], fill=(246, 214, 120))
    draw.rectangle([int(w * 0.06), top - 18, int(w * 0.94), top], fill=(170, 60, 50))
    for floor in range(3):
        fy = top + 20 + floor * (ground - top - 20) // 3
        for i in range(12):
            wx = int(w * 0.11) + i * int(w * 0.067)
            draw.rectangle([wx, fy, wx + int(w * 0.04), fy + (ground - top) // 5],
                           fill=(90, 130, 170))


def _tree(draw: ImageDraw.ImageDraw, x: int, ground: int, s: float, rng: random.Random) -> None:
    draw.rectangle([x - 8 * s, ground - 120 * s, x + 8 * s, ground], fill=(110, 75, 45))
    g = (40 + rng.randint(0, 40), 120 + rng.randint(0, 50), 50)
    draw.ellipse([x - 60 * s, ground - 220 * s, x + 60 * s, ground - 90 * s], fill=g)


def scene(kind: str, size: tuple[int, int], seed: int) -> Image.Image:
    w, h = size
    rng = random.Random(seed)
    img = Image.new("RGB", size, rng.choice(SKY))
    d = ImageDraw.Draw(img)
    # soft vertical gradient for the sky/wall
    base = img.getpixel((0, 0))
    for y in range(h):
        k = y / h
        d.line([(0, y), (w, y)], fill=tuple(int(c * (1 - 0.25 * k)) for c in base))
    ground = int(h * 0.62)
    if kind in ("yard", "field", "trees", "market"):
        d.rectangle([0, ground, w, h], fill=(95, 160, 80) if kind != "market" else (190, 180, 160))
        if kind == "yard":
            _building(d, w, h, ground)
            _flag(d, int(w * 0.5), int(h * 0.05), int(w * 0.08))
            _people(d, rng, w, h, 4, 0.66, w / 1200)
        elif kind == "field":
            d.rectangle([int(w * 0.1), ground + 20, int(w * 0.9), h - 20], outline=(255, 255, 255), width=6)
            d.line([(w // 2, ground + 20), (w // 2, h - 20)], fill=(255, 255, 255), width=6)
            for i in range(10):
                x = rng.randint(int(w * 0.15), int(w * 0.85))
                y = rng.randint(ground + 60, h - 100)
                d.ellipse([x - 14, y - 40, x + 14, y - 12], fill=rng.choice(SKIN))
                d.rectangle([x - 16, y - 12, x + 16, y + 40], fill=rng.choice(SHIRTS[1:3]))
            d.ellipse([w // 2 - 15, h - 120, w // 2 + 15, h - 90], fill=(255, 255, 255))
        elif kind == "trees":
            for i in range(6):
                _tree(d, int(w * (0.1 + i * 0.16)), ground + rng.randint(0, 30), w / 1000, rng)
            _people(d, rng, w, h, 2, 0.75, w / 1000)
        else:  # market: stalls under red roofs
            for i in range(4):
                x0 = int(w * (0.04 + i * 0.24))
                d.rectangle([x0, int(h * 0.35), x0 + int(w * 0.2), ground + 40], fill=(250, 240, 220))
                d.polygon([(x0 - 10, int(h * 0.35)), (x0 + int(w * 0.1), int(h * 0.2)),
                           (x0 + int(w * 0.2) + 10, int(h * 0.35))], fill=(200, 40, 40))
                for j in range(5):
                    cx = x0 + 20 + j * int(w * 0.035)
                    d.ellipse([cx, ground, cx + 28, ground + 28], fill=rng.choice(
                        [(250, 160, 30), (230, 60, 60), (90, 170, 60), (250, 220, 80)]))
            _people(d, rng, w, h, 2, 0.8, w / 1100)
    elif kind == "night":
        d.rectangle([0, 0, w, h], fill=(20, 28, 60))
        d.ellipse([int(w * 0.75), 50, int(w * 0.75) + 110, 160], fill=(255, 240, 180))
        d.rectangle([0, ground, w, h], fill=(40, 50, 70))
        for i in range(14):
            x = rng.randint(20, w - 60)
            y = rng.randint(int(h * 0.15), int(h * 0.5))
            col = rng.choice([(255, 90, 60), (255, 200, 50), (255, 140, 200), (120, 220, 255)])
            d.line([(x + 20, 0), (x + 20, y)], fill=(200, 200, 200), width=2)
            if i % 2:
                d.polygon([(x + 20, y), (x + 45, y + 25), (x + 20, y + 50), (x - 5, y + 25)], fill=col)
            else:
                d.ellipse([x, y, x + 50, y + 40], fill=col)
        _people(d, rng, w, h, 3, 0.7, w / 1200)
    else:  # indoor scenes
        d.rectangle([0, 0, w, h], fill=(236, 228, 210))
        d.rectangle([0, ground, w, h], fill=(170, 120, 80))
        if kind in ("stage", "hall"):
            d.rectangle([int(w * 0.1), int(h * 0.08), int(w * 0.9), int(h * 0.45)], fill=(30, 70, 150))
            d.rectangle([int(w * 0.1), int(h * 0.45), int(w * 0.9), int(h * 0.5)], fill=(200, 40, 40))
            _flag(d, int(w * 0.14), int(h * 0.1), int(w * 0.06))
            d.ellipse([int(w * 0.46), int(h * 0.14), int(w * 0.54), int(h * 0.26)], fill=(250, 215, 70))
            _people(d, rng, w, h, 3 if kind == "hall" else 2, 0.64, w / 1200)
        elif kind == "classroom":
            d.rectangle([int(w * 0.15), int(h * 0.08), int(w * 0.85), int(h * 0.42)], fill=(40, 90, 60))
            for i in range(4):
                y = int(h * (0.66 + i * 0.08))
                for j in range(3):
                    x = int(w * (0.08 + j * 0.31))
                    d.rectangle([x, y, x + int(w * 0.25), y + 16], fill=(140, 90, 55))
            _people(d, rng, w, h, 2, 0.58, w / 1300)
        elif kind == "computers":
            for i in range(3):
                for j in range(4):
                    x = int(w * (0.06 + j * 0.23))
                    y = int(h * (0.25 + i * 0.22))
                    d.rectangle([x, y, x + int(w * 0.15), y + int(h * 0.13)], fill=(40, 40, 50))
                    d.rectangle([x + 6, y + 6, x + int(w * 0.15) - 6, y + int(h * 0.13) - 6],
                                fill=rng.choice([(80, 160, 230), (100, 200, 160), (240, 240, 250)]))
        elif kind == "library":
            for i in range(4):
                y = int(h * (0.1 + i * 0.13))
                d.rectangle([int(w * 0.05), y + int(h * 0.1), int(w * 0.95), y + int(h * 0.115)],
                            fill=(120, 80, 50))
                x = int(w * 0.06)
                while x < w * 0.93:
                    bw = rng.randint(14, 30)
                    bh = rng.randint(int(h * 0.06), int(h * 0.095))
                    d.rectangle([x, y + int(h * 0.1) - bh, x + bw, y + int(h * 0.1)],
                                fill=rng.choice([(180, 50, 50), (50, 90, 160), (60, 140, 80),
                                                 (230, 180, 60), (120, 70, 140)]))
                    x += bw + 2
            _people(d, rng, w, h, 1, 0.78, w / 1000)
        elif kind == "flowers":
            d.rectangle([int(w * 0.1), int(h * 0.08), int(w * 0.9), int(h * 0.45)], fill=(170, 30, 50))
            for i in range(40):
                x = rng.randint(0, w)
                y = rng.randint(ground - 40, h - 30)
                col = rng.choice([(240, 80, 120), (250, 200, 60), (250, 250, 250), (230, 60, 60)])
                d.ellipse([x - 22, y - 22, x + 22, y + 22], fill=col)
                d.ellipse([x - 7, y - 7, x + 7, y + 7], fill=(250, 220, 90))
            _people(d, rng, w, h, 1, 0.55, w / 1000)
    return img


def _exif_for(name: str) -> Image.Exif | None:
    exif = Image.Exif()
    if name in GPS_IMAGES:
        lat, lon, make, model = GPS_IMAGES[name]
        exif[0x010F] = make            # Make
        exif[0x0110] = model           # Model
        exif[0x0131] = "Demo camera firmware 1.0"  # Software
        exif[0x0132] = "2026:01:01 08:00:00"       # DateTime (fixed, deterministic)
        gps = exif.get_ifd(0x8825)
        gps[0x0000] = b"\x02\x03\x00\x00"          # GPSVersionID
        gps[0x0001] = "N"
        gps[0x0002] = tuple(float(v) for v in lat)
        gps[0x0003] = "E"
        gps[0x0004] = tuple(float(v) for v in lon)
        return exif
    if name in ROTATED_IMAGES:
        exif[0x010F] = "Apple"
        exif[0x0110] = "iPhone 12"
        exif[0x0112] = 6               # Orientation: rotate 90° CW to display
        return exif
    return None


def generate(out: Path) -> list[Path]:
    written = []
    for index, (name, (size, kind)) in enumerate(sorted(IMAGES.items())):
        img = scene(kind, size, seed=1000 + index)
        exif = _exif_for(name)
        if name in ROTATED_IMAGES:
            # Store the pixels turned 90° counter-clockwise; Orientation=6 tells
            # viewers to turn them back clockwise.
            img = img.rotate(90, expand=True)
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        kwargs = {"optimize": True}
        if exif is not None:
            kwargs["exif"] = exif.tobytes()
        # quality ~80, lowered in steps until the file is under the size budget
        for quality in (80, 75, 70, 65, 60):
            img.save(path, "JPEG", quality=quality, **kwargs)
            if path.stat().st_size < MAX_BYTES:
                break
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    paths = generate(args.out)
    total = sum(p.stat().st_size for p in paths)
    for p in paths:
        print(f"{p.relative_to(args.out)}\t{p.stat().st_size // 1024} KB")
    print(f"{len(paths)} images, {total // 1024} KB total")


if __name__ == "__main__":
    main()
