//! The real `zego-token` binary, run as a user would.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const SECRET: &str = "0123456789abcdef0123456789abcdef";
const OTHER_SECRET: &str = "fedcba9876543210fedcba9876543210";

fn zego_token() -> Command {
    let mut cmd = Command::cargo_bin("zego-token").unwrap();
    cmd.env("ZEGO_SERVER_SECRET", SECRET);
    cmd
}

fn generate(args: &[&str]) -> String {
    let out = zego_token()
        .arg("generate")
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap().trim_end().to_owned()
}

fn decoded(token: &str) -> Value {
    let out = zego_token()
        .args(["decode", token])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

fn vectors(name: &str) -> Vec<Value> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/vectors")
        .join(name);
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn generate_prints_the_token_a_newline_and_nothing_else() {
    let out = zego_token()
        .args(["generate", "--app-id", "1234567890", "--user-id", "user_123456"])
        .assert()
        .success()
        .stderr("")
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.starts_with("04") && out.ends_with('\n') && out.matches('\n').count() == 1);
}

#[test]
fn generate_decode_verify_round_trip() {
    let token = generate(&[
        "--app-id",
        "7",
        "--user-id",
        "用户",
        "--ttl",
        "600",
        "--payload",
        "{\"a\":1}",
    ]);
    let claims = decoded(&token);
    assert_eq!(claims["app_id"], 7);
    assert_eq!(claims["user_id"], "用户");
    assert_eq!(
        claims["expire"].as_i64().unwrap() - claims["ctime"].as_i64().unwrap(),
        600
    );
    assert_eq!(claims["payload_json"]["a"], 1);
    assert_eq!(
        (&claims["mode"], &claims["authenticated"]),
        (&Value::from("gcm"), &Value::from(true))
    );
    zego_token()
        .args(["verify", &token, "--app-id", "7", "--user-id", "用户"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("valid: made for user \"用户\" of app id 7"));
}

#[test]
fn generate_privilege_token_carries_the_official_payload() {
    let token = generate(&["--app-id", "1", "--user-id", "u", "--room-id", "room1", "--login"]);
    assert_eq!(
        decoded(&token)["payload"],
        r#"{"room_id":"room1","privilege":{"1":1,"2":0},"stream_id_list":null}"#
    );
    let token = generate(&[
        "--app-id",
        "1",
        "--user-id",
        "u",
        "--room-id",
        "r",
        "--publish",
        "--stream-id",
        "s1",
        "--stream-id",
        "s2",
    ]);
    assert_eq!(
        decoded(&token)["payload"],
        r#"{"room_id":"r","privilege":{"1":0,"2":1},"stream_id_list":["s1","s2"]}"#
    );
}

#[test]
fn payload_and_room_id_are_mutually_exclusive() {
    zego_token()
        .args([
            "generate",
            "--app-id",
            "1",
            "--user-id",
            "u",
            "--payload",
            "{}",
            "--room-id",
            "r",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot be used with"));
}

#[test]
fn generate_warns_below_30_seconds_but_still_generates() {
    zego_token()
        .args(["generate", "--app-id", "1", "--user-id", "u", "--ttl", "10"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("04"))
        .stderr(predicate::str::contains(
            "ZIM refuses tokens valid for less than 30 seconds",
        ));
}

#[test]
fn generate_refuses_invalid_input_with_exit_4() {
    zego_token()
        .args(["generate", "--app-id", "0", "--user-id", "u"])
        .assert()
        .code(4)
        .stderr(predicate::str::contains("app id is invalid"));
    zego_token()
        .args(["generate", "--app-id", "1", "--user-id", "u", "--ttl", "0"])
        .assert()
        .code(4)
        .stderr(predicate::str::contains("effective time is invalid"));
}

#[test]
fn decode_reads_every_official_generators_tokens() {
    for row in vectors("official-tokens.jsonl").iter().step_by(12) {
        let out = Command::cargo_bin("zego-token")
            .unwrap()
            .env("ZEGO_SERVER_SECRET", row["secret"].as_str().unwrap())
            .args(["decode", row["token"].as_str().unwrap()])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let claims: Value = serde_json::from_slice(&out).unwrap();
        for key in ["app_id", "user_id", "ctime", "expire", "nonce", "payload"] {
            assert_eq!(claims[key], row["claims"][key], "{key} of {}", row["generator"]);
        }
        assert_eq!(claims["mode"], row["format"]);
        assert_eq!(claims["authenticated"], row["format"] == "gcm");
        assert!(claims.get("format").is_none(), "one name for the format: mode");
    }
}

#[test]
fn decode_reads_the_token_from_stdin() {
    let token = generate(&["--app-id", "1", "--user-id", "piped"]);
    zego_token()
        .arg("decode")
        .write_stdin(format!("{token}\n"))
        .assert()
        .success()
        .stdout(predicate::str::contains("\"user_id\": \"piped\""));
}

#[test]
fn decode_with_several_secrets_says_which_matched() {
    let token = generate(&["--app-id", "1", "--user-id", "u"]);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("secrets");
    std::fs::write(&file, format!("{OTHER_SECRET}\n{SECRET}\n")).unwrap();
    zego_token()
        .args(["decode", &token, "--secret-file", file.to_str().unwrap()])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"secret_index\": 1"));
}

#[test]
fn verify_expired_explains_when() {
    let token = generate(&["--app-id", "1", "--user-id", "u", "--ttl", "60"]);
    let expire = decoded(&token)["expire"].as_i64().unwrap();
    zego_token()
        .args(["verify", &token, "--app-id", "1", "--now", &(expire + 720).to_string()])
        .assert()
        .code(15)
        .stderr(predicate::str::is_match(r"expired 12 minutes ago at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ").unwrap());
}

#[test]
fn verify_not_yet_valid_has_its_own_exit_code() {
    let token = generate(&["--app-id", "1", "--user-id", "u"]);
    zego_token()
        .args(["verify", &token, "--app-id", "1", "--now", "1000"])
        .assert()
        .code(16)
        .stderr(predicate::str::contains("not yet valid"));
}

#[test]
fn verify_leeway_accepts_small_skew() {
    let token = generate(&["--app-id", "1", "--user-id", "u", "--ttl", "60"]);
    let expire = decoded(&token)["expire"].as_i64().unwrap();
    zego_token()
        .args([
            "verify",
            &token,
            "--app-id",
            "1",
            "--now",
            &(expire + 5).to_string(),
            "--leeway",
            "10",
        ])
        .assert()
        .success();
}

#[test]
fn verify_other_app_id_names_both() {
    let token = generate(&["--app-id", "1", "--user-id", "u"]);
    zego_token()
        .args(["verify", &token, "--app-id", "2"])
        .assert()
        .code(17)
        .stderr(predicate::str::contains("made for app id 1 but 2 was expected"));
}

#[test]
fn verify_other_user_id_names_both() {
    let token = generate(&["--app-id", "1", "--user-id", "alice"]);
    zego_token()
        .args(["verify", &token, "--app-id", "1", "--user-id", "bob"])
        .assert()
        .code(18)
        .stderr(predicate::str::contains(
            "made for user id \"alice\" but \"bob\" was expected",
        ));
}

#[test]
fn verify_wrong_secret_says_so() {
    let token = generate(&["--app-id", "1", "--user-id", "u"]);
    zego_token()
        .env("ZEGO_SERVER_SECRET", OTHER_SECRET)
        .args(["verify", &token, "--app-id", "1"])
        .assert()
        .code(13)
        .stderr(predicate::str::contains("wrong secret or the token was altered"));
}

#[test]
fn verify_malformed_and_wrong_version_have_their_codes() {
    zego_token().args(["verify", "04!!", "--app-id", "1"]).assert().code(10);
    zego_token()
        .args(["verify", "03AAAAAAAA", "--app-id", "1"])
        .assert()
        .code(11);
}

#[test]
fn verify_json_gives_the_same_verdict_as_an_object() {
    let token = generate(&["--app-id", "1", "--user-id", "u"]);
    let out = zego_token()
        .args(["verify", &token, "--app-id", "2", "--json"])
        .assert()
        .code(17)
        .get_output()
        .stdout
        .clone();
    let verdict: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(verdict["valid"], false);
    assert_eq!(verdict["reason"], "app_id_mismatch");
    assert_eq!(
        (&verdict["error_code"], &verdict["exit_status"]),
        (&Value::from(32), &Value::from(17))
    );
    assert_eq!(verdict["message"], "made for app id 1 but 2 was expected");
    assert_eq!(verdict["claims"]["app_id"], 1);
}

#[test]
fn a_secret_on_argv_is_refused() {
    zego_token()
        .args(["generate", "--app-id", "1", "--user-id", "u", "--secret", SECRET])
        .assert()
        .code(3)
        .stdout("")
        .stderr(predicate::str::contains("can be read by other users"));
}

#[test]
fn a_missing_secret_names_the_three_ways_to_give_one() {
    Command::cargo_bin("zego-token")
        .unwrap()
        .env_remove("ZEGO_SERVER_SECRET")
        .args(["generate", "--app-id", "1", "--user-id", "u"])
        .assert()
        .code(3)
        .stderr(
            predicate::str::contains("ZEGO_SERVER_SECRET")
                .and(predicate::str::contains("--secret-file"))
                .and(predicate::str::contains("--secret-stdin")),
        );
}

#[test]
fn an_invalid_secret_is_refused_without_echoing_it() {
    zego_token()
        .env("ZEGO_SERVER_SECRET", "not-32-bytes-long-secret")
        .args(["generate", "--app-id", "1", "--user-id", "u"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("invalid").and(predicate::str::contains("not-32").not()));
}

#[test]
fn the_secret_can_come_from_stdin() {
    zego_token()
        .env_remove("ZEGO_SERVER_SECRET")
        .args(["generate", "--app-id", "1", "--user-id", "u", "--secret-stdin"])
        .write_stdin(format!("{SECRET}\n"))
        .assert()
        .success()
        .stdout(predicate::str::starts_with("04"));
}

#[test]
fn top_level_help_documents_the_exit_codes_and_secrets() {
    zego_token()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("15  the token has expired"))
        .stdout(predicate::str::contains("ZEGO_SERVER_SECRET environment variable"));
}

#[test]
fn subcommand_help_is_short_and_points_to_the_top_level_help() {
    for command in ["generate", "decode", "verify"] {
        zego_token()
            .args([command, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("EXIT CODES").not())
            .stdout(predicate::str::contains("zego-token --help"));
    }
}

#[test]
fn completions_are_generated() {
    zego_token()
        .args(["completions", "bash"])
        .assert()
        .success()
        .stdout(predicate::str::contains("zego-token"));
}

fn official_cbc_row() -> Value {
    vectors("official-tokens.jsonl")
        .into_iter()
        .find(|r| r["format"] == "cbc")
        .unwrap()
}

#[test]
fn decode_and_verify_say_a_legacy_token_is_not_authenticated() {
    let row = official_cbc_row();
    let token = row["token"].as_str().unwrap();
    let app_id = row["claims"]["app_id"].to_string();
    let ctime = row["claims"]["ctime"].to_string();
    zego_token()
        .env("ZEGO_SERVER_SECRET", row["secret"].as_str().unwrap())
        .args(["decode", token])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "legacy CBC token: this format is not authenticated",
        ));
    zego_token()
        .env("ZEGO_SERVER_SECRET", row["secret"].as_str().unwrap())
        .args(["verify", token, "--app-id", &app_id, "--now", &ctime])
        .assert()
        .success()
        .stdout(predicate::str::contains("(legacy CBC format: not authenticated)"));
}

#[test]
fn verify_require_gcm_refuses_a_legacy_token_with_exit_12() {
    let row = official_cbc_row();
    let app_id = row["claims"]["app_id"].to_string();
    let ctime = row["claims"]["ctime"].to_string();
    zego_token()
        .env("ZEGO_SERVER_SECRET", row["secret"].as_str().unwrap())
        .args([
            "verify",
            row["token"].as_str().unwrap(),
            "--app-id",
            &app_id,
            "--now",
            &ctime,
            "--require-gcm",
        ])
        .assert()
        .code(12)
        .stderr(predicate::str::contains("refused by --require-gcm"));
}

#[test]
fn decode_without_a_token_on_a_terminal_is_refused_not_a_silent_wait() {
    // A pseudo-terminal is not available in every test environment; `script` gives one.
    if std::process::Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: no `script` to make a terminal");
        return;
    }
    let binary = assert_cmd::cargo::cargo_bin("zego-token");
    let out = std::process::Command::new("script")
        .args(["-qec", &format!("{} decode", binary.display()), "/dev/null"])
        .env("ZEGO_SERVER_SECRET", SECRET)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(text.contains("no token given"), "{text}");
}

#[test]
fn a_negative_leeway_is_a_usage_error_naming_the_argument() {
    let token = generate(&["--app-id", "1", "--user-id", "u"]);
    for args in [["--leeway", "-5"], ["--leeway=-5", ""]] {
        let args: Vec<&str> = args.into_iter().filter(|a| !a.is_empty()).collect();
        zego_token()
            .args(["verify", &token, "--app-id", "1"])
            .args(&args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("--leeway"));
    }
}

#[test]
fn a_negative_app_id_is_a_usage_error_naming_the_argument() {
    zego_token()
        .args(["verify", "04AAAA", "--app-id", "-1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid value '-1' for '--app-id"));
}

#[test]
fn a_negative_now_is_a_time_not_a_flag() {
    let token = generate(&["--app-id", "1", "--user-id", "u"]);
    zego_token()
        .args(["verify", &token, "--app-id", "1", "--now", "-1"])
        .assert()
        .code(16);
}

#[test]
fn generate_ttl_zero_is_an_error_without_the_short_ttl_warning() {
    zego_token()
        .args(["generate", "--app-id", "1", "--user-id", "u", "--ttl", "0"])
        .assert()
        .code(4)
        .stderr(predicate::str::contains("warning").not());
}

#[test]
fn decode_and_verify_word_each_failure_the_same() {
    for token in ["04!!", "03AAAAAAAA", ""] {
        let decode = zego_token().args(["decode", token]).output().unwrap();
        let verify = zego_token().args(["verify", token, "--app-id", "1"]).output().unwrap();
        assert_eq!(decode.status.code(), verify.status.code(), "{token:?}");
        assert_eq!(
            String::from_utf8_lossy(&decode.stderr),
            String::from_utf8_lossy(&verify.stderr),
            "{token:?}"
        );
        assert_eq!(
            String::from_utf8_lossy(&decode.stderr).matches(". ").count(),
            0,
            "one sentence"
        );
    }
}

fn secret_file(content: &[u8]) -> tempfile::NamedTempFile {
    let mut file = tempfile::NamedTempFile::new().unwrap();
    std::io::Write::write_all(&mut file, content).unwrap();
    file
}

#[test]
fn a_secret_file_problem_is_named_without_showing_the_secret() {
    let cases: [(Vec<u8>, &str); 4] = [
        (
            [b"\xef\xbb\xbf".as_slice(), SECRET.as_bytes()].concat(),
            "byte order mark",
        ),
        (format!("# production\n{SECRET}\n").into_bytes(), "looks like a comment"),
        ("0123456789abcdef0123456789abcdeé".as_bytes().to_vec(), "non-ASCII"),
        (b"0123456789abcdef".to_vec(), "16 characters long"),
    ];
    for (content, cause) in cases {
        let file = secret_file(&content);
        zego_token()
            .args(["generate", "--app-id", "1", "--user-id", "u", "--secret-file"])
            .arg(file.path())
            .assert()
            .code(3)
            .stderr(predicate::str::contains(cause))
            .stderr(predicate::str::contains("0123456789abcdef").not());
    }
}

#[test]
fn a_missing_secret_file_is_an_io_error() {
    zego_token()
        .args([
            "generate",
            "--app-id",
            "1",
            "--user-id",
            "u",
            "--secret-file",
            "/nonexistent/secret",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "cannot read the secret file /nonexistent/secret",
        ));
}

#[test]
fn a_payload_that_is_not_json_needs_raw_payload() {
    zego_token()
        .args(["generate", "--app-id", "1", "--user-id", "u", "--payload", "not json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--raw-payload"));
    let token = generate(&[
        "--app-id",
        "1",
        "--user-id",
        "u",
        "--payload",
        "not json",
        "--raw-payload",
    ]);
    assert_eq!(decoded(&token)["payload"], "not json");
}

#[test]
fn a_reader_that_closes_early_is_not_an_error() {
    use std::process::{Command as Process, Stdio};
    let binary = assert_cmd::cargo::cargo_bin("zego-token");
    let mut child = Process::new(binary)
        .args(["completions", "bash"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader goes away before the script is written
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
}

fn finding_token(name: &str) -> String {
    let row = vectors("finding-tokens.jsonl")
        .into_iter()
        .find(|r| r["name"] == name)
        .unwrap_or_else(|| panic!("no vector {name}"));
    row["token"].as_str().unwrap().to_owned()
}

#[test]
fn decode_reads_a_user_id_over_64_characters_and_lists_the_finding() {
    for name in [
        "a 65-character user id, current format",
        "a 200-character user id, legacy format",
    ] {
        let out = zego_token()
            .args(["decode", &finding_token(name)])
            .assert()
            .success()
            .stderr(predicate::str::contains(
                "the claims break a generation rule: the user id is longer than 64 bytes",
            ))
            .get_output()
            .stdout
            .clone();
        let claims: Value = serde_json::from_slice(&out).unwrap();
        assert!(claims["user_id"].as_str().unwrap().len() > 64, "{name}");
        assert_eq!(claims["findings"], serde_json::json!(["user_id_too_long"]), "{name}");
    }
}

#[test]
fn decode_reads_an_empty_user_id_and_lists_the_finding() {
    let claims = decoded(&finding_token("an empty user id, legacy format"));
    assert_eq!(claims["user_id"], "");
    assert_eq!(claims["findings"], serde_json::json!(["user_id_empty"]));
}

#[test]
fn decode_lists_no_finding_for_a_token_within_the_rules() {
    let token = generate(&["--app-id", "7", "--user-id", "u"]);
    assert_eq!(decoded(&token)["findings"], serde_json::json!([]));
}

#[test]
fn verify_accepts_a_current_token_with_a_finding_and_says_so() {
    zego_token()
        .args(["verify", "--app-id", "1234567890", "--now", "1795349644"])
        .arg(finding_token("a 65-character user id, current format"))
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "(breaks a generation rule: the user id is longer than 64 bytes)",
        ));
}

#[test]
fn verify_refuses_a_legacy_token_with_a_finding_naming_the_rule() {
    zego_token()
        .args(["verify", "--app-id", "1234567890", "--now", "1795349644"])
        .arg(finding_token("an empty user id, legacy format"))
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "a legacy CBC token whose claims break a generation rule (the user id is empty)",
        ));
}

#[test]
fn verify_at_the_extremes_of_time_neither_panics_nor_flips_direction() {
    let token = finding_token("a 65-character user id, current format");
    zego_token()
        .args(["verify", "--app-id", "1234567890", "--now=-9223372035058197000"])
        .args(["--leeway", "9223372036854775807", &token])
        .assert()
        .success()
        .stdout(predicate::str::contains("expires in 106751991167286 days at"));
    zego_token()
        .args(["verify", "--app-id", "1234567890", "--now=-9223372036854775808", &token])
        .assert()
        .failure()
        .stderr(predicate::str::contains("106751991188080 days ahead of now"));
}
