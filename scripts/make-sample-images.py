#!/usr/bin/env python3
"""Draw the tiny images of samples/assets/images/ with nothing but the standard library.

The samples need real, valid PNG and JPEG files (EPUB and HTML writers embed them, epubcheck and
browsers decode them), yet binary assets of unknown origin have no place in the repository. These
are drawn from code, so anyone can see what they are and make them again:

    python3 scripts/make-sample-images.py samples/assets/images

The output is deterministic: running it twice gives identical bytes.
"""
import math
import os
import struct
import sys
import zlib


# ---------------------------------------------------------------------------------------------
# Drawing on a plain RGB canvas.

class Canvas:
    def __init__(self, width, height, colour):
        self.width = width
        self.height = height
        self.pixels = [[colour] * width for _ in range(height)]

    def rect(self, x0, y0, x1, y1, colour):
        for y in range(max(0, y0), min(self.height, y1)):
            for x in range(max(0, x0), min(self.width, x1)):
                self.pixels[y][x] = colour

    def disc(self, cx, cy, r, colour):
        for y in range(self.height):
            for x in range(self.width):
                if (x - cx) ** 2 + (y - cy) ** 2 <= r * r:
                    self.pixels[y][x] = colour


# ---------------------------------------------------------------------------------------------
# PNG: 8-bit truecolour, filter 0 on every row, one IDAT.

def png_bytes(canvas):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    raw = bytearray()
    for row in canvas.pixels:
        raw.append(0)
        for r, g, b in row:
            raw += bytes((r, g, b))
    header = struct.pack(">IIBBBBB", canvas.width, canvas.height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(raw), 9))
            + chunk(b"IEND", b""))


# ---------------------------------------------------------------------------------------------
# JPEG: baseline, three components without subsampling. The Huffman tables are our own
# fixed-length ones (4-bit DC categories, 8-bit AC symbols): any table declared in DHT is valid,
# and fixed lengths keep this encoder short at the cost of a few bytes.

ZIGZAG = sorted(((u, v) for u in range(8) for v in range(8)),
                key=lambda p: (p[0] + p[1], p[1] if (p[0] + p[1]) % 2 == 0 else p[0]))
QUANT = [[8 + 4 * (u + v) for v in range(8)] for u in range(8)]
DC_SYMBOLS = list(range(12))
AC_SYMBOLS = [0x00, 0xF0] + [(run << 4) | size for run in range(16) for size in range(1, 11)]
DC_CODE = {s: (i, 4) for i, s in enumerate(DC_SYMBOLS)}
AC_CODE = {s: (i, 8) for i, s in enumerate(AC_SYMBOLS)}


class BitWriter:
    def __init__(self):
        self.out = bytearray()
        self.acc = 0
        self.count = 0

    def put(self, value, length):
        for i in range(length - 1, -1, -1):
            self.acc = (self.acc << 1) | ((value >> i) & 1)
            self.count += 1
            if self.count == 8:
                self.out.append(self.acc)
                if self.acc == 0xFF:
                    self.out.append(0)  # byte stuffing
                self.acc = 0
                self.count = 0

    def flush(self):
        while self.count:
            self.put(1, 1)
        return bytes(self.out)


def magnitude(value):
    size = abs(value).bit_length()
    bits = value if value >= 0 else value + (1 << size) - 1
    return size, bits


def fdct(block):
    out = [[0.0] * 8 for _ in range(8)]
    for u in range(8):
        for v in range(8):
            total = 0.0
            for x in range(8):
                for y in range(8):
                    total += (block[x][y] * math.cos((2 * x + 1) * u * math.pi / 16)
                              * math.cos((2 * y + 1) * v * math.pi / 16))
            cu = 1 / math.sqrt(2) if u == 0 else 1.0
            cv = 1 / math.sqrt(2) if v == 0 else 1.0
            out[u][v] = 0.25 * cu * cv * total
    return out


def encode_block(writer, block, previous_dc):
    coeffs = fdct(block)
    zz = [int(round(coeffs[u][v] / QUANT[u][v])) for u, v in ZIGZAG]
    size, bits = magnitude(zz[0] - previous_dc)
    writer.put(*DC_CODE[size])
    writer.put(bits, size)
    run = 0
    for value in zz[1:]:
        if value == 0:
            run += 1
            continue
        while run > 15:
            writer.put(*AC_CODE[0xF0])
            run -= 16
        size, bits = magnitude(max(-1023, min(1023, value)))
        writer.put(*AC_CODE[(run << 4) | size])
        writer.put(bits, size)
        run = 0
    if run:
        writer.put(*AC_CODE[0x00])
    return zz[0]


def jpeg_bytes(canvas):
    assert canvas.width % 8 == 0 and canvas.height % 8 == 0
    planes = [[[0.0] * canvas.width for _ in range(canvas.height)] for _ in range(3)]
    for y in range(canvas.height):
        for x in range(canvas.width):
            r, g, b = canvas.pixels[y][x]
            planes[0][y][x] = 0.299 * r + 0.587 * g + 0.114 * b - 128
            planes[1][y][x] = -0.168736 * r - 0.331264 * g + 0.5 * b
            planes[2][y][x] = 0.5 * r - 0.418688 * g - 0.081312 * b
    writer = BitWriter()
    previous = [0, 0, 0]
    for by in range(0, canvas.height, 8):
        for bx in range(0, canvas.width, 8):
            for c in range(3):
                block = [[planes[c][by + i][bx + j] for j in range(8)] for i in range(8)]
                previous[c] = encode_block(writer, block, previous[c])
    scan = writer.flush()

    def segment(marker, data):
        return struct.pack(">BBH", 0xFF, marker, len(data) + 2) + data

    def dht(table_class, symbols, length):
        counts = [0] * 16
        counts[length - 1] = len(symbols)
        return bytes([(table_class << 4) | 0]) + bytes(counts) + bytes(symbols)

    app0 = b"JFIF\x00" + struct.pack(">BBBHHBB", 1, 1, 0, 1, 1, 0, 0)
    dqt = bytes([0]) + bytes(QUANT[u][v] for u, v in ZIGZAG)
    sof = struct.pack(">BHHB", 8, canvas.height, canvas.width, 3) + b"".join(
        bytes((c, 0x11, 0)) for c in (1, 2, 3))
    sos = bytes([3]) + b"".join(bytes((c, 0x00)) for c in (1, 2, 3)) + bytes((0, 63, 0))
    return (b"\xFF\xD8" + segment(0xE0, app0) + segment(0xDB, dqt) + segment(0xC0, sof)
            + segment(0xC4, dht(0, DC_SYMBOLS, 4)) + segment(0xC4, dht(1, AC_SYMBOLS, 8))
            + segment(0xDA, sos) + scan + b"\xFF\xD9")


# ---------------------------------------------------------------------------------------------
# The pictures.

def balcony_plan():
    """Three pots along a railing under a low sun: the plan sketched in the balcony post."""
    c = Canvas(96, 64, (236, 242, 248))
    c.disc(80, 14, 8, (250, 204, 92))                    # sun
    c.rect(0, 44, 96, 64, (196, 178, 150))               # floor tiles
    for x in range(4, 96, 12):
        c.rect(x, 24, x + 2, 44, (120, 120, 130))       # railing bars
    c.rect(0, 22, 96, 25, (90, 90, 100))                 # handrail
    for x, leaf in ((14, (88, 160, 72)), (44, (64, 140, 90)), (74, (120, 176, 64))):
        c.disc(x, 34, 9, leaf)                           # foliage
        c.rect(x - 8, 40, x + 8, 54, (200, 104, 64))     # terracotta pot
        c.rect(x - 9, 40, x + 9, 43, (176, 88, 52))      # pot rim
    return c


def tomatoes():
    """Two ripe tomatoes on their vine, very small: the 'photo' of the balcony post."""
    c = Canvas(48, 32, (200, 226, 170))
    for y in range(32):
        c.rect(0, y, 48, y + 1, (190 - y, 220 - y, 160 - y // 2))  # soft background gradient
    c.rect(0, 4, 48, 6, (70, 120, 50))                   # vine
    c.disc(16, 18, 9, (214, 48, 38))
    c.disc(33, 20, 8, (226, 70, 40))
    c.disc(13, 15, 3, (240, 120, 100))                   # highlights
    c.disc(30, 17, 2, (246, 140, 110))
    c.rect(15, 6, 17, 10, (70, 120, 50))                 # stems
    c.rect(32, 6, 34, 12, (70, 120, 50))
    return c


def logo():
    """The site's small logo: a notebook with a green bookmark."""
    c = Canvas(32, 32, (255, 255, 255))
    c.rect(6, 4, 26, 28, (38, 70, 110))                  # cover
    c.rect(9, 4, 10, 28, (28, 52, 84))                   # spine line
    c.rect(13, 9, 23, 11, (230, 236, 244))               # label
    c.rect(20, 4, 23, 20, (96, 180, 96))                 # bookmark
    return c


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "samples/assets/images"
    os.makedirs(out, exist_ok=True)
    files = {
        "balcony-plan.png": png_bytes(balcony_plan()),
        "logo.png": png_bytes(logo()),
        "tomatoes.jpg": jpeg_bytes(tomatoes()),
    }
    for name, data in files.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        print(f"{name}: {len(data)} bytes")


if __name__ == "__main__":
    main()
