#!/usr/bin/env python3
"""zip-tree.py DIR ZIP [PREFIX]: a reproducible zip of every file under DIR, named PREFIX/<path> (or
<path>), in sorted order, dated SOURCE_DATE_EPOCH, mode 755 for executables and 644 otherwise.
scripts/dist writes the Windows archive, the Go module zip, the Composer package and the .nupkg
with it."""
import os
import sys
import time
import zipfile

root, target = sys.argv[1], sys.argv[2]
prefix = sys.argv[3] + "/" if len(sys.argv) > 3 else ""
stamp = time.gmtime(int(os.environ["SOURCE_DATE_EPOCH"]))[:6]
files = sorted(os.path.relpath(os.path.join(d, f), root) for d, _, names in os.walk(root) for f in names)
with zipfile.ZipFile(target, "w") as archive:
    for name in files:
        path = os.path.join(root, name)
        entry = zipfile.ZipInfo(prefix + name.replace(os.sep, "/"), stamp)
        entry.compress_type = zipfile.ZIP_DEFLATED
        entry.external_attr = (0o755 if os.access(path, os.X_OK) else 0o644) << 16
        with open(path, "rb") as f:
            archive.writestr(entry, f.read())
