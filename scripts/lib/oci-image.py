"""Writes zego-token-server's OCI image layout as one tar: a scratch image per architecture (the
static musl binary, a non-root user, the licences) and an image index naming both, dated from
SOURCE_DATE_EPOCH so the same binaries give the same bytes.

    oci-image.py OUTPUT.oci.tar VERSION SOURCE_URL LICENCE_DIR amd64=BINARY arm64=BINARY

index.json names the image index "VERSION" and each manifest "VERSION-linux-ARCH" (umoci and
`skopeo inspect oci-archive:FILE:VERSION-linux-arm64` read one architecture by name).
"""
import gzip
import hashlib
import io
import json
import os
import sys
import tarfile
import time

USER = "65532"
BINARY = "usr/local/bin/zego-token-server"


def blob(blobs, data, media_type):
    digest = "sha256:" + hashlib.sha256(data).hexdigest()
    blobs[digest] = data
    return {"mediaType": media_type, "digest": digest, "size": len(data)}


def tar_bytes(entries, mtime):
    """entries: (path, mode, bytes or None for a folder); sorted, owned by root, dated mtime."""
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for path, mode, data in sorted(entries):
            info = tarfile.TarInfo(path)
            info.mode, info.mtime, info.uid, info.gid, info.uname, info.gname = mode, mtime, 0, 0, "", ""
            if data is None:
                info.type = tarfile.DIRTYPE
                tar.addfile(info)
            else:
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
    return out.getvalue()


def main():
    output, version, source, licences = sys.argv[1:5]
    binaries = dict(arg.split("=", 1) for arg in sys.argv[5:])
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0"))
    created = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(epoch))
    labels = {
        "org.opencontainers.image.title": "zego-token-server",
        "org.opencontainers.image.description": "An authenticated ZEGO Token04 endpoint",
        "org.opencontainers.image.version": version,
        "org.opencontainers.image.created": created,
        "org.opencontainers.image.source": source,
        "org.opencontainers.image.licenses": "MIT OR Apache-2.0",
    }
    blobs, manifests = {}, []
    for arch in ("amd64", "arm64"):
        with open(binaries[arch], "rb") as f:
            program = f.read()
        entries = [
            ("etc", 0o755, None),
            ("etc/passwd", 0o644, f"root:x:0:0:root:/:/sbin/nologin\nnonroot:x:{USER}:{USER}:nonroot:/nonexistent:/sbin/nologin\n".encode()),
            ("etc/group", 0o644, f"root:x:0:\nnonroot:x:{USER}:\n".encode()),
            ("etc/zego-token-server", 0o755, None),
            ("usr", 0o755, None),
            ("usr/local", 0o755, None),
            ("usr/local/bin", 0o755, None),
            (BINARY, 0o755, program),
            ("usr/share", 0o755, None),
            ("usr/share/doc", 0o755, None),
            ("usr/share/doc/zego-token-server", 0o755, None),
        ]
        for name in ("LICENSE-MIT", "LICENSE-APACHE"):
            with open(os.path.join(licences, name), "rb") as f:
                entries.append((f"usr/share/doc/zego-token-server/{name}", 0o644, f.read()))
        layer_tar = tar_bytes(entries, epoch)
        layer = blob(blobs, gzip.compress(layer_tar, compresslevel=9, mtime=0), "application/vnd.oci.image.layer.v1.tar+gzip")
        config = {
            "created": created,
            "architecture": arch,
            "os": "linux",
            "config": {
                "User": f"{USER}:{USER}",
                "Entrypoint": ["/" + BINARY],
                "Cmd": ["--config", "/etc/zego-token-server/config.toml"],
                "Env": ["ZEGO_TOKEN_SERVER_LISTEN=0.0.0.0:8080"],
                "ExposedPorts": {"8080/tcp": {}},
                "WorkingDir": "/",
                "Labels": labels,
            },
            "rootfs": {"type": "layers", "diff_ids": ["sha256:" + hashlib.sha256(layer_tar).hexdigest()]},
            "history": [{"created": created, "created_by": "scripts/dist (scripts/lib/oci-image.py)"}],
        }
        config_desc = blob(blobs, json.dumps(config, sort_keys=True, separators=(",", ":")).encode(), "application/vnd.oci.image.config.v1+json")
        manifest = {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                    "config": config_desc, "layers": [layer], "annotations": labels}
        desc = blob(blobs, json.dumps(manifest, sort_keys=True, separators=(",", ":")).encode(), "application/vnd.oci.image.manifest.v1+json")
        desc["platform"] = {"architecture": arch, "os": "linux"}
        manifests.append(desc)
    image_index = {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json", "manifests": manifests,
                   "annotations": labels}
    index_desc = blob(blobs, json.dumps(image_index, sort_keys=True, separators=(",", ":")).encode(), "application/vnd.oci.image.index.v1+json")
    named = [dict(index_desc, annotations={"org.opencontainers.image.ref.name": version})]
    for desc in manifests:
        arch = desc["platform"]["architecture"]
        named.append(dict(desc, annotations={"org.opencontainers.image.ref.name": f"{version}-linux-{arch}"}))
    top = {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json", "manifests": named}
    entries = [
        ("oci-layout", 0o644, b'{"imageLayoutVersion":"1.0.0"}'),
        ("index.json", 0o644, json.dumps(top, sort_keys=True, separators=(",", ":")).encode()),
        ("blobs", 0o755, None),
        ("blobs/sha256", 0o755, None),
    ]
    entries += [(f"blobs/sha256/{d.split(':')[1]}", 0o644, data) for d, data in blobs.items()]
    with open(output, "wb") as f:
        f.write(tar_bytes(entries, epoch))


if __name__ == "__main__":
    main()
