//! The HTTP API: `POST /v1/token`, `GET /healthz`, `GET /readyz`, `GET /metrics`, and the layers
//! every request goes through (request id, metrics and one log line, timeout, CORS).

use crate::api_error::{ApiError, Kind, Outcome};
use crate::client_addr::client_addr;
use crate::metrics::Metrics;
use crate::request_id::ProcessCounter;
use crate::runtime::Runtime;
use crate::token_request::{TokenRequest, TokenResponse};
use arc_swap::ArcSwap;
use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::request_id::{PropagateRequestIdLayer, SetRequestIdLayer};

/// Every path the server answers, `/metrics` last (the OpenAPI file lists the same; a test
/// compares them).
pub const PATHS: &[&str] = &["/v1/token", "/healthz", "/readyz", "/metrics"];

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

pub struct AppState {
    pub runtime: ArcSwap<Runtime>,
    pub metrics: Arc<Metrics>,
    /// Set at SIGTERM: /readyz answers 503 while requests drain.
    pub draining: AtomicBool,
}

/// The user id a request was answered for, for its log line.
#[derive(Clone)]
struct AnsweredFor(String);

/// The main router; `/metrics` is on it unless it is served on an address of its own.
pub fn router(state: Arc<AppState>, with_metrics: bool) -> Router {
    let mut routes = Router::new()
        .route("/v1/token", post(issue_token))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz));
    if with_metrics {
        routes = routes.route("/metrics", get(metrics));
    }
    let routes = routes
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(state.clone());
    let cors_state = state.clone();
    let cors = CorsLayer::new()
        .allow_origin(AllowOrigin::predicate(move |origin: &HeaderValue, _| {
            cors_state
                .runtime
                .load()
                .config
                .cors
                .allowed_origins
                .iter()
                .any(|o| o.as_bytes() == origin.as_bytes())
        }))
        .allow_methods([Method::POST, Method::GET])
        .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE])
        .expose_headers([REQUEST_ID, header::RETRY_AFTER])
        .max_age(Duration::from_secs(600));
    let observed = Observed {
        app: state,
        paths: if with_metrics { PATHS } else { &PATHS[..PATHS.len() - 1] },
    };
    // The layers wrap the router once. (`Router::layer` would wrap every route and every method of
    // it, and axum clones the service it calls: that was the whole stack copied five times a
    // request.)
    let layered = ServiceBuilder::new()
        .layer(SetRequestIdLayer::new(REQUEST_ID, ProcessCounter))
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(middleware::from_fn_with_state(observed, observe))
        .layer(CatchPanicLayer::custom(internal_error))
        .layer(cors)
        .service(routes);
    Router::new().fallback_service(layered)
}

/// What [`observe`] needs: the server, and the paths the router answers (a request's `route`
/// label in metrics and logs is its path when it is one of them, `unmatched` otherwise).
#[derive(Clone)]
struct Observed {
    app: Arc<AppState>,
    paths: &'static [&'static str],
}

/// A router with `/metrics` alone, for `metrics.listen`.
pub fn metrics_router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/metrics", get(metrics))
        .fallback(not_found)
        .with_state(state)
}

/// Metrics, the request timeout and one log line per request (never a token, secret or JWT).
async fn observe(State(observed): State<Observed>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let state = &observed.app;
    let path = request.uri().path();
    let route = observed
        .paths
        .iter()
        .find(|p| **p == path)
        .copied()
        .unwrap_or("unmatched");
    let method = request.method().clone();
    let request_id = request
        .headers()
        .get(&REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let timeout = Duration::from_millis(state.runtime.load().config.limits.request_timeout_ms);
    state.metrics.in_flight.inc();
    let response = match tokio::time::timeout(timeout, next.run(request)).await {
        Ok(response) => response,
        Err(_) => ApiError::new(
            StatusCode::REQUEST_TIMEOUT,
            "request_timeout",
            Kind::Request,
            "the request took too long",
        )
        .into_response(),
    };
    state.metrics.in_flight.dec();
    let elapsed = started.elapsed();
    let status = response.status();
    let outcome = response
        .extensions()
        .get::<Outcome>()
        .copied()
        .unwrap_or(if status.is_success() {
            Outcome::OK
        } else {
            Outcome {
                reason: "other",
                kind: None,
            }
        });
    let m = &state.metrics;
    m.requests.with_label_values(&[route, outcome.reason]).inc();
    m.latency.with_label_values(&[route]).observe(elapsed.as_secs_f64());
    match outcome.kind {
        Some(Kind::Auth) => m.auth_failures.with_label_values(&[outcome.reason]).inc(),
        Some(Kind::RateLimited(scope)) => m.rate_limited.with_label_values(&[scope]).inc(),
        _ => {}
    }
    let user = response.extensions().get::<AnsweredFor>().map_or("", |u| u.0.as_str());
    // Strings as `&str` (not `%` Display), which the JSON formatter writes without formatting first.
    tracing::info!(
        request_id = request_id.as_str(),
        method = method.as_str(),
        route,
        status = status.as_u16(),
        outcome = outcome.reason,
        user_id = user,
        duration_us = elapsed.as_micros() as u64,
        "request"
    );
    response
}

async fn issue_token(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    request: Request,
) -> Result<Response, ApiError> {
    let runtime = state.runtime.load_full();
    let (parts, body) = request.into_parts();
    let address = client_addr(peer.ip(), &parts.headers, &runtime.config.proxy.trusted);
    runtime.limits.check_address(address)?;
    let caller = runtime.authenticator.authenticate(&parts.headers).await?;
    let request = read_request(&parts.headers, body, runtime.config.limits.max_body_bytes).await?;
    let user_id = match (&caller.user_id, &request.user_id) {
        (Some(_), Some(_)) => {
            return Err(ApiError::bad_request(
                "user_id_not_accepted",
                "the user id comes from your JWT; do not send user_id",
            ))
        }
        (Some(from_jwt), None) => from_jwt.clone(),
        (None, Some(named)) => named.clone(),
        (None, None) => return Err(ApiError::bad_request("user_id_required", "name the user: user_id")),
    };
    runtime.limits.check_user(&user_id)?;
    let grant = runtime.policy.decide(&request, &caller)?;
    let payload = grant.payload.as_ref().map(|p| p.to_json()).unwrap_or_default();
    let issued = runtime
        .generator
        .issue(&user_id, grant.ttl, &payload)
        .map_err(ApiError::from_library)?;
    let kind = if grant.payload.is_some() { "room" } else { "basic" };
    state.metrics.tokens_issued.with_label_values(&[kind]).inc();
    let expires_at = time::OffsetDateTime::from_unix_timestamp(issued.expire)
        .ok()
        .and_then(|t| t.format(&time::format_description::well_known::Rfc3339).ok())
        .unwrap_or_default();
    let body = TokenResponse {
        token: issued.token,
        app_id: runtime.generator.app_id(),
        user_id: user_id.clone(),
        expires_at,
        expire: issued.expire,
    };
    // Into a buffer the token's size (axum's Json starts at 128 bytes and grows twice).
    let mut json = Vec::with_capacity(body.token.len() + 192);
    serde_json::to_writer(&mut json, &body).map_err(|_| internal())?;
    let headers = [
        (header::CONTENT_TYPE, "application/json"),
        (header::CACHE_CONTROL, "no-store"),
    ];
    let mut response = (StatusCode::OK, headers, json).into_response();
    response.extensions_mut().insert(Outcome::OK);
    response.extensions_mut().insert(AnsweredFor(user_id));
    Ok(response)
}

/// The body as a [`TokenRequest`]: at most `limit` bytes, JSON, an empty body being `{}`.
async fn read_request(headers: &axum::http::HeaderMap, body: Body, limit: usize) -> Result<TokenRequest, ApiError> {
    let bytes = axum::body::to_bytes(body, limit).await.map_err(|_| {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "body_too_large",
            Kind::Request,
            format!("the body is over {limit} bytes"),
        )
    })?;
    if bytes.is_empty() {
        return Ok(TokenRequest::default());
    }
    let json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("application/json"));
    if !json {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            Kind::Request,
            "send the body as Content-Type: application/json",
        ));
    }
    serde_json::from_slice(&bytes).map_err(|e| {
        let reason = if e.is_data() { "invalid_request" } else { "invalid_json" };
        ApiError::bad_request(reason, e.to_string())
    })
}

async fn healthz() -> Response {
    (StatusCode::OK, Json(serde_json::json!({"status": "ok"}))).into_response()
}

async fn readyz(State(state): State<Arc<AppState>>) -> Response {
    let not_ready = if state.draining.load(Ordering::Relaxed) {
        Some("draining")
    } else {
        state.runtime.load().authenticator.ready().err()
    };
    match not_ready {
        None => (StatusCode::OK, Json(serde_json::json!({"status": "ready"}))).into_response(),
        Some(reason) => (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(serde_json::json!({"status": "not_ready", "reason": reason})),
        )
            .into_response(),
    }
}

async fn metrics(State(state): State<Arc<AppState>>) -> Response {
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")],
        state.metrics.render(),
    )
        .into_response()
}

/// A bug in a handler: 500 with the usual error body, never the panic's message or a backtrace.
fn internal_error(_: Box<dyn std::any::Any + Send + 'static>) -> Response {
    tracing::error!("a request handler panicked");
    internal().into_response()
}

fn internal() -> ApiError {
    ApiError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        "internal_error",
        Kind::Unavailable,
        "internal error",
    )
}

async fn not_found() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "not_found",
        Kind::Request,
        "no such endpoint; see docs/server.md",
    )
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        Kind::Request,
        "this endpoint does not take that method",
    )
}
