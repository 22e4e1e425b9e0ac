//! `JsonString`: text about to be written as a JSON string literal, escaped as serde_json does.

/// Text to be written as a JSON string literal, with the most bytes its escapes can add, counted
/// once so that the caller can size its buffer and the writer never grows it.
///
/// Text that needs no escaping (almost every user id) is copied verbatim between quotes; any
/// other text is written by serde_json's escaper: `"`, `\` and control characters escaped, with
/// the short forms `\n`, `\r`, `\t`, `\b`, `\f` and `\u00xx` for the other controls, everything
/// else, unicode included, verbatim. The official Go generator writes the same bytes, which the
/// byte-exact conformance vectors check.
pub(crate) struct JsonString<'a> {
    text: &'a str,
    growth: usize,
}

impl<'a> JsonString<'a> {
    pub(crate) fn new(text: &'a str) -> JsonString<'a> {
        JsonString {
            text,
            growth: escape_growth_bound(text.as_bytes()),
        }
    }

    /// The most bytes [`write_to`](JsonString::write_to) appends, quotes included.
    pub(crate) fn max_len(&self) -> usize {
        self.text.len() + self.growth + 2
    }

    /// Exactly how many bytes [`write_to`](JsonString::write_to) appends, quotes included.
    pub(crate) fn len(&self) -> usize {
        if self.growth == 0 {
            return self.text.len() + 2;
        }
        // The short escapes (\b \t \n \f \r) add one byte where the bound counted five.
        let short = self
            .text
            .bytes()
            .filter(|b| matches!(b, 0x08 | 0x09 | 0x0a | 0x0c | 0x0d))
            .count();
        self.max_len() - 4 * short
    }

    /// Appends the quoted, escaped literal.
    pub(crate) fn write_to(&self, out: &mut Vec<u8>) {
        out.reserve(self.max_len());
        if self.growth == 0 {
            out.push(b'"');
            out.extend_from_slice(self.text.as_bytes());
            out.push(b'"');
        } else {
            // Writing a &str into a Vec cannot fail.
            let _ = serde_json::to_writer(&mut *out, self.text);
        }
    }
}

/// Appends `text` as a JSON string literal.
pub(crate) fn write_json_string(out: &mut Vec<u8>, text: &str) {
    JsonString::new(text).write_to(out);
}

/// At most how many bytes JSON escaping adds to `text`: one for `"` and `\`, five for a control
/// character (`\u00xx`; the short forms such as `\n` add only one). Zero when nothing needs escaping.
fn escape_growth_bound(text: &[u8]) -> usize {
    // Counted in byte-wide lanes, which the compiler vectorizes 16 bytes at a time: a chunk of
    // 42 bytes adds at most 42 * 5 = 210, which fits in a u8.
    text.chunks(42)
        .map(|chunk| {
            let growth = chunk.iter().fold(0u8, |sum, &b| {
                let quote_or_backslash = u8::from(b == b'"') | u8::from(b == b'\\');
                sum.wrapping_add(quote_or_backslash + 5 * u8::from(b < 0x20))
            });
            usize::from(growth)
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(text: &str) -> Vec<u8> {
        let mut out = Vec::new();
        write_json_string(&mut out, text);
        out
    }

    #[test]
    fn text_without_escapes_is_copied_verbatim_between_quotes() {
        for text in ["", "user_123456", "中文 😀 \u{7f} \u{2028}", "a/b<c>&"] {
            assert_eq!(written(text), serde_json::to_vec(text).unwrap(), "{text:?}");
        }
    }

    #[test]
    fn every_byte_is_escaped_as_serde_json_escapes_it() {
        for c in (0u32..0x80).chain([0x80, 0x2028, 0xfeff, 0x1f600]) {
            let text = format!("a{}b", char::from_u32(c).unwrap());
            assert_eq!(written(&text), serde_json::to_vec(&text).unwrap(), "U+{c:04X}");
        }
    }

    #[test]
    fn a_privilege_payload_inside_json_escapes_each_quote() {
        let payload = r#"{"room_id":"r","privilege":{"1":1,"2":0},"stream_id_list":null}"#;
        assert_eq!(written(payload), serde_json::to_vec(payload).unwrap());
    }

    #[test]
    fn max_len_bounds_what_is_written_and_is_exact_without_controls() {
        for text in ["", "plain", "\"q\\", "\u{1}\u{1f}\n", "中\"文"] {
            let json = JsonString::new(text);
            let len = written(text).len();
            assert!(len <= json.max_len(), "{text:?}");
            if !text.bytes().any(|b| b < 0x20) {
                assert_eq!(len, json.max_len(), "{text:?}");
            }
        }
    }

    #[test]
    fn len_is_exactly_what_is_written() {
        for text in [
            "",
            "plain",
            "\"q\"",
            "\\",
            "\n\r\t\u{8}\u{c}",
            "\u{1}\u{1f}\u{7f}",
            "中\n\u{0}x",
        ] {
            assert_eq!(JsonString::new(text).len(), written(text).len(), "{text:?}");
        }
    }

    #[test]
    fn the_growth_count_does_not_overflow_its_byte_lanes() {
        let controls = "\u{1}".repeat(1000);
        assert_eq!(JsonString::new(&controls).max_len(), 6 * 1000 + 2);
        assert_eq!(written(&controls), serde_json::to_vec(&controls).unwrap());
    }

    proptest::proptest! {
        #[test]
        fn any_string_is_written_as_serde_json_writes_it(text in "\\PC*|[\\x00-\\x20\"\\\\a-z]*") {
            proptest::prop_assert_eq!(written(&text), serde_json::to_vec(&text).unwrap());
        }
    }
}
