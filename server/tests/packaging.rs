//! What the release ships beside the binary: the systemd unit (valid for systemd, sandboxed, the
//! secret passed as a credential) and the example config (accepted by --check-config).

mod common;

use common::*;
use std::path::Path;
use std::process::Command;

fn packaging(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("packaging").join(name)).unwrap()
}

#[test]
fn the_systemd_unit_is_valid_for_systemd() {
    let dir = tempfile::tempdir().unwrap();
    let unit = packaging("zego-token-server.service")
        .replace("/usr/local/bin/zego-token-server", &binary().display().to_string());
    let path = dir.path().join("zego-token-server.service");
    std::fs::write(&path, unit).unwrap();
    let out = Command::new("systemd-analyze")
        .args(["verify", "--man=no"])
        .arg(&path)
        .output()
        .expect("systemd-analyze (Debian's systemd package; tests/run-all installs it)");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{said}");
    let about_our_unit: Vec<&str> = said.lines().filter(|l| l.contains("zego-token-server")).collect();
    assert!(about_our_unit.is_empty(), "{said}");
}

#[test]
fn the_systemd_unit_is_sandboxed_and_takes_the_secret_as_a_credential() {
    let unit = packaging("zego-token-server.service");
    for line in [
        "DynamicUser=yes",
        "ProtectSystem=strict",
        "NoNewPrivileges=yes",
        "CapabilityBoundingSet=",
        "LoadCredential=zego-secret:",
        "Environment=ZEGO_SERVER_SECRET_FILES=%d/zego-secret",
        "ExecReload=/bin/kill -HUP $MAINPID",
    ] {
        assert!(unit.lines().any(|l| l.starts_with(line)), "no {line:?} in the unit");
    }
}

#[test]
fn the_example_config_passes_check_config() {
    let dir = tempfile::tempdir().unwrap();
    write_secrets(dir.path());
    let config = dir.path().join("config.toml");
    std::fs::write(&config, packaging("config.example.toml")).unwrap();
    let out = Command::new(binary())
        .arg("--check-config")
        .arg(&config)
        .env("ZEGO_SERVER_SECRET_FILES", dir.path().join("secret"))
        .output()
        .unwrap();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{said}");
}
