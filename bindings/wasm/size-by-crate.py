#!/usr/bin/env python3
"""Where the bytes of the WebAssembly build go: code size per crate, from a build that keeps the
function names (wasm-bindgen without --remove-name-section).

    bindings/wasm/size-by-crate.py FILE.wasm
"""
import collections
import re
import sys


def leb(data, i):
    result = shift = 0
    while True:
        b = data[i]
        i += 1
        result |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            return result, i


def sections(data):
    i = 8
    while i < len(data):
        kind, i = data[i], i + 1
        size, i = leb(data, i)
        yield kind, data[i : i + size]
        i += size


def main():
    data = open(sys.argv[1], "rb").read()
    imports, bodies, names = 0, [], {}
    for kind, body in sections(data):
        if kind == 2:  # imports: count the functions, whose indices come first
            count, i = leb(body, 0)
            for _ in range(count):
                for _ in range(2):
                    n, i = leb(body, i)
                    i += n
                k, i = body[i], i + 1
                if k == 0:
                    _, i = leb(body, i)
                    imports += 1
                elif k == 1:
                    i += 1
                    flags, i = leb(body, i)
                    _, i = leb(body, i)
                    if flags & 1:
                        _, i = leb(body, i)
                elif k == 2:
                    flags, i = leb(body, i)
                    _, i = leb(body, i)
                    if flags & 1:
                        _, i = leb(body, i)
                elif k == 3:
                    i += 2
                else:
                    i += 1  # tag
        elif kind == 10:  # code
            count, i = leb(body, 0)
            for _ in range(count):
                size, j = leb(body, i)
                bodies.append(size + (j - i))
                i = j + size
        elif kind == 0:
            n, i = leb(body, 0)
            if body[i : i + n] != b"name":
                continue
            i += n
            while i < len(body):
                sub, i = body[i], i + 1
                size, i = leb(body, i)
                if sub == 1:
                    count, j = leb(body, i)
                    for _ in range(count):
                        index, j = leb(body, j)
                        n, j = leb(body, j)
                        names[index] = body[j : j + n].decode("utf-8", "replace")
                        j += n
                i += size
    by_crate = collections.Counter()
    for k, size in enumerate(bodies):
        name = names.get(imports + k, "?")
        m = re.search(r"(?:_ZN|_R[A-Za-z0-9]*?Cs[A-Za-z0-9]+_)?\d*([a-z_][a-z0-9_]*)", name)
        crate = name.split("::")[0].lstrip("<&*") if "::" in name else (m.group(1) if m else "?")
        by_crate[crate] += size
    total = sum(bodies)
    print(f"code: {total} bytes in {len(bodies)} functions; the file: {len(data)} bytes")
    for crate, size in by_crate.most_common(15):
        print(f"{size:8d}  {100 * size / total:5.1f}%  {crate}")


if __name__ == "__main__":
    main()
