//! The server under load and under faults: 30 s at concurrency 64 (JWT mode, every layer on) with
//! the identity provider killed and a broken reload in the middle, SIGTERM in the middle of a load,
//! and a thousand slow connections beside normal clients. ZEGO_SERVER_LOAD_SECONDS shortens or
//! lengthens the long run.

mod common;

use common::load::{self, LoadSpec};
use common::*;
use serde_json::json;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Whether the other end closed the connection (reading gives its end, or a reset).
fn closed_by_peer(mut stream: &TcpStream) -> bool {
    stream.set_read_timeout(Some(Duration::from_secs(2))).unwrap();
    let mut buffer = [0u8; 512];
    loop {
        match stream.read(&mut buffer) {
            Ok(0) => return true,
            Ok(_) => continue,
            Err(e) if matches!(e.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut) => {
                return false
            }
            Err(_) => return true,
        }
    }
}

/// More file descriptors than the default 1024, for a thousand connections and their peers.
fn raise_fd_limit() {
    unsafe {
        let mut limit = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0 && limit.rlim_cur < 8192 {
            limit.rlim_cur = limit.rlim_max.min(8192);
            libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
        }
    }
}

/// Limits that are on (every request is checked) but far above this load.
const HIGH_LIMITS: &str = "[limits]\nper_user_per_minute = 100000000\nper_user_burst = 100000\nper_address_per_minute = 100000000\nper_address_burst = 100000\n";

fn report_path(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_long_load_with_the_provider_killed_and_a_broken_reload_fails_no_request() {
    let seconds: u64 = std::env::var("ZEGO_SERVER_LOAD_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(30);
    let mut idp = Idp::start(vec![keys().ec.jwk.clone()]).await;
    let config = jwt_config(&idp.url(), HIGH_LIMITS);
    let server = Arc::new(Server::start(&config));
    // 256 users, a JWT each, signed once (a client reuses its JWT until it expires).
    let jwts: Arc<Vec<String>> = Arc::new(
        (0..256)
            .map(|i| sign(&keys().ec, &claims(&format!("user-{i}"))))
            .collect(),
    );
    let make: load::MakeRequest = {
        let jwts = jwts.clone();
        Arc::new(move |worker, n| {
            (
                Some(jwts[(worker * 7 + n as usize) % jwts.len()].clone()),
                r#"{"room_id":"room-1"}"#.to_string(),
            )
        })
    };
    let spec = LoadSpec {
        address: server.address,
        concurrency: 64,
        duration: Duration::from_secs(seconds),
        make,
    };
    let running = tokio::spawn(load::run(spec));

    let at = |fraction: f64| Duration::from_secs_f64(seconds as f64 * fraction);
    let started = Instant::now();
    let sleep_until = |t: Duration| tokio::time::sleep(t.saturating_sub(started.elapsed()));
    sleep_until(at(0.2)).await;
    let rss_early = server.rss_kib();
    sleep_until(at(0.3)).await;
    idp.stop().await;
    sleep_until(at(0.45)).await;
    server.rewrite_config(&config.replace("{dir}/secret\"", "{dir}/no-such-secret\""));
    server.reload(RELOAD_FAILED);
    sleep_until(at(0.6)).await;
    server.rewrite_config(&config);
    server.reload(RELOADED);
    let report = running.await.unwrap();
    let rss_late = server.rss_kib();

    let text = format!(
        "zego-token-server, JWT mode (ES256), every layer on, concurrency 64, {seconds} s, the provider killed at {:.0} s, a broken reload at {:.0} s, a good one at {:.0} s:\n{}\nresident memory: {} KiB at {:.0} s, {} KiB at the end\n",
        at(0.3).as_secs_f64(),
        at(0.45).as_secs_f64(),
        at(0.6).as_secs_f64(),
        report.summary(),
        rss_early,
        at(0.2).as_secs_f64(),
        rss_late
    );
    std::fs::write(report_path("server-load.txt"), &text).unwrap();
    println!("{text}");
    assert!(report.ok > 1000, "{text}");
    assert_eq!(report.failed(), 0, "{text}");
    assert_eq!(report.refused, 0, "{text}");
    assert!(rss_late <= rss_early + 16 * 1024, "memory grew: {text}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_in_the_middle_of_a_load_answers_every_accepted_request() {
    let server = Server::start(&api_key_config(HIGH_LIMITS));
    let make: load::MakeRequest =
        Arc::new(|worker, _| (Some(API_KEY.to_string()), format!("{{\"user_id\":\"u{worker}\"}}")));
    let running = tokio::spawn(load::run(LoadSpec {
        address: server.address,
        concurrency: 32,
        duration: Duration::from_secs(4),
        make,
    }));
    tokio::time::sleep(Duration::from_secs(1)).await;
    // Requests accepted and in flight at SIGTERM: headers and half the body sent.
    let body = format!("{{\"user_id\":\"slow\",\"ttl\":{}}}", 3600);
    let (first, rest) = body.split_at(body.len() / 2);
    let mut in_flight: Vec<TcpStream> = (0..8)
        .map(|_| {
            let mut stream = TcpStream::connect(server.address).unwrap();
            write!(
                stream,
                "POST /v1/token HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer {API_KEY}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{first}",
                body.len()
            )
            .unwrap();
            stream
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(200)).await;
    server.signal("TERM");
    tokio::time::sleep(Duration::from_millis(300)).await;
    for stream in &mut in_flight {
        stream.write_all(rest.as_bytes()).unwrap();
    }
    for stream in &mut in_flight {
        stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let mut answer = String::new();
        let _ = stream.read_to_string(&mut answer);
        assert!(
            answer.starts_with("HTTP/1.1 200"),
            "an accepted request was not answered: {answer:?}"
        );
        assert!(answer.contains("\"token\":\"04"), "{answer}");
    }
    let report = running.await.unwrap();
    // Requests that got an answer got a good one; the rest were never accepted (refused after the stop).
    assert!(report.statuses.is_empty(), "{}", report.summary());
    assert!(report.ok > 100, "{}", report.summary());
    assert!(
        TcpStream::connect(server.address).is_err(),
        "still accepting after SIGTERM"
    );
    server.wait_for_log("stopped", 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_slow_connections_do_not_starve_others() {
    raise_fd_limit();
    let server = Server::start(&api_key_config(
        "[limits]\nheader_timeout_ms = 2000\nper_address_per_minute = 100000000\n",
    ));
    let slow: Vec<TcpStream> = (0..1000)
        .map(|_| {
            let mut stream = TcpStream::connect(server.address).unwrap();
            stream
                .write_all(b"POST /v1/token HTTP/1.1\r\nHost: t\r\nX-Slow: ")
                .unwrap();
            stream
        })
        .collect();
    let started = Instant::now();
    for i in 0..50 {
        let asked = Instant::now();
        let (status, body) = ask(&server, Some(API_KEY), json!({"user_id": format!("u{i}")})).await;
        assert_eq!(status, 200, "{body}");
        assert!(
            asked.elapsed() < Duration::from_secs(1),
            "a normal request waited {:?}",
            asked.elapsed()
        );
    }
    // Past the header deadline, the server has closed the slow connections.
    tokio::time::sleep(Duration::from_millis(2500).saturating_sub(started.elapsed())).await;
    let closed = slow.iter().filter(|stream| closed_by_peer(stream)).count();
    assert_eq!(closed, 1000, "slow connections still open past the header deadline");
}
