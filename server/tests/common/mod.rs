//! What the server's tests share: the real binary started on 127.0.0.1 with a config the test
//! writes, a test identity provider (keys made here, a JWKS served on 127.0.0.1 that the test can
//! stop and start), and a client.
#![allow(dead_code)]

pub mod load;

use base64::Engine;
use jsonwebtoken::Algorithm;
use serde_json::{json, Value};
use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

pub const RELOADED: &str = "reloaded the configuration, secrets, keys, policy and certificate";
pub const RELOAD_FAILED: &str = "reload failed; still running with the previous configuration";
pub const APP_ID: u32 = 1234567890;
pub const SECRET: &str = "0123456789abcdef0123456789abcdef";
pub const API_KEY: &str = "test-api-key-0123456789abcdef-0123456789";
pub const ISSUER: &str = "https://idp.test";
pub const AUDIENCE: &str = "zego-app";

pub fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

pub fn now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs() as i64
}

/// The private half of a test key. JWTs are signed here with the RustCrypto crates directly, so the
/// tests build jsonwebtoken with the same features as the server (verification only, through ring).
pub enum Signer {
    Rsa(Box<rsa::pkcs1v15::SigningKey<sha2::Sha256>>),
    Ec(p256::ecdsa::SigningKey),
    Ed(ed25519_dalek::SigningKey),
}

impl Signer {
    fn sign(&self, message: &[u8]) -> Vec<u8> {
        use rsa::signature::{SignatureEncoding, Signer as _};
        match self {
            Signer::Rsa(key) => key.sign(message).to_vec(),
            Signer::Ec(key) => {
                let signature: p256::ecdsa::Signature = key.sign(message);
                signature.to_bytes().to_vec()
            }
            Signer::Ed(key) => key.sign(message).to_bytes().to_vec(),
        }
    }
}

/// A signing key of the test identity provider, with its public JWK.
pub struct SigningKey {
    pub kid: String,
    pub alg: Algorithm,
    pub signer: Signer,
    pub jwk: Value,
    /// The public key in PEM (for the HS256-with-the-public-key attack, and for pem_files).
    pub public_pem: String,
}

fn rsa_key(kid: &str) -> SigningKey {
    use rsa::pkcs8::{EncodePublicKey, LineEnding};
    use rsa::traits::PublicKeyParts;
    let private = rsa::RsaPrivateKey::new(&mut rand::thread_rng(), 2048).unwrap();
    let public = private.to_public_key();
    SigningKey {
        kid: kid.into(),
        alg: Algorithm::RS256,
        jwk: json!({"kty": "RSA", "kid": kid, "alg": "RS256", "use": "sig",
                    "n": b64(&public.n().to_bytes_be()), "e": b64(&public.e().to_bytes_be())}),
        public_pem: public.to_public_key_pem(LineEnding::LF).unwrap(),
        signer: Signer::Rsa(Box::new(rsa::pkcs1v15::SigningKey::new(private))),
    }
}

fn ec_key(kid: &str) -> SigningKey {
    use p256::pkcs8::{EncodePublicKey, LineEnding};
    let secret = p256::SecretKey::random(&mut rand::thread_rng());
    let point = p256::elliptic_curve::sec1::ToEncodedPoint::to_encoded_point(&secret.public_key(), false);
    SigningKey {
        kid: kid.into(),
        alg: Algorithm::ES256,
        jwk: json!({"kty": "EC", "crv": "P-256", "kid": kid, "alg": "ES256",
                    "x": b64(point.x().unwrap()), "y": b64(point.y().unwrap())}),
        public_pem: secret.public_key().to_public_key_pem(LineEnding::LF).unwrap(),
        signer: Signer::Ec(p256::ecdsa::SigningKey::from(&secret)),
    }
}

fn ed_key(kid: &str) -> SigningKey {
    use ed25519_dalek::pkcs8::{spki::der::pem::LineEnding, EncodePublicKey};
    let signing = ed25519_dalek::SigningKey::generate(&mut rand::rngs::OsRng);
    SigningKey {
        kid: kid.into(),
        alg: Algorithm::EdDSA,
        jwk: json!({"kty": "OKP", "crv": "Ed25519", "kid": kid, "alg": "EdDSA",
                    "x": b64(signing.verifying_key().as_bytes())}),
        public_pem: signing.verifying_key().to_public_key_pem(LineEnding::LF).unwrap(),
        signer: Signer::Ed(signing),
    }
}

/// Keys made once per test binary (an RSA key takes a moment).
pub struct Keys {
    pub rsa: SigningKey,
    pub ec: SigningKey,
    pub ed: SigningKey,
    /// Not in the JWKS at first: published later to test a rotation.
    pub rotated: SigningKey,
    /// Never published: signs JWTs that must not verify (same kid as `ec`).
    pub impostor: SigningKey,
}

pub fn keys() -> &'static Keys {
    static KEYS: OnceLock<Keys> = OnceLock::new();
    KEYS.get_or_init(|| {
        let mut impostor = ec_key("ec-1");
        impostor.kid = "ec-1".into();
        Keys {
            rsa: rsa_key("rsa-1"),
            ec: ec_key("ec-1"),
            ed: ed_key("ed-1"),
            rotated: ec_key("ec-2"),
            impostor,
        }
    })
}

/// Claims a valid JWT of the test provider carries.
pub fn claims(sub: &str) -> Value {
    json!({"iss": ISSUER, "aud": AUDIENCE, "sub": sub, "iat": now(), "exp": now() + 600})
}

pub fn sign(key: &SigningKey, claims: &Value) -> String {
    let header = json!({"alg": format!("{:?}", key.alg), "typ": "JWT", "kid": key.kid});
    let signing_input = format!(
        "{}.{}",
        b64(header.to_string().as_bytes()),
        b64(claims.to_string().as_bytes())
    );
    let signature = key.signer.sign(signing_input.as_bytes());
    format!("{signing_input}.{}", b64(&signature))
}

/// A JWT with any header, signed with HMAC-SHA256 under `hmac_secret` (or unsigned, for
/// `alg: none`).
pub fn forged(header: &Value, claims: &Value, hmac_secret: Option<&[u8]>) -> String {
    let signing_input = format!(
        "{}.{}",
        b64(header.to_string().as_bytes()),
        b64(claims.to_string().as_bytes())
    );
    let signature = hmac_secret
        .map(|secret| {
            b64(ring::hmac::sign(
                &ring::hmac::Key::new(ring::hmac::HMAC_SHA256, secret),
                signing_input.as_bytes(),
            )
            .as_ref())
        })
        .unwrap_or_default();
    format!("{signing_input}.{signature}")
}

/// The test identity provider: a JWKS on 127.0.0.1 that can be stopped and started again on the
/// same port.
pub struct Idp {
    pub address: SocketAddr,
    keys: Arc<Mutex<Vec<Value>>>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    pub fetches: Arc<std::sync::atomic::AtomicUsize>,
}

impl Idp {
    pub async fn start(jwks: Vec<Value>) -> Idp {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        let mut idp = Idp {
            address,
            keys: Arc::new(Mutex::new(jwks)),
            stop: None,
            fetches: Arc::new(std::sync::atomic::AtomicUsize::new(0)),
        };
        idp.serve(listener);
        idp
    }

    fn serve(&mut self, listener: tokio::net::TcpListener) {
        let keys = self.keys.clone();
        let fetches = self.fetches.clone();
        let app = axum::Router::new().route(
            "/jwks.json",
            axum::routing::get(move || {
                let keys = keys.clone();
                fetches.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                async move { axum::Json(json!({"keys": *keys.lock().unwrap()})) }
            }),
        );
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        self.stop = Some(tx);
        tokio::spawn(async move {
            axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = rx.await;
                })
                .await
                .unwrap();
        });
    }

    pub fn url(&self) -> String {
        format!("http://{}/jwks.json", self.address)
    }

    /// Stops answering (the port is closed).
    pub async fn stop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        // The port must refuse connections before the test goes on.
        for _ in 0..100 {
            if tokio::net::TcpStream::connect(self.address).await.is_err() {
                return;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    pub async fn restart(&mut self) {
        let listener = tokio::net::TcpListener::bind(self.address).await.unwrap();
        self.serve(listener);
    }

    pub fn publish(&self, jwk: Value) {
        self.keys.lock().unwrap().push(jwk);
    }
}

/// The last lines a server logged (a bounded window, so long loads do not fill the test's memory).
#[derive(Default)]
pub struct Log {
    /// Lines logged since the start.
    pub total: usize,
    lines: std::collections::VecDeque<String>,
}

const LOG_WINDOW: usize = 50_000;

impl Log {
    fn push(&mut self, line: String) {
        if self.lines.len() == LOG_WINDOW {
            self.lines.pop_front();
        }
        self.lines.push_back(line);
        self.total += 1;
    }

    /// The kept lines logged after the first `skip`.
    fn after(&self, skip: usize) -> impl Iterator<Item = &String> {
        let first = self.total - self.lines.len();
        self.lines.iter().skip(skip.saturating_sub(first))
    }
}

/// A server process on 127.0.0.1 (zego-token-server, or the Go baseline of the benchmark), its log
/// lines collected.
pub struct Server {
    pub child: Child,
    pub address: SocketAddr,
    pub dir: tempfile::TempDir,
    pub log: Arc<Mutex<Log>>,
    pub scheme: &'static str,
}

/// The server binary the tests and the benchmark run: the one cargo built, or another build named by
/// ZEGO_TOKEN_SERVER_BINARY (a release archive's static musl build, say).
pub fn binary() -> PathBuf {
    std::env::var_os("ZEGO_TOKEN_SERVER_BINARY")
        .map_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_zego-token-server")), PathBuf::from)
}

/// Writes the ServerSecret and API key files the configs name.
pub fn write_secrets(dir: &Path) {
    std::fs::write(dir.join("secret"), format!("{SECRET}\n")).unwrap();
    std::fs::write(dir.join("api-key"), format!("{API_KEY}\n")).unwrap();
}

/// The config of a JWT-mode server fetching the test provider's JWKS; `extra` is appended.
pub fn jwt_config(jwks_url: &str, extra: &str) -> String {
    jwt_config_with_keys(&format!("jwks_url = \"{jwks_url}\""), extra)
}

/// A JWT-mode config whose keys come from a local file: `jwks_file` or `pem_files`.
pub fn jwt_config_with_key_file(key: &str, file: &Path, extra: &str) -> String {
    let value = if key == "pem_files" {
        format!("[\"{}\"]", file.display())
    } else {
        format!("\"{}\"", file.display())
    };
    jwt_config_with_keys(&format!("{key} = {value}"), extra)
}

fn jwt_config_with_keys(keys: &str, extra: &str) -> String {
    format!(
        r#"listen = "127.0.0.1:0"
app_id = {APP_ID}
secret_files = ["{{dir}}/secret"]
[auth]
mode = "jwt"
[auth.jwt]
{keys}
issuer = "{ISSUER}"
audience = ["{AUDIENCE}"]
algorithms = ["RS256", "ES256", "EdDSA"]
leeway_seconds = 5
jwks_min_refresh_seconds = 1
jwks_refresh_seconds = 300
{extra}
"#
    )
}

pub fn api_key_config(extra: &str) -> String {
    format!(
        r#"listen = "127.0.0.1:0"
app_id = {APP_ID}
secret_files = ["{{dir}}/secret"]
[auth]
mode = "api-key"
[auth.api_key]
key_files = ["{{dir}}/api-key"]
{extra}
"#
    )
}

impl Server {
    /// Starts the binary with this config (`{dir}` stands for its folder) and waits until it listens.
    pub fn start(config: &str) -> Server {
        let dir = tempfile::tempdir().unwrap();
        write_secrets(dir.path());
        let config = config.replace("{dir}", &dir.path().display().to_string());
        std::fs::write(dir.path().join("config.toml"), config).unwrap();
        let mut command = Command::new(binary());
        command
            .arg("--config")
            .arg(dir.path().join("config.toml"))
            .env_remove("ZEGO_APP_ID")
            .env_remove("ZEGO_SERVER_SECRET_FILES")
            .env_remove("ZEGO_TOKEN_SERVER_LISTEN");
        Server::spawn(command, dir)
    }

    /// Starts a server process that logs JSON lines on stderr, one of them
    /// `{"message":"listening","address":..}`, and waits for that line.
    pub fn spawn(mut command: Command, dir: tempfile::TempDir) -> Server {
        let mut child = command.stdout(Stdio::null()).stderr(Stdio::piped()).spawn().unwrap();
        let log = Arc::new(Mutex::new(Log::default()));
        let (tx, rx) = std::sync::mpsc::channel();
        let stderr = child.stderr.take().unwrap();
        let lines = log.clone();
        std::thread::spawn(move || {
            let mut listening = false;
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if !listening && line.contains("\"listening\"") {
                    if let Ok(event) = serde_json::from_str::<Value>(&line) {
                        let address = event["address"].as_str().unwrap().parse::<SocketAddr>().unwrap();
                        let _ = tx.send((address, event["tls"] == true));
                        listening = true;
                    }
                }
                lines.lock().unwrap().push(line);
            }
        });
        let (address, tls) = match rx.recv_timeout(Duration::from_secs(20)) {
            Ok(found) => found,
            Err(_) => {
                let _ = child.kill();
                let text = log.lock().unwrap().after(0).cloned().collect::<Vec<_>>().join("\n");
                panic!("the server did not start:\n{text}");
            }
        };
        Server {
            child,
            address,
            dir,
            log,
            scheme: if tls { "https" } else { "http" },
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}://{}{path}", self.scheme, self.address)
    }

    pub fn config_path(&self) -> PathBuf {
        self.dir.path().join("config.toml")
    }

    /// Rewrites the config file (`{dir}` stands for its folder).
    pub fn rewrite_config(&self, config: &str) {
        std::fs::write(
            self.config_path(),
            config.replace("{dir}", &self.dir.path().display().to_string()),
        )
        .unwrap();
    }

    pub fn signal(&self, signal: &str) {
        let status = Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(self.child.id().to_string())
            .status()
            .unwrap();
        assert!(status.success());
    }

    /// Waits for a log line whose `message` is `message`, after the first `skip` lines.
    pub fn wait_for_log(&self, message: &str, skip: usize) -> Value {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let found = self.log.lock().unwrap().after(skip).find_map(|line| {
                serde_json::from_str::<Value>(line)
                    .ok()
                    .filter(|e| e["message"].as_str() == Some(message))
            });
            if let Some(event) = found {
                return event;
            }
            assert!(
                Instant::now() < deadline,
                "no {message:?} in the log:\n{}",
                self.log_text()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// SIGHUP, then the log line saying how the reload ended: [`RELOADED`] or [`RELOAD_FAILED`].
    pub fn reload(&self, expected: &str) -> Value {
        let skip = self.log_len();
        self.signal("HUP");
        self.wait_for_log(expected, skip)
    }

    pub fn log_len(&self) -> usize {
        self.log.lock().unwrap().total
    }

    pub fn log_text(&self) -> String {
        self.log
            .lock()
            .unwrap()
            .after(0)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The resident memory of the server process, in KiB.
    pub fn rss_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .unwrap()
            .trim()
            .trim_end_matches(" kB")
            .trim()
            .parse()
            .unwrap()
    }

    /// SIGTERM, then the exit status.
    pub fn stop(mut self) -> std::process::ExitStatus {
        self.signal("TERM");
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(Instant::now() < deadline, "the server did not stop");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(20))
        .build()
        .unwrap()
}

/// POSTs a JSON body to /v1/token with this bearer credential; the status and the JSON answer.
pub async fn ask(server: &Server, bearer: Option<&str>, body: Value) -> (u16, Value) {
    let mut request = client().post(server.url("/v1/token")).json(&body);
    if let Some(bearer) = bearer {
        request = request.bearer_auth(bearer);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// The server's metrics, as Prometheus text.
pub async fn metrics(server: &Server) -> String {
    client()
        .get(server.url("/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

/// The claims of a token the server issued, read with the library.
pub fn decoded(token: &str) -> zego_token::Claims {
    zego_token::decode(token, SECRET).unwrap()
}
