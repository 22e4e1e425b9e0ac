//! Sealing one token's plaintext (the size a Token04's claims take: about 110 bytes for a basic
//! token, 200 to 300 with a privilege payload) with a key expanded once, as the core's `Generator`
//! does: aes-gcm 0.11 (the core's) against ring 0.17.

use aes_gcm::aead::inout::InOutBuf;
use aes_gcm::{AeadInOut, Aes256Gcm, KeyInit, Nonce};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use ring::aead::{LessSafeKey, UnboundKey, AES_256_GCM};

const KEY: &[u8; 32] = b"0123456789abcdef0123456789abcdef";

fn seal(c: &mut Criterion) {
    let rustcrypto = Aes256Gcm::new(KEY.into());
    let ring_key = LessSafeKey::new(UnboundKey::new(&AES_256_GCM, KEY).unwrap());
    let mut group = c.benchmark_group("seal");
    for len in [112usize, 208, 304] {
        group.throughput(Throughput::Bytes(len as u64));
        let mut buf = vec![0x41u8; len];
        let mut nonce = [0u8; 12];
        group.bench_with_input(BenchmarkId::new("aes-gcm 0.11", len), &len, |b, _| {
            b.iter(|| {
                nonce[0] = nonce[0].wrapping_add(1);
                rustcrypto
                    .encrypt_inout_detached(&Nonce::from(nonce), &[], InOutBuf::from(buf.as_mut_slice()))
                    .unwrap()
            })
        });
        group.bench_with_input(BenchmarkId::new("ring 0.17", len), &len, |b, _| {
            b.iter(|| {
                nonce[0] = nonce[0].wrapping_add(1);
                ring_key
                    .seal_in_place_separate_tag(ring::aead::Nonce::assume_unique_for_key(nonce), ring::aead::Aad::empty(), &mut buf)
                    .unwrap()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, seal);
criterion_main!(benches);
