//! zego-token-server against the endpoint customers write by hand (a careful Go net/http service,
//! benches/server/go-baseline), side by side in one run: the same load generator (tests/common/load.rs),
//! concurrency 64, interleaved rounds, medians. zego-token-server runs with every production layer
//! on: rate limits (per user and per address, checked on every request but set above this load),
//! metrics, a JSON log line per request (written to a pipe this process reads, as a log shipper
//! would). Then where the time goes: the per-request costs measured alone.
//!
//!   cargo bench -p zego-token-server --bench endpoint -- [rounds] [seconds]

#[path = "../tests/common/mod.rs"]
mod common;
#[allow(dead_code)]
#[path = "../src/jwt_crypto.rs"]
mod jwt_crypto;

use common::load::{self, LoadReport, LoadSpec};
use common::*;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

const LIMITS: &str = "[limits]\nper_user_per_minute = 100000000\nper_user_burst = 100000\nper_address_per_minute = 100000000\nper_address_burst = 100000\n";

struct Target {
    name: &'static str,
    server: Server,
    make: load::MakeRequest,
    runs: Vec<LoadReport>,
    /// The server's CPU time per answered request, microseconds (user, system), per run.
    cpu: Vec<(f64, f64)>,
}

/// The process's user and system CPU time so far, seconds (/proc/PID/stat, clock ticks of 1/100 s).
fn cpu_seconds(pid: u32) -> (f64, f64) {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    let fields: Vec<&str> = stat[stat.rfind(')').unwrap() + 2..].split(' ').collect();
    (
        fields[11].parse::<f64>().unwrap() / 100.0,
        fields[12].parse::<f64>().unwrap() / 100.0,
    )
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(|a, b| a.partial_cmp(b).unwrap());
    values[values.len() / 2]
}

/// The Go baseline; with `constant`, the floor of its stack (one answer made at start, sent to all).
fn go_baseline(root: &Path, constant: bool) -> Server {
    let out = root.join("target/bench/go-baseline");
    let status = Command::new("go")
        .args(["build", "-o"])
        .arg(&out)
        .arg(".")
        .current_dir(root.join("benches/server/go-baseline"))
        .status()
        .expect("go, to build the baseline");
    assert!(status.success());
    let dir = tempfile::tempdir().unwrap();
    write_secrets(dir.path());
    let mut command = Command::new(out);
    command
        .args(["-listen", "127.0.0.1:0", "-app-id", &APP_ID.to_string(), "-secret-file"])
        .arg(dir.path().join("secret"));
    if constant {
        command.arg("-constant");
    }
    Server::spawn(command, dir)
}

/// The floor of zego-token-server's stack: examples/constant_endpoint.rs (hyper and tokio as the
/// server sets them up, a constant answer, no layers, no token).
fn hyper_floor(root: &Path) -> Server {
    let status = Command::new(env!("CARGO"))
        .args([
            "build",
            "--release",
            "-p",
            "zego-token-server",
            "--example",
            "constant_endpoint",
        ])
        .current_dir(root)
        .status()
        .expect("cargo, to build the constant endpoint");
    assert!(status.success());
    let target_dir = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), Into::into);
    let mut command = Command::new(target_dir.join("release/examples/constant_endpoint"));
    command.arg("127.0.0.1:0");
    Server::spawn(command, tempfile::tempdir().unwrap())
}

fn jwt_server(key: &SigningKey) -> Server {
    let dir = tempfile::tempdir().unwrap();
    let jwks = dir.path().join("jwks.json");
    std::fs::write(&jwks, serde_json::json!({"keys": [key.jwk]}).to_string()).unwrap();
    let config = jwt_config_with_key_file("jwks_file", &jwks, LIMITS);
    let server = Server::start(&config);
    std::mem::forget(dir);
    server
}

/// One request's body for user `i`: a room token with the login privilege, the common RTC case.
fn body(with_user: bool, i: usize) -> String {
    if with_user {
        format!("{{\"user_id\":\"user-{}\",\"room_id\":\"room-1\"}}", i % 1000)
    } else {
        "{\"room_id\":\"room-1\"}".to_string()
    }
}

fn per_call<F: FnMut()>(n: u32, mut f: F) -> f64 {
    let mut rounds = Vec::new();
    for _ in 0..7 {
        let started = Instant::now();
        for _ in 0..n {
            f();
        }
        rounds.push(started.elapsed().as_secs_f64() * 1e6 / f64::from(n));
    }
    median(rounds)
}

fn main() {
    let args: Vec<u64> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let rounds = args.first().copied().unwrap_or(3) as usize;
    let seconds = args.get(1).copied().unwrap_or(5);
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let k = keys();
    let es_jwts: Arc<Vec<String>> = Arc::new((0..256).map(|i| sign(&k.ec, &claims(&format!("user-{i}")))).collect());
    let rs_jwts: Arc<Vec<String>> = Arc::new((0..256).map(|i| sign(&k.rsa, &claims(&format!("user-{i}")))).collect());
    let jwt_make = |jwts: Arc<Vec<String>>| -> load::MakeRequest {
        Arc::new(move |worker, n| {
            (
                Some(jwts[(worker * 7 + n as usize) % jwts.len()].clone()),
                body(false, 0),
            )
        })
    };
    let key_make: load::MakeRequest =
        Arc::new(|worker, n| (Some(API_KEY.to_string()), body(true, worker * 7919 + n as usize)));
    let mut targets = vec![
        Target {
            name: "Go net/http, hand-written (no auth, no limits, no metrics, no logs)",
            server: go_baseline(&root, false),
            make: key_make.clone(),
            runs: vec![],
            cpu: vec![],
        },
        Target {
            name: "floor: Go net/http answering a constant (no JSON, no token)",
            server: go_baseline(&root, true),
            make: key_make.clone(),
            runs: vec![],
            cpu: vec![],
        },
        Target {
            name: "floor: hyper + tokio answering a constant (zego-token-server's stack, no layers, no token)",
            server: hyper_floor(&root),
            make: key_make.clone(),
            runs: vec![],
            cpu: vec![],
        },
        Target {
            name: "zego-token-server, api-key mode, every layer on",
            server: Server::start(&api_key_config(LIMITS)),
            make: key_make,
            runs: vec![],
            cpu: vec![],
        },
        Target {
            name: "zego-token-server, JWT mode ES256, every layer on",
            server: jwt_server(&k.ec),
            make: jwt_make(es_jwts.clone()),
            runs: vec![],
            cpu: vec![],
        },
        Target {
            name: "zego-token-server, JWT mode RS256, every layer on",
            server: jwt_server(&k.rsa),
            make: jwt_make(rs_jwts.clone()),
            runs: vec![],
            cpu: vec![],
        },
    ];
    for round in 0..=rounds {
        for target in &mut targets {
            let duration = if round == 0 {
                Duration::from_secs(1)
            } else {
                Duration::from_secs(seconds)
            };
            let spec = LoadSpec {
                address: target.server.address,
                concurrency: 64,
                duration,
                make: target.make.clone(),
            };
            let before = cpu_seconds(target.server.child.id());
            let report = runtime.block_on(load::run(spec));
            let after = cpu_seconds(target.server.child.id());
            let per = |a: f64, b: f64| (b - a) * 1e6 / report.ok as f64;
            assert_eq!(report.failed(), 0, "{}: {}", target.name, report.summary());
            eprintln!("round {round}: {}: {}", target.name, report.summary());
            if round > 0 {
                target.cpu.push((per(before.0, after.0), per(before.1, after.1)));
                target.runs.push(report);
            }
        }
    }

    let mut out = String::new();
    out.push_str(&format!(
        "POST /v1/token (a room token), concurrency 64, {rounds} interleaved rounds of {seconds} s, medians:\n\n| server | requests/s | p50 ms | p99 ms | vs Go | server CPU µs/request (user + system) |\n|---|---:|---:|---:|---:|---:|\n"
    ));
    let go_rps = median(targets[0].runs.iter().map(LoadReport::per_second).collect());
    for t in &targets {
        let rps = median(t.runs.iter().map(LoadReport::per_second).collect());
        let p50 = median(t.runs.iter().map(|r| r.percentile(0.5).as_secs_f64() * 1e3).collect());
        let p99 = median(t.runs.iter().map(|r| r.percentile(0.99).as_secs_f64() * 1e3).collect());
        let user = median(t.cpu.iter().map(|c| c.0).collect());
        let system = median(t.cpu.iter().map(|c| c.1).collect());
        out.push_str(&format!(
            "| {} | {:.0} | {:.3} | {:.3} | {:.2}x | {:.1} + {:.1} |\n",
            t.name,
            rps,
            p50,
            p99,
            rps / go_rps,
            user,
            system
        ));
    }

    // Where the time goes: each step of a request alone, on one thread.
    let generator = zego_token::Generator::new(APP_ID, SECRET).unwrap();
    let payload = zego_token::RtcRoomPayload::new("room-1", true, false, None)
        .unwrap()
        .to_json();
    let token_us = per_call(20_000, || {
        std::hint::black_box(generator.issue("user-1", 3600, &payload).unwrap());
    });
    // The server's own verifier (ring, src/jwt_crypto.rs): the signature of one JWT, checked alone.
    let verify_us = |key: &SigningKey, jwt: &str| {
        let decoding = jsonwebtoken::DecodingKey::from_jwk(&serde_json::from_value(key.jwk.clone()).unwrap()).unwrap();
        let (signed, signature) = jwt.rsplit_once('.').unwrap();
        let signature = base64::Engine::decode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, signature).unwrap();
        per_call(2_000, || {
            let verifier = (jwt_crypto::RING.verifier_factory)(&key.alg, &decoding).unwrap();
            jsonwebtoken::signature::Verifier::verify(&*verifier, signed.as_bytes(), &signature).unwrap();
        })
    };
    let es = verify_us(&k.ec, &es_jwts[0]);
    let rs = verify_us(&k.rsa, &rs_jwts[0]);
    out.push_str(&format!(
        "\nWhere the time goes (one thread, median of 7 rounds): making the token (`Generator::issue`, room payload) {token_us:.2} µs; verifying a JWT's signature with ring: ES256 {es:.1} µs, RS256 (2048-bit) {rs:.1} µs.\n"
    ));
    print!("{out}");
    std::fs::create_dir_all(root.join("target/bench")).unwrap();
    std::fs::write(root.join("target/bench/server.md"), &out).unwrap();
}
