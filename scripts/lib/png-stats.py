#!/usr/bin/env python3
"""Prints 'WIDTHxHEIGHT COLOURS INK' for an 8-bit RGB/RGBA PNG: its size, the number of distinct
colours, and the fraction of pixels that differ from the most common one (the background).
Standard library only (zlib), for tests that check a screenshot is not blank."""
import collections
import struct
import sys
import zlib

data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat, width, height, kind = 8, b"", 0, 0, 0
while pos < len(data):
    length, tag = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if tag == b"IHDR":
        width, height, depth, kind = struct.unpack(">IIBB", body[:10])
        assert depth == 8 and kind in (2, 6), f"unsupported PNG (depth {depth}, colour type {kind})"
    elif tag == b"IDAT":
        idat += body
    pos += 12 + length
channels = 3 if kind == 2 else 4
raw = zlib.decompress(idat)
stride = width * channels
rows, previous, offset = [], bytearray(stride), 0
for _ in range(height):
    mode, line = raw[offset], bytearray(raw[offset + 1:offset + 1 + stride])
    offset += 1 + stride
    for i in range(stride):
        left = line[i - channels] if i >= channels else 0
        up = previous[i]
        corner = previous[i - channels] if i >= channels else 0
        if mode == 1:
            line[i] = (line[i] + left) & 255
        elif mode == 2:
            line[i] = (line[i] + up) & 255
        elif mode == 3:
            line[i] = (line[i] + (left + up) // 2) & 255
        elif mode == 4:
            p = left + up - corner
            pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
            line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
    rows.append(bytes(line))
    previous = line
counts = collections.Counter(row[i:i + 3] for row in rows[::4] for i in range(0, stride, channels * 4))
background = counts.most_common(1)[0][1]
total = sum(counts.values())
print(f"{width}x{height} {len(counts)} {1 - background / total:.4f}")
