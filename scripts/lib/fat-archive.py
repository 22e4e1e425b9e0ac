#!/usr/bin/env python3
"""Universal (fat) Mach-O files without Apple's lipo, for the macOS xcframework of dist/objc.

llvm-lipo cannot read the release's static libraries (their members are LLVM bitcode newer than the
LLVM it links), but a universal file is only a big-endian header in front of the per-architecture
files, so it is written and read here:

    fat-archive.py create OUT arm64=LIB x86_64=LIB
    fat-archive.py verify FILE arm64=LIB x86_64=LIB     exit 1 unless FILE holds exactly those slices
"""
import struct
import sys

FAT_MAGIC = 0xCAFEBABE
CPU = {"arm64": (0x0100000C, 0), "x86_64": (0x01000007, 3)}  # cputype, cpusubtype (..._ALL)
ALIGN = 14  # 2^14: the arm64 page size, enough for both


def parse_slices(args):
    slices = []
    for arg in args:
        arch, _, path = arg.partition("=")
        if arch not in CPU or not path:
            sys.exit(f"fat-archive.py: expected ARCH=PATH with ARCH in {sorted(CPU)}, got {arg!r}")
        slices.append((arch, open(path, "rb").read()))
    return slices


def create(out, slices):
    head = struct.pack(">II", FAT_MAGIC, len(slices))
    first = -(-(len(head) + 20 * len(slices)) // (1 << ALIGN)) << ALIGN  # the header, rounded up
    offset, body = first, b""
    for arch, data in slices:
        cputype, subtype = CPU[arch]
        head += struct.pack(">iiIII", cputype, subtype, offset, len(data), ALIGN)
        pad = (-(offset + len(data))) % (1 << ALIGN)
        body += data + b"\0" * pad
        offset += len(data) + pad
    open(out, "wb").write(head + b"\0" * (first - len(head)) + body)


def read(path):
    data = open(path, "rb").read()
    magic, count = struct.unpack_from(">II", data, 0)
    if magic != FAT_MAGIC:
        sys.exit(f"{path}: not a universal file")
    names = {v: k for k, v in CPU.items()}
    found = {}
    for i in range(count):
        cputype, subtype, offset, size, align = struct.unpack_from(">iiIII", data, 8 + 20 * i)
        if offset % (1 << align):
            sys.exit(f"{path}: slice {i} is not aligned to 2^{align}")
        found[names.get((cputype, subtype), f"cpu {cputype:#x}/{subtype}")] = data[offset : offset + size]
    return found


def main():
    if len(sys.argv) < 4 or sys.argv[1] not in ("create", "verify"):
        sys.exit(__doc__)
    slices = parse_slices(sys.argv[3:])
    if sys.argv[1] == "create":
        create(sys.argv[2], slices)
        return
    found = read(sys.argv[2])
    expected = dict(slices)
    if sorted(found) != sorted(expected):
        sys.exit(f"{sys.argv[2]}: architectures {sorted(found)}, expected {sorted(expected)}")
    for arch, data in expected.items():
        if found[arch] != data:
            sys.exit(f"{sys.argv[2]}: the {arch} slice differs from its release library")
    print(" + ".join(sorted(found)))


if __name__ == "__main__":
    main()
