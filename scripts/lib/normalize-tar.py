#!/usr/bin/env python3
"""normalize-tar.py ARCHIVE.tar.gz: rewrites a gzipped tar in place so that the same files always
give the same bytes: entries sorted by name, dated SOURCE_DATE_EPOCH, owned by root (uid and gid 0,
no names), and a gzip header with no time and no file name. scripts/dist applies it to the Python
sdist, which `python -m build` dates from the files' times and the clock."""
import gzip
import io
import os
import sys
import tarfile

path = sys.argv[1]
stamp = int(os.environ["SOURCE_DATE_EPOCH"])
with tarfile.open(path, "r:gz") as source:
    members = sorted(source.getmembers(), key=lambda m: m.name)
    contents = {m.name: source.extractfile(m).read() for m in members if m.isfile()}
buffer = io.BytesIO()
with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as target:
    for member in members:
        member.mtime = stamp
        member.uid = member.gid = 0
        member.uname = member.gname = ""
        member.pax_headers = {}
        data = contents.get(member.name)
        target.addfile(member, io.BytesIO(data) if data is not None else None)
with open(path, "wb") as out:
    with gzip.GzipFile(filename="", mode="wb", fileobj=out, mtime=0, compresslevel=9) as compressed:
        compressed.write(buffer.getvalue())
