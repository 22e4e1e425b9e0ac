//! One version and one licence for everything the repository ships: every place listed in
//! scripts/version-files carries the workspace version (`scripts/bump-version X.Y.Z` sets them all),
//! and every manifest declares the same dual licence.

use std::path::{Path, PathBuf};

use regex::Regex;

const VERSION: &str = env!("CARGO_PKG_VERSION");
const LICENSE: &str = "MIT OR Apache-2.0";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn version_places() -> Vec<(PathBuf, Regex)> {
    read(&root().join("scripts/version-files"))
        .lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| {
            let (path, pattern) = line.split_once('\t').expect("path<TAB>regex");
            (root().join(path), Regex::new(pattern).expect("a valid regex"))
        })
        .collect()
}

#[test]
fn every_listed_place_carries_the_workspace_version() {
    let places = version_places();
    assert!(places.len() >= 10, "scripts/version-files lists the manifests");
    for (path, pattern) in places {
        let text = read(&path);
        let found: Vec<&str> = pattern
            .captures_iter(&text)
            .map(|c| c.get(1).unwrap().as_str())
            .collect();
        assert_eq!(found.len(), 1, "{}: expected one match of {pattern}", path.display());
        assert_eq!(
            found[0],
            VERSION,
            "{} says {}, the workspace {VERSION}: run scripts/bump-version",
            path.display(),
            found[0]
        );
    }
}

#[test]
fn every_binding_manifest_is_listed_for_version_bumps() {
    let listed: Vec<PathBuf> = version_places().into_iter().map(|(p, _)| p).collect();
    for manifest in [
        "Cargo.toml",
        "bindings/python/pyproject.toml",
        "bindings/node/package.json",
        "bindings/java/pom.xml",
        "bindings/dotnet/ZegoToken.csproj",
        "bindings/php/composer.json",
        "bindings/cpp/CMakeLists.txt",
        "bindings/objc/ZegoToken.podspec",
        "bindings/wasm/package.json",
        "bindings/wasm/Cargo.toml",
        "bindings/python/speedups/Cargo.toml",
    ] {
        assert!(
            listed.contains(&root().join(manifest)),
            "{manifest} is not in scripts/version-files"
        );
    }
}

#[test]
fn the_crates_inherit_the_workspace_version_and_licence() {
    for manifest in ["Cargo.toml", "core/Cargo.toml", "cli/Cargo.toml", "server/Cargo.toml"] {
        let text = read(&root().join(manifest));
        assert!(
            text.contains("\nversion.workspace = true\n"),
            "{manifest} must inherit the version"
        );
        assert!(
            text.contains("\nlicense.workspace = true\n"),
            "{manifest} must inherit the licence"
        );
    }
    assert!(read(&root().join("Cargo.toml")).contains(&format!("license = \"{LICENSE}\"")));
}

#[test]
fn every_binding_manifest_declares_the_dual_licence() {
    for (manifest, declaration) in [
        ("bindings/python/pyproject.toml", format!("license = \"{LICENSE}\"")),
        ("bindings/node/package.json", format!("\"license\": \"{LICENSE}\"")),
        ("bindings/php/composer.json", format!("\"license\": \"{LICENSE}\"")),
        (
            "bindings/dotnet/ZegoToken.csproj",
            format!("<PackageLicenseExpression>{LICENSE}</PackageLicenseExpression>"),
        ),
        (
            "bindings/java/pom.xml",
            "<url>https://opensource.org/licenses/MIT</url>".to_string(),
        ),
        (
            "bindings/java/pom.xml",
            "<url>https://www.apache.org/licenses/LICENSE-2.0</url>".to_string(),
        ),
    ] {
        assert!(
            read(&root().join(manifest)).contains(&declaration),
            "{manifest} lacks {declaration}"
        );
    }
}

#[test]
fn both_licence_texts_are_shipped_in_full() {
    let mit = read(&root().join("LICENSE-MIT"));
    assert!(mit.contains("Permission is hereby granted, free of charge"));
    let apache = read(&root().join("LICENSE-APACHE"));
    assert!(apache.contains("TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION"));
    assert!(apache.contains("END OF TERMS AND CONDITIONS"));
}
