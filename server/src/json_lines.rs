//! The JSON log format: one object per line, `timestamp` (RFC 3339, UTC, microseconds), `level`,
//! then the event's fields in their order (`message` first), as tracing-subscriber's JSON format
//! with `flatten_event(true)` writes them. Written straight into the line here: that format goes
//! through serde and an adaptor that checks every piece it writes is UTF-8, which made the request
//! log line a fifth of a request's CPU time.

use std::cell::RefCell;
use std::fmt::{self, Write as _};
use std::time::{SystemTime, UNIX_EPOCH};
use tracing::field::{Field, Visit};
use tracing::{Event, Subscriber};
use tracing_subscriber::fmt::format::Writer;
use tracing_subscriber::fmt::{FmtContext, FormatEvent, FormatFields};
use tracing_subscriber::registry::LookupSpan;

pub struct JsonLines;

impl<S, N> FormatEvent<S, N> for JsonLines
where
    S: Subscriber + for<'a> LookupSpan<'a>,
    N: for<'a> FormatFields<'a> + 'static,
{
    fn format_event(&self, _: &FmtContext<'_, S, N>, mut writer: Writer<'_>, event: &Event<'_>) -> fmt::Result {
        let mut line = Vec::with_capacity(256);
        line.extend_from_slice(b"{\"timestamp\":\"");
        write_timestamp(&mut line, SystemTime::now());
        line.extend_from_slice(b"\",\"level\":\"");
        line.extend_from_slice(event.metadata().level().as_str().as_bytes());
        line.push(b'"');
        event.record(&mut Fields { line: &mut line });
        line.extend_from_slice(b"}\n");
        // Every piece above is a str or serde_json's output, so this never fails.
        writer.write_str(std::str::from_utf8(&line).map_err(|_| fmt::Error)?)
    }
}

/// `2026-12-07T02:21:11.973096Z`; the part up to the seconds is made once a second per thread.
fn write_timestamp(line: &mut Vec<u8>, now: SystemTime) {
    thread_local! {
        static SECOND: RefCell<(u64, String)> = const { RefCell::new((u64::MAX, String::new())) };
    }
    let since_epoch = now.duration_since(UNIX_EPOCH).unwrap_or_default();
    let seconds = since_epoch.as_secs();
    SECOND.with_borrow_mut(|(second, text)| {
        if *second != seconds {
            let t =
                time::OffsetDateTime::from_unix_timestamp(seconds as i64).unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
            text.clear();
            let _ = write!(
                text,
                "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
                t.year(),
                u8::from(t.month()),
                t.day(),
                t.hour(),
                t.minute(),
                t.second()
            );
            *second = seconds;
        }
        line.extend_from_slice(text.as_bytes());
    });
    let micros = since_epoch.subsec_micros();
    let mut digits = [b'0'; 6];
    let mut rest = micros;
    for digit in digits.iter_mut().rev() {
        *digit = b'0' + (rest % 10) as u8;
        rest /= 10;
    }
    line.push(b'.');
    line.extend_from_slice(&digits);
    line.push(b'Z');
}

/// Each field as `,"name":value`: strings escaped by serde_json, numbers and booleans bare.
struct Fields<'a> {
    line: &'a mut Vec<u8>,
}

impl Fields<'_> {
    fn key(&mut self, field: &Field) {
        self.line.push(b',');
        self.value(field.name());
        self.line.push(b':');
    }

    /// A string escaped, a number bare (NaN and the infinities as null): serde_json's output.
    fn value(&mut self, value: &(impl serde::Serialize + ?Sized)) {
        // Writing into a Vec cannot fail.
        let _ = serde_json::to_writer(&mut *self.line, value);
    }
}

impl Visit for Fields<'_> {
    fn record_str(&mut self, field: &Field, value: &str) {
        self.key(field);
        self.value(value);
    }

    fn record_u64(&mut self, field: &Field, value: u64) {
        self.key(field);
        self.value(&value);
    }

    fn record_i64(&mut self, field: &Field, value: i64) {
        self.key(field);
        self.value(&value);
    }

    fn record_f64(&mut self, field: &Field, value: f64) {
        self.key(field);
        self.value(&value);
    }

    fn record_bool(&mut self, field: &Field, value: bool) {
        self.key(field);
        self.value(&value);
    }

    fn record_error(&mut self, field: &Field, value: &(dyn std::error::Error + 'static)) {
        self.key(field);
        self.value(&value.to_string());
    }

    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        self.key(field);
        self.value(&format!("{value:?}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};
    use std::time::Duration;

    #[derive(Clone, Default)]
    struct Captured(Arc<Mutex<Vec<u8>>>);

    impl std::io::Write for Captured {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    fn text_of(log: impl FnOnce()) -> String {
        let captured = Captured::default();
        let writer = captured.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_writer(move || writer.clone())
            .event_format(JsonLines)
            .finish();
        tracing::subscriber::with_default(subscriber, log);
        let text = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
        text
    }

    fn lines_of(log: impl FnOnce()) -> Vec<serde_json::Value> {
        text_of(log).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
    }

    #[test]
    fn a_line_is_the_timestamp_the_level_then_the_fields_in_order() {
        let log = || tracing::info!(request_id = "r-1", status = 200u16, took = 1.5, ok = true, "request");
        let text = text_of(log);
        let keys = ["timestamp", "level", "message", "request_id", "status", "took", "ok"];
        let at: Vec<usize> = keys.iter().map(|k| text.find(&format!("\"{k}\":")).unwrap()).collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{text}");
        let line: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(line.as_object().unwrap().len(), keys.len());
        assert_eq!(line["level"], "INFO");
        assert_eq!(line["message"], "request");
        assert_eq!(line["status"], 200);
        assert_eq!(line["took"], 1.5);
        assert_eq!(line["ok"], true);
    }

    #[test]
    fn strings_are_escaped_into_valid_json() {
        let nasty = "quote \" backslash \\ newline \n tab \t bell \u{7} and ü";
        let lines = lines_of(|| tracing::warn!(user_id = nasty, reason = %"display \"value\"", "a\nmessage"));
        assert_eq!(lines.len(), 1, "a newline in a value does not split the line");
        assert_eq!(lines[0]["user_id"], nasty);
        assert_eq!(lines[0]["reason"], "display \"value\"");
        assert_eq!(lines[0]["message"], "a\nmessage");
        assert_eq!(lines[0]["level"], "WARN");
    }

    #[test]
    fn negative_numbers_and_errors_are_written_as_such() {
        let error = std::io::Error::other("disk \"full\"");
        let lines = lines_of(|| {
            tracing::error!(
                offset = -3i64,
                error = &error as &(dyn std::error::Error + 'static),
                "failed"
            )
        });
        assert_eq!(lines[0]["offset"], -3);
        assert_eq!(lines[0]["error"], "disk \"full\"");
    }

    #[test]
    fn the_timestamp_is_rfc3339_utc_with_microseconds() {
        let mut line = Vec::new();
        write_timestamp(&mut line, UNIX_EPOCH + Duration::new(1_796_613_671, 973_096_999));
        assert_eq!(String::from_utf8(line).unwrap(), "2026-12-07T03:21:11.973096Z");
        let mut line = Vec::new();
        write_timestamp(&mut line, UNIX_EPOCH + Duration::new(1_796_613_672, 5_000));
        assert_eq!(String::from_utf8(line).unwrap(), "2026-12-07T03:21:12.000005Z");
    }
}
