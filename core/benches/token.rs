//! criterion benchmarks: one-shot generation, the reusable generator, decode and verify, each
//! with an empty payload and with an RTC room privilege payload.
//!
//!     cargo bench -p zego-token --bench token

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use zego_token::{decode, generate, verify, Generator, RtcRoomPayload, VerifyOptions};

const APP_ID: u32 = 1_234_567_890;
const SECRET: &str = "0123456789abcdef0123456789abcdef";
const USER_ID: &str = "user_123456";

fn payloads() -> [(&'static str, String); 2] {
    let room = RtcRoomPayload::new("room1", true, false, None).unwrap().to_json();
    [("empty payload", String::new()), ("privilege payload", room)]
}

fn benchmarks(c: &mut Criterion) {
    let generator = Generator::new(APP_ID, SECRET).unwrap();
    for (name, payload) in payloads() {
        let mut group = c.benchmark_group(name);
        group.bench_function("one-shot generate", |b| {
            b.iter(|| generate(APP_ID, black_box(USER_ID), SECRET, 3600, &payload).unwrap())
        });
        group.bench_function("reusable generator", |b| {
            b.iter(|| generator.generate(black_box(USER_ID), 3600, &payload).unwrap())
        });
        let token = generator.generate(USER_ID, 3600, &payload).unwrap();
        group.bench_function("decode", |b| b.iter(|| decode(black_box(&token), SECRET).unwrap()));
        let options = VerifyOptions::new();
        group.bench_function("verify", |b| {
            b.iter(|| verify(black_box(&token), SECRET, APP_ID, &options).unwrap())
        });
        group.bench_function("generator decode", |b| {
            b.iter(|| generator.decode(black_box(&token)).unwrap())
        });
        group.finish();
    }
}

criterion_group!(benches, benchmarks);
criterion_main!(benches);
