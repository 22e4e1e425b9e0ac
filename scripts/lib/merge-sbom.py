#!/usr/bin/env python3
"""merge-sbom.py FAMILY VERSION OUT IN.cdx.json...: one CycloneDX 1.5 SBOM for an artifact family
(dist/sbom/<family>.cdx.json, as RELEASE.md names them) from the SBOMs cargo-cyclonedx wrote for the
Rust builds inside it: the family is the described component, each build a sub-component, and the
crates and their dependency edges the union of the builds', sorted so that the file is reproducible."""
import json
import sys

family, version, out, inputs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
boms = [json.load(open(path)) for path in inputs]
components, dependencies, builds = {}, {}, {}
for bom in boms:
    build = bom["metadata"]["component"]
    builds[build["bom-ref"]] = build
    for component in bom.get("components", []):
        components[component["bom-ref"]] = component
    for edge in bom.get("dependencies", []):
        dependencies.setdefault(edge["ref"], set()).update(edge.get("dependsOn", []))
merged = {
    "bomFormat": "CycloneDX",
    "specVersion": "1.5",
    "version": 1,
    "metadata": {
        "timestamp": boms[0]["metadata"]["timestamp"],
        "tools": boms[0]["metadata"].get("tools", []),
        "component": {
            "type": "library",
            "bom-ref": f"zego-token-{family}@{version}",
            "name": f"zego-token-{family}",
            "version": version,
            "components": [builds[ref] for ref in sorted(builds)],
        },
    },
    "components": [components[ref] for ref in sorted(components)],
    "dependencies": [{"ref": ref, "dependsOn": sorted(dependencies[ref])} for ref in sorted(dependencies)],
}
with open(out, "w") as f:
    json.dump(merged, f, indent=2, sort_keys=True)
    f.write("\n")
