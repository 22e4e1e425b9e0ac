//! Prometheus metrics: requests by route and outcome, latency, tokens issued, auth failures by
//! reason, rate-limited requests, JWKS fetches and failures, config reloads.

use prometheus::{
    Encoder, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGauge, Opts, Registry, TextEncoder,
};

pub struct Metrics {
    registry: Registry,
    pub requests: IntCounterVec,
    pub latency: HistogramVec,
    pub in_flight: IntGauge,
    pub tokens_issued: IntCounterVec,
    pub auth_failures: IntCounterVec,
    pub rate_limited: IntCounterVec,
    pub jwks_refreshes: IntCounter,
    pub jwks_refresh_failures: IntCounter,
    pub reloads: IntCounterVec,
}

impl Metrics {
    pub fn new() -> Metrics {
        let registry = Registry::new_custom(Some("zego_token_server".into()), None).expect("a registry");
        let counter = |name: &str, help: &str, labels: &[&str]| {
            let c = IntCounterVec::new(Opts::new(name, help), labels).expect("a counter");
            registry.register(Box::new(c.clone())).expect("registered once");
            c
        };
        let requests = counter(
            "requests_total",
            "Requests by route and outcome (ok or the error reason).",
            &["route", "outcome"],
        );
        let tokens_issued = counter("tokens_issued_total", "Tokens issued, basic or room.", &["kind"]);
        let auth_failures = counter(
            "auth_failures_total",
            "Requests refused for who is asking, by reason.",
            &["reason"],
        );
        let rate_limited = counter(
            "rate_limited_total",
            "Requests refused by a rate limit, by scope.",
            &["scope"],
        );
        let reloads = counter("config_reloads_total", "SIGHUP reloads, by result.", &["result"]);
        let latency = HistogramVec::new(
            HistogramOpts::new("request_duration_seconds", "Time to answer a request, by route.").buckets(vec![
                0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
            ]),
            &["route"],
        )
        .expect("a histogram");
        registry.register(Box::new(latency.clone())).expect("registered once");
        let in_flight = IntGauge::new("in_flight_requests", "Requests being answered.").expect("a gauge");
        registry.register(Box::new(in_flight.clone())).expect("registered once");
        let jwks_refreshes =
            IntCounter::new("jwks_refreshes_total", "JWKS fetches that succeeded.").expect("a counter");
        registry
            .register(Box::new(jwks_refreshes.clone()))
            .expect("registered once");
        let jwks_refresh_failures =
            IntCounter::new("jwks_refresh_failures_total", "JWKS fetches that failed.").expect("a counter");
        registry
            .register(Box::new(jwks_refresh_failures.clone()))
            .expect("registered once");
        Metrics {
            registry,
            requests,
            latency,
            in_flight,
            tokens_issued,
            auth_failures,
            rate_limited,
            jwks_refreshes,
            jwks_refresh_failures,
            reloads,
        }
    }

    /// The text exposition format.
    pub fn render(&self) -> String {
        let mut out = Vec::new();
        TextEncoder::new()
            .encode(&self.registry.gather(), &mut out)
            .expect("text encoding");
        String::from_utf8(out).expect("the text format is UTF-8")
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics::new()
    }
}
