//! The wasm-bindgen surface of zego-token: thin functions over the Rust core that take and return
//! plain JavaScript values. The JavaScript API (js/zego-token.mjs) checks arguments, makes the
//! typed errors and the claims objects, as the Node.js binding does over the C ABI.
//!
//! Failures are thrown as `{ code, message }` objects carrying the library's code.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use zego_token::{Claims, Error, Generator as CoreGenerator, RtcRoomPayload, VerifyOptions};

/// The thrown value for a core error.
fn fail(error: Error) -> JsValue {
    failure(error.code(), error.message())
}

fn failure(code: i32, message: &str) -> JsValue {
    let object = Object::new();
    // Setting a property on a fresh plain object cannot fail.
    let _ = Reflect::set(&object, &"code".into(), &code.into());
    let _ = Reflect::set(&object, &"message".into(), &message.into());
    object.into()
}

/// The claims as the JSON the C ABI gives (JSON.parse'd by the JavaScript API).
fn claims_json(claims: &Claims) -> String {
    claims.to_json()
}

/// Makes a Token04 (AES-256-GCM).
#[wasm_bindgen]
pub fn generate(
    app_id: u32,
    user_id: &str,
    secret: &str,
    effective_time_in_seconds: i64,
    payload: &str,
) -> Result<String, JsValue> {
    zego_token::generate(app_id, user_id, secret, effective_time_in_seconds, payload).map_err(fail)
}

/// Decodes a token (current GCM or legacy CBC): its claims as JSON.
#[wasm_bindgen]
pub fn decode(token: &str, secret: &str) -> Result<String, JsValue> {
    zego_token::decode(token, secret).map(|c| claims_json(&c)).map_err(fail)
}

/// The verification options: `now` (unix seconds, or undefined for the host's clock), leeway,
/// expected user id, and whether legacy tokens are refused. (Seconds are JavaScript BigInts: exact.)
fn options(now: Option<i64>, leeway: i64, user_id: Option<String>, require_gcm: bool) -> VerifyOptions {
    let mut options = VerifyOptions::new();
    if let Some(now) = now {
        options = options.at(now);
    }
    options = options.leeway(leeway);
    if let Some(user_id) = user_id {
        options = options.user_id(user_id);
    }
    if require_gcm {
        options = options.require_gcm();
    }
    options
}

/// Verifies a token with the secrets in order (key rotation): `[claimsJson, index]`.
#[wasm_bindgen(js_name = verifyWithAny)]
pub fn verify_with_any(
    token: &str,
    secrets: Vec<String>,
    app_id: u32,
    now: Option<i64>,
    leeway: i64,
    user_id: Option<String>,
    require_gcm: bool,
) -> Result<Array, JsValue> {
    let options = options(now, leeway, user_id, require_gcm);
    let secrets: Vec<&str> = secrets.iter().map(String::as_str).collect();
    let (claims, index) = zego_token::verify_with_any(token, &secrets, app_id, &options).map_err(fail)?;
    Ok(Array::of2(&claims_json(&claims).into(), &(index as u32).into()))
}

/// What the Token Inspector shows (web/): the token checked as `zego-token verify` checks it, with
/// the secrets in order, against `app_id` (undefined: the token's own) and the options, at `now`
/// (undefined: the host's clock). Returns `{ ok, code, sentence, now, secretIndex, claims }`:
/// `code` 0 when valid, `sentence` the command line tool's, `claims` the claims JSON when the token
/// could be read.
#[cfg(feature = "inspector")]
#[wasm_bindgen]
#[allow(clippy::too_many_arguments)] // the verification's own parameters, as in verifyWithAny
pub fn inspect(
    token: &str,
    secrets: Vec<String>,
    app_id: Option<u32>,
    now: Option<i64>,
    leeway: i64,
    user_id: Option<String>,
    require_gcm: bool,
) -> Object {
    let now = now.unwrap_or_else(|| (js_sys::Date::now() / 1000.0).floor() as i64);
    let check = options(Some(now), leeway, user_id.clone(), require_gcm);
    let outcome = zego_token::decode_with_any(token, &secrets)
        .map_err(|e| (e, None))
        .and_then(
            |(claims, index)| match check.check(&claims, app_id.unwrap_or(claims.app_id)) {
                Ok(()) => Ok((claims, index)),
                Err(e) => Err((e, Some(claims))),
            },
        );
    let (code, sentence, claims, index) = match outcome {
        Ok((claims, index)) => {
            let sentence = zego_token::verdict::valid_sentence(&claims, now, index, secrets.len());
            (0, sentence, Some(claims), Some(index))
        }
        Err((error, claims)) => {
            let expected = zego_token::verdict::Expected {
                app_id: app_id.or(claims.as_ref().map(|c| c.app_id)).unwrap_or(0),
                user_id: user_id.as_deref(),
            };
            let sentence = zego_token::verdict::failure_sentence(error, claims.as_ref().map(|c| (c, now, &expected)));
            (error.code(), sentence, claims, None)
        }
    };
    let result = Object::new();
    let set = |key: &str, value: JsValue| {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&result, &key.into(), &value);
    };
    set("ok", (code == 0).into());
    set("code", code.into());
    set("sentence", sentence.into());
    set("now", (now as f64).into());
    set("secretIndex", index.map_or(JsValue::NULL, |i| (i as u32).into()));
    set(
        "claims",
        claims.as_ref().map_or(JsValue::NULL, |c| claims_json(c).into()),
    );
    result
}

/// The privilege payload JSON of an RTC room token (stream ids undefined: `null`).
#[wasm_bindgen(js_name = rtcRoomPayload)]
pub fn rtc_room_payload(
    room_id: &str,
    can_login: bool,
    can_publish: bool,
    stream_ids: Option<Vec<String>>,
) -> Result<String, JsValue> {
    RtcRoomPayload::new(room_id, can_login, can_publish, stream_ids)
        .map(|p| p.to_json())
        .map_err(fail)
}

/// The library's English sentence for a code: the C library's (`zego_error_message`), including
/// the codes of its boundary (11, 12, 41) that the JavaScript API also raises.
#[wasm_bindgen]
pub fn message(code: i32) -> String {
    match (code, Error::from_code(code)) {
        (_, Some(error)) => error.message().into(),
        (0, None) => "success".into(),
        (11, None) => "a required pointer is NULL".into(),
        (12, None) => "a string is not valid UTF-8".into(),
        (41, None) => "internal error: the library panicked (please report it)".into(),
        _ => "unknown error code".into(),
    }
}

/// The version of the Rust core compiled in.
#[wasm_bindgen(js_name = libraryVersion)]
pub fn library_version() -> String {
    env!("CARGO_PKG_VERSION").into()
}

/// A generator keeping the expanded key: generates, decodes and verifies with it.
#[wasm_bindgen]
pub struct Generator {
    inner: CoreGenerator,
}

#[wasm_bindgen]
impl Generator {
    #[wasm_bindgen(constructor)]
    pub fn new(app_id: u32, secret: &str) -> Result<Generator, JsValue> {
        CoreGenerator::new(app_id, secret)
            .map(|inner| Generator { inner })
            .map_err(fail)
    }

    pub fn generate(&self, user_id: &str, effective_time_in_seconds: i64, payload: &str) -> Result<String, JsValue> {
        self.inner
            .generate(user_id, effective_time_in_seconds, payload)
            .map_err(fail)
    }

    pub fn decode(&self, token: &str) -> Result<String, JsValue> {
        self.inner.decode(token).map(|c| claims_json(&c)).map_err(fail)
    }

    pub fn verify(
        &self,
        token: &str,
        now: Option<i64>,
        leeway: i64,
        user_id: Option<String>,
        require_gcm: bool,
    ) -> Result<String, JsValue> {
        let options = options(now, leeway, user_id, require_gcm);
        self.inner
            .verify(token, &options)
            .map(|c| claims_json(&c))
            .map_err(fail)
    }
}
