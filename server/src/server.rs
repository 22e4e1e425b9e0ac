//! Starting, reloading (SIGHUP) and stopping (SIGTERM, SIGINT) the server.

use crate::config::{AuthMode, Config, LogConfig};
use crate::config_error::ConfigError;
use crate::json_lines::JsonLines;
use crate::log_writer;
use crate::metrics::Metrics;
use crate::routes::{self, AppState};
use crate::runtime::Runtime;
use crate::serve::{serve, ServeLimits};
use crate::tls::{self, ReloadableCert};
use arc_swap::ArcSwap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tracing_subscriber::EnvFilter;

/// `--check-config`: everything a start reads, without listening.
pub async fn check_config(path: &Path) -> Result<(), ConfigError> {
    let config = Config::load(path)?;
    if let Some(tls) = &config.tls {
        tls::load(tls)?;
    }
    let runtime = Runtime::build(config, &Arc::new(Metrics::new()), None).await?;
    if let Err(reason) = runtime.authenticator.ready() {
        println!(
            "{}: usable, but not ready now ({reason}): the JWKS could not be fetched",
            path.display()
        );
    } else {
        println!("{}: ok", path.display());
    }
    Ok(())
}

fn init_logging(log: &LogConfig) -> Result<(), ConfigError> {
    let filter = EnvFilter::try_new(&log.level).map_err(|e| ConfigError::new(format!("log.level: {e}")))?;
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(log_writer::BatchedStderr)
        .with_target(false);
    if log.format == "json" {
        builder.event_format(JsonLines).init();
    } else {
        builder.init();
    }
    Ok(())
}

pub async fn run(path: &Path) -> Result<(), ConfigError> {
    // Before anything can be asked of the server, so that no signal finds the default action.
    let signals = Signals::install();
    let config = Config::load(path)?;
    init_logging(&config.log)?;
    let metrics = Arc::new(Metrics::new());
    let cert = match &config.tls {
        Some(tls) => Some(Arc::new(ReloadableCert::new(tls::load(tls)?))),
        None => None,
    };
    let listen = config.listen;
    let metrics_listen = config.metrics.listen.filter(|_| config.metrics.enabled);
    let metrics_on_main = config.metrics.enabled && metrics_listen.is_none();
    let limits = ServeLimits {
        max_connections: config.limits.max_connections,
        header_timeout: Duration::from_millis(config.limits.header_timeout_ms),
        drain_timeout: Duration::from_millis(config.limits.drain_timeout_ms),
    };
    if config.auth.mode == AuthMode::None {
        tracing::warn!(
            "auth.mode is \"none\": anyone who can reach {listen} gets a token for any user id; development only"
        );
    }
    let runtime = Runtime::build(config, &metrics, None).await?;
    if let Err(reason) = runtime.authenticator.ready() {
        tracing::error!(
            reason,
            "not ready: the identity provider's keys could not be fetched; retrying"
        );
    }
    let state = Arc::new(AppState {
        runtime: ArcSwap::from_pointee(runtime),
        metrics: metrics.clone(),
        draining: AtomicBool::new(false),
    });

    let listener = TcpListener::bind(listen)
        .await
        .map_err(|e| ConfigError::new(format!("cannot listen on {listen}: {e}")))?;
    let address = listener.local_addr().map_err(|e| ConfigError::new(e.to_string()))?;
    let acceptor = cert
        .clone()
        .map(|c| tokio_rustls::TlsAcceptor::from(Arc::new(tls::server_config(c))));
    let (stop_tx, stop_rx) = watch::channel(false);
    let mut servers = Vec::new();
    if let Some(metrics_address) = metrics_listen {
        let metrics_listener = TcpListener::bind(metrics_address)
            .await
            .map_err(|e| ConfigError::new(format!("cannot listen on {metrics_address}: {e}")))?;
        tracing::info!(address = %metrics_listener.local_addr().map_err(|e| ConfigError::new(e.to_string()))?, "metrics listening");
        servers.push(tokio::spawn(serve(
            metrics_listener,
            routes::metrics_router(state.clone()),
            None,
            limits,
            stop_rx.clone(),
        )));
    }
    tracing::info!(address = %address, tls = acceptor.is_some(), version = env!("CARGO_PKG_VERSION"), "listening");
    servers.push(tokio::spawn(serve(
        listener,
        routes::router(state.clone(), metrics_on_main),
        acceptor,
        limits,
        stop_rx,
    )));

    spawn_housekeeping(state.clone());
    signals.wait(path, &state, cert.as_deref()).await;
    state.draining.store(true, Ordering::Relaxed);
    tracing::info!("stopping: no new connections; answering the requests in flight");
    let _ = stop_tx.send(true);
    for server in servers {
        let _ = server.await;
    }
    tracing::info!("stopped");
    log_writer::flush();
    Ok(())
}

/// Rate-limit keys of callers that have fully recovered are forgotten every minute.
fn spawn_housekeeping(state: Arc<AppState>) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(60));
        loop {
            tick.tick().await;
            state.runtime.load().limits.forget_idle();
        }
    });
}

/// SIGHUP, SIGTERM and SIGINT, caught from the start.
struct Signals {
    #[cfg(unix)]
    hangup: tokio::signal::unix::Signal,
    #[cfg(unix)]
    terminate: tokio::signal::unix::Signal,
    #[cfg(unix)]
    interrupt: tokio::signal::unix::Signal,
}

impl Signals {
    fn install() -> Signals {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{signal, SignalKind};
            Signals {
                hangup: signal(SignalKind::hangup()).expect("a SIGHUP handler"),
                terminate: signal(SignalKind::terminate()).expect("a SIGTERM handler"),
                interrupt: signal(SignalKind::interrupt()).expect("a SIGINT handler"),
            }
        }
        #[cfg(not(unix))]
        Signals {}
    }

    /// Reloads on SIGHUP until SIGTERM or SIGINT arrives.
    async fn wait(mut self, path: &Path, state: &Arc<AppState>, cert: Option<&ReloadableCert>) {
        #[cfg(unix)]
        loop {
            tokio::select! {
                _ = self.hangup.recv() => reload(path, state, cert).await,
                _ = self.terminate.recv() => return,
                _ = self.interrupt.recv() => return,
            }
        }
        #[cfg(not(unix))]
        {
            let _ = (&mut self, path, state, cert);
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}

/// Builds a new runtime from the file; swaps it in only if every part of it could be built.
async fn reload(path: &Path, state: &Arc<AppState>, cert: Option<&ReloadableCert>) {
    let current = state.runtime.load_full();
    let attempt = async {
        let config = Config::load(path)?;
        let new_cert = match (&config.tls, cert) {
            (Some(tls), Some(_)) => Some(tls::load(tls)?),
            _ => None,
        };
        let restart_needed = restart_needed(&current.config, &config);
        let runtime = Runtime::build(config, &state.metrics, Some(&current)).await?;
        Ok::<_, ConfigError>((runtime, new_cert, restart_needed))
    };
    match attempt.await {
        Ok((runtime, new_cert, restart_needed)) => {
            state.runtime.store(Arc::new(runtime));
            if let (Some(cert), Some(new_cert)) = (cert, new_cert) {
                cert.replace(new_cert);
            }
            state.metrics.reloads.with_label_values(&["ok"]).inc();
            tracing::info!("reloaded the configuration, secrets, keys, policy and certificate");
            if !restart_needed.is_empty() {
                tracing::warn!(settings = %restart_needed.join(", "), "these changes take effect at the next restart");
            }
        }
        Err(e) => {
            state.metrics.reloads.with_label_values(&["error"]).inc();
            tracing::error!(error = %e, "reload failed; still running with the previous configuration");
        }
    }
}

/// Settings read once at start.
fn restart_needed(old: &Config, new: &Config) -> Vec<&'static str> {
    let mut names = Vec::new();
    if old.listen != new.listen {
        names.push("listen");
    }
    if old.tls.is_some() != new.tls.is_some() {
        names.push("tls (on/off)");
    }
    if old.metrics != new.metrics {
        names.push("metrics");
    }
    if old.log != new.log {
        names.push("log");
    }
    let (a, b) = (&old.limits, &new.limits);
    if (a.max_connections, a.header_timeout_ms, a.drain_timeout_ms)
        != (b.max_connections, b.header_timeout_ms, b.drain_timeout_ms)
    {
        names.push("limits.max_connections/header_timeout_ms/drain_timeout_ms");
    }
    names
}
