//! The floor of zego-token-server's HTTP stack, for the benchmark (benches/endpoint.rs): the same
//! tokio runtime, hyper-util connection builder and socket settings as the server (src/serve.rs),
//! every request's body read and the same answer sent back (a real token answer, so the same size),
//! with no routing, no layers, no authentication and no token made. What zego-token-server costs
//! above this is its own work; what this costs is hyper, tokio and the kernel.
//!
//!   cargo run --release -p zego-token-server --example constant_endpoint -- 127.0.0.1:0

use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use hyper::header::{HeaderValue, CACHE_CONTROL, CONTENT_TYPE};
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto::Builder;
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

const ANSWER: &str = r#"{"token":"04AAAAAGsWJigADPZS0kc1c2lmfXEKRQDF8kEmnZDjvwtFTVUZfLPdNnYtLwuLZ94lPMaFSYWLwMNiLmoorHt7Q3BDr+7MJrZqJv7bWxjy+9XNEEibhax2cLGYBYt60wrJw5Z8Tch9LFZ0mK92rC+Z4xfOxwGmawRBamUOfj4l1udf04wgwP/qE2vCRpo8ZQDSuSo53CXjwmu8pxu6e3wbxaJegf5simp8415Xz5kZ0pu65Suzc5WSO5oAHQCE1aejN2o7+hct4ucB9GvReRItjivcmZXgB+zD7QfEEcsB","app_id":1234567890,"user_id":"user-1","expires_at":"2026-12-07T03:21:12Z","expire":1796613672}"#;

async fn answer(request: Request<Incoming>) -> Result<Response<Full<Bytes>>, Infallible> {
    let mut response = match Limited::new(request.into_body(), 16 * 1024).collect().await {
        Ok(_) => Response::new(Full::new(Bytes::from_static(ANSWER.as_bytes()))),
        Err(_) => {
            let mut refused = Response::new(Full::new(Bytes::new()));
            *refused.status_mut() = StatusCode::BAD_REQUEST;
            refused
        }
    };
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

#[tokio::main]
async fn main() {
    let listen = std::env::args().nth(1).unwrap_or_else(|| "127.0.0.1:0".into());
    let listener = tokio::net::TcpListener::bind(&listen)
        .await
        .expect("the address to listen on");
    eprintln!(
        "{{\"message\":\"listening\",\"address\":\"{}\"}}",
        listener.local_addr().expect("a bound address")
    );
    let mut builder = Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(Duration::from_secs(5));
    let builder = Arc::new(builder);
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        let _ = stream.set_nodelay(true);
        let builder = builder.clone();
        tokio::spawn(async move {
            let service = hyper::service::service_fn(answer);
            let _ = builder.serve_connection(TokioIo::new(stream), service).await;
        });
    }
}
