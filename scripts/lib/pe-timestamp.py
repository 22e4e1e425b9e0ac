#!/usr/bin/env python3
"""pe-timestamp.py FILE...: sets the link time in each PE (Windows) file's COFF header to
SOURCE_DATE_EPOCH, in place. zig's linker for windows-gnu writes the clock there (the only byte
that differs between two builds of the same commit); the header's checksum is 0 in these files, so
nothing else needs updating."""
import os
import struct
import sys

stamp = int(os.environ["SOURCE_DATE_EPOCH"]) & 0xFFFFFFFF
for path in sys.argv[1:]:
    data = bytearray(open(path, "rb").read())
    pe = struct.unpack_from("<I", data, 0x3C)[0]
    if data[:2] != b"MZ" or data[pe : pe + 4] != b"PE\0\0":
        sys.exit(f"pe-timestamp: {path} is not a PE file")
    optional = pe + 24
    checksum = struct.unpack_from("<I", data, optional + 64)[0]
    if checksum != 0:
        sys.exit(f"pe-timestamp: {path} has a header checksum, which this does not recompute")
    struct.pack_into("<I", data, pe + 8, stamp)
    open(path, "wb").write(data)
