//! Makes N tokens with one reusable `Generator`: the workload `benches/profile.sh` profiles.
//!
//!     cargo run --release -p zego-token --example generate_many -- [N] [basic|privilege]

use std::hint::black_box;

use zego_token::{Generator, RtcRoomPayload};

fn main() -> Result<(), zego_token::Error> {
    let mut args = std::env::args().skip(1);
    let n: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let payload = match args.next().as_deref() {
        Some("privilege") => RtcRoomPayload::new("room-1", true, true, None)?.to_json(),
        _ => String::new(),
    };
    let generator = Generator::new(1234567890, "0123456789abcdef0123456789abcdef")?;
    let mut buffer = vec![0u8; 1024];
    let mut bytes = 0usize;
    for _ in 0..n {
        bytes += generator.generate_into(black_box("user_123456"), 3600, black_box(&payload), &mut buffer)?;
    }
    println!("{n} tokens, {bytes} bytes");
    Ok(())
}
