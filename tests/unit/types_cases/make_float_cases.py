#!/usr/bin/python3
"""Write floats.cases: float8 and float4 values from pseudo-random bit patterns (a fixed
seed, so the file is reproducible), written as C99 hexadecimal floats, which PostgreSQL's
float input accepts through strtod.  generate.py then records PostgreSQL's output for them.
The patterns stress the shortest round-trip output: all exponents, exponents near zero,
subnormals, and mantissas next to a power of two (where the lower neighbour is closer).

Usage: make_float_cases.py > floats.cases
"""
import math
import random
import struct


def hexf(bits, fmt, ifmt):
    v = struct.unpack(fmt, struct.pack(ifmt, bits))[0]
    if math.isnan(v) or math.isinf(v) or v == 0:
        return None
    return v.hex() if fmt == '<d' else float(v).hex()


def main():
    rng = random.Random(20241102)
    print('# Shortest round-trip output of float8/float4 (see make_float_cases.py).')
    out = []
    for i in range(2400):
        b = rng.getrandbits(64)
        mode = i % 4
        sign = b & (1 << 63)
        if mode == 1:   # exponents near zero: fixed-point layouts
            b = sign | (b & ((1 << 52) - 1)) | ((1023 + rng.randrange(-60, 60)) << 52)
        elif mode == 2:  # subnormals and the smallest normals
            b = sign | (b & ((1 << 52) - 1)) | (rng.randrange(3) << 52)
        elif mode == 3:  # just above a power of two
            b = sign | (b & (0x7ff << 52)) | rng.randrange(8)
        h = hexf(b, '<d', '<Q')
        if h:
            out.append('in\tfloat8\t' + h)
    for i in range(1200):
        b = rng.getrandbits(32)
        sign = b & (1 << 31)
        if i % 3 == 1:
            b = sign | (b & ((1 << 23) - 1)) | ((127 + rng.randrange(-30, 30)) << 23)
        elif i % 3 == 2:
            b = sign | (b & (0xff << 23)) | rng.randrange(8)
        h = hexf(b, '<f', '<I')
        if h:
            out.append('in\tfloat4\t' + h)
    print('\n'.join(out))


main()
