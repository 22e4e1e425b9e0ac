//! A load generator: `concurrency` workers, each on its own HTTP/1.1 keep-alive connection, sending
//! `POST /v1/token` back to back for a while and timing every answer. The reliability tests and the
//! benchmark (benches/endpoint.rs) use the same one, so both servers compared meet the same client.

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::client::conn::http1;
use hyper_util::rt::TokioIo;
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// What each request carries: the Authorization header's credential and the JSON body, for the
/// worker's n-th request.
pub type MakeRequest = Arc<dyn Fn(usize, u64) -> (Option<String>, String) + Send + Sync>;

pub struct LoadSpec {
    pub address: SocketAddr,
    pub concurrency: usize,
    pub duration: Duration,
    pub make: MakeRequest,
}

#[derive(Default, Debug)]
pub struct LoadReport {
    /// Answered 200.
    pub ok: u64,
    /// Answered with another status, by status.
    pub statuses: BTreeMap<u16, u64>,
    /// A connection failed under a request (reset, closed before the answer, I/O error).
    pub connection_errors: u64,
    /// A connection could not be opened.
    pub refused: u64,
    /// Microseconds of each 200.
    pub latencies_us: Vec<u32>,
    pub elapsed: Duration,
}

impl LoadReport {
    pub fn failed(&self) -> u64 {
        self.statuses.values().sum::<u64>() + self.connection_errors
    }

    pub fn percentile(&self, q: f64) -> Duration {
        if self.latencies_us.is_empty() {
            return Duration::ZERO;
        }
        let mut sorted = self.latencies_us.clone();
        sorted.sort_unstable();
        let index = ((sorted.len() - 1) as f64 * q).round() as usize;
        Duration::from_micros(u64::from(sorted[index]))
    }

    pub fn per_second(&self) -> f64 {
        self.ok as f64 / self.elapsed.as_secs_f64()
    }

    fn merge(&mut self, other: LoadReport) {
        self.ok += other.ok;
        for (status, n) in other.statuses {
            *self.statuses.entry(status).or_default() += n;
        }
        self.connection_errors += other.connection_errors;
        self.refused += other.refused;
        self.latencies_us.extend(other.latencies_us);
    }

    pub fn summary(&self) -> String {
        format!(
            "{} ok in {:.1} s ({:.0}/s), p50 {:.3} ms, p99 {:.3} ms, other statuses {:?}, connection errors {}, refused {}",
            self.ok,
            self.elapsed.as_secs_f64(),
            self.per_second(),
            self.percentile(0.50).as_secs_f64() * 1e3,
            self.percentile(0.99).as_secs_f64() * 1e3,
            self.statuses,
            self.connection_errors,
            self.refused
        )
    }
}

pub async fn run(spec: LoadSpec) -> LoadReport {
    let started = Instant::now();
    let deadline = started + spec.duration;
    let workers: Vec<_> = (0..spec.concurrency)
        .map(|worker| tokio::spawn(worker_loop(spec.address, worker, deadline, spec.make.clone())))
        .collect();
    let mut report = LoadReport::default();
    for worker in workers {
        report.merge(worker.await.unwrap());
    }
    report.elapsed = started.elapsed();
    report
}

async fn worker_loop(address: SocketAddr, worker: usize, deadline: Instant, make: MakeRequest) -> LoadReport {
    let mut report = LoadReport {
        latencies_us: Vec::with_capacity(1 << 16),
        ..LoadReport::default()
    };
    let mut sender: Option<http1::SendRequest<Full<Bytes>>> = None;
    let mut n = 0u64;
    let host = address.to_string();
    while Instant::now() < deadline {
        if sender.as_ref().is_none_or(|s| s.is_closed()) {
            match tokio::net::TcpStream::connect(address).await {
                Ok(stream) => {
                    let _ = stream.set_nodelay(true);
                    match http1::handshake(TokioIo::new(stream)).await {
                        Ok((s, connection)) => {
                            tokio::spawn(connection);
                            sender = Some(s);
                        }
                        Err(_) => {
                            report.connection_errors += 1;
                            continue;
                        }
                    }
                }
                Err(_) => {
                    report.refused += 1;
                    tokio::time::sleep(Duration::from_millis(10)).await;
                    continue;
                }
            }
        }
        let s = sender.as_mut().expect("connected above");
        if s.ready().await.is_err() {
            sender = None;
            continue;
        }
        let (bearer, body) = make(worker, n);
        n += 1;
        let mut request = hyper::Request::post("/v1/token")
            .header(hyper::header::HOST, &host)
            .header(hyper::header::CONTENT_TYPE, "application/json");
        if let Some(bearer) = bearer {
            request = request.header(hyper::header::AUTHORIZATION, format!("Bearer {bearer}"));
        }
        let request = request.body(Full::new(Bytes::from(body))).unwrap();
        let sent = Instant::now();
        match s.send_request(request).await {
            Ok(response) => {
                let status = response.status().as_u16();
                match response.into_body().collect().await {
                    Ok(_) if status == 200 => {
                        report.ok += 1;
                        report
                            .latencies_us
                            .push(sent.elapsed().as_micros().min(u128::from(u32::MAX)) as u32);
                    }
                    Ok(_) => *report.statuses.entry(status).or_default() += 1,
                    Err(_) => {
                        report.connection_errors += 1;
                        sender = None;
                    }
                }
            }
            Err(_) => {
                report.connection_errors += 1;
                sender = None;
            }
        }
    }
    report
}
