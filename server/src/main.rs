//! zego-token-server: the authenticated endpoint that gives a ZEGO app's clients their Token04.
//! See docs/server.md.

mod api_error;
mod api_key;
mod authenticator;
mod caller;
mod client_addr;
mod config;
mod config_error;
mod json_lines;
mod jwt;
mod jwt_crypto;
mod key_set;
mod log_writer;
mod metrics;
#[cfg(test)]
mod openapi_tests;
mod policy;
mod rate_limit;
mod remote_jwks;
mod request_id;
mod routes;
mod runtime;
mod secret_file;
mod serve;
mod server;
mod tls;
mod token_request;

/// On Linux, mimalloc: the release's static musl build with musl's own allocator spent more time in
/// the kernel (madvise, munmap) than a glibc build spent on the whole request.
#[cfg(target_os = "linux")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::Parser;
use std::path::PathBuf;
use std::process::ExitCode;

/// The authenticated ZEGO Token04 endpoint. Secrets come from files named in the config (or
/// ZEGO_SERVER_SECRET_FILES), never from the command line.
#[derive(Parser)]
#[command(name = "zego-token-server", version, about)]
struct Cli {
    /// The configuration file (TOML).
    #[arg(
        long,
        short,
        env = "ZEGO_TOKEN_SERVER_CONFIG",
        default_value = "/etc/zego-token-server/config.toml"
    )]
    config: PathBuf,
    /// Check this configuration (the file, its secret and key files, the certificate) and exit:
    /// 0 when it can be used, 1 with the reason otherwise.
    #[arg(long, value_name = "FILE")]
    check_config: Option<PathBuf>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    jwt_crypto::install();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    let result = match cli.check_config {
        Some(path) => runtime.block_on(server::check_config(&path)),
        None => runtime.block_on(server::run(&cli.config)),
    };
    log_writer::flush();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("zego-token-server: {e}");
            ExitCode::FAILURE
        }
    }
}
