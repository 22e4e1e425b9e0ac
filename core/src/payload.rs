//! `RtcRoomPayload`: the privilege payload of an RTC room token.

use std::fmt;

use crate::json_string::write_json_string;
use crate::Error;

/// Privilege key: may log in to the room.
pub const PRIVILEGE_KEY_LOGIN: u32 = 1;
/// Privilege key: may publish streams in the room.
pub const PRIVILEGE_KEY_PUBLISH: u32 = 2;
/// Privilege value: allowed.
pub const PRIVILEGE_ENABLE: u32 = 1;
/// Privilege value: denied.
pub const PRIVILEGE_DISABLE: u32 = 0;

/// The longest room id ZEGO accepts, in bytes.
pub const MAX_ROOM_ID_LEN: usize = 128;
/// The longest stream id ZEGO accepts, in bytes.
pub const MAX_STREAM_ID_LEN: usize = 256;
/// The most stream ids whose payload can fit in a token: each takes at least 4 bytes of the JSON
/// (quotes, one byte, a comma), and a token's plaintext holds at most 65,535 bytes.
pub const MAX_STREAM_ID_COUNT: usize = u16::MAX as usize / 4;

/// The payload of a "user privilege token": which room, whether the user may log in and publish,
/// and optionally which streams they may publish.
///
/// Its JSON is exactly the official plug-in's:
/// ```
/// use zego_token::RtcRoomPayload;
/// let payload = RtcRoomPayload::new("room1", true, false, None)?;
/// assert_eq!(payload.to_json(), r#"{"room_id":"room1","privilege":{"1":1,"2":0},"stream_id_list":null}"#);
///
/// let streams = RtcRoomPayload::new("room1", true, true, Some(vec!["s1".to_string()]))?;
/// assert_eq!(streams.to_json(), r#"{"room_id":"room1","privilege":{"1":1,"2":1},"stream_id_list":["s1"]}"#);
/// # Ok::<(), zego_token::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RtcRoomPayload {
    room_id: String,
    can_login: bool,
    can_publish: bool,
    stream_ids: Option<Vec<String>>,
}

impl RtcRoomPayload {
    /// Validates and builds a payload. `stream_ids` of `None` is written as `null`, `Some(vec![])`
    /// as `[]` (both mean "no stream restriction" to ZEGO's servers).
    ///
    /// # Errors
    /// [`Error::InvalidRoomId`] for an empty room id or one over 128 bytes;
    /// [`Error::InvalidStreamId`] for an empty stream id or one over 256 bytes;
    /// [`Error::PayloadTooLarge`] for more than [`MAX_STREAM_ID_COUNT`] stream ids.
    pub fn new(
        room_id: impl Into<String>,
        can_login: bool,
        can_publish: bool,
        stream_ids: Option<Vec<String>>,
    ) -> Result<RtcRoomPayload, Error> {
        let room_id = room_id.into();
        if room_id.is_empty() || room_id.len() > MAX_ROOM_ID_LEN {
            return Err(Error::InvalidRoomId);
        }
        if stream_ids.as_ref().is_some_and(|ids| ids.len() > MAX_STREAM_ID_COUNT) {
            return Err(Error::PayloadTooLarge);
        }
        let too_long = |s: &String| s.is_empty() || s.len() > MAX_STREAM_ID_LEN;
        if stream_ids.iter().flatten().any(too_long) {
            return Err(Error::InvalidStreamId);
        }
        Ok(RtcRoomPayload {
            room_id,
            can_login,
            can_publish,
            stream_ids,
        })
    }

    /// The room id.
    pub fn room_id(&self) -> &str {
        &self.room_id
    }

    /// Whether the user may log in to the room (privilege key 1).
    pub fn can_login(&self) -> bool {
        self.can_login
    }

    /// Whether the user may publish streams (privilege key 2).
    pub fn can_publish(&self) -> bool {
        self.can_publish
    }

    /// The stream ids the user may publish, if restricted.
    pub fn stream_ids(&self) -> Option<&[String]> {
        self.stream_ids.as_deref()
    }

    /// The payload JSON to pass as a token's payload.
    pub fn to_json(&self) -> String {
        let flag = |allowed: bool| if allowed { b'1' } else { b'0' };
        let mut out = Vec::with_capacity(64 + self.room_id.len());
        out.extend_from_slice(b"{\"room_id\":");
        write_json_string(&mut out, &self.room_id);
        out.extend_from_slice(b",\"privilege\":{\"1\":");
        out.push(flag(self.can_login));
        out.extend_from_slice(b",\"2\":");
        out.push(flag(self.can_publish));
        out.extend_from_slice(b"},\"stream_id_list\":");
        match &self.stream_ids {
            None => out.extend_from_slice(b"null"),
            Some(ids) => {
                out.push(b'[');
                for (i, id) in ids.iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    write_json_string(&mut out, id);
                }
                out.push(b']');
            }
        }
        out.push(b'}');
        // Only UTF-8 text and ASCII punctuation were written.
        String::from_utf8(out).unwrap_or_default()
    }
}

impl fmt::Display for RtcRoomPayload {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_json())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_an_empty_stream_list_as_brackets() {
        let p = RtcRoomPayload::new("r", false, true, Some(vec![])).unwrap();
        assert_eq!(
            p.to_json(),
            r#"{"room_id":"r","privilege":{"1":0,"2":1},"stream_id_list":[]}"#
        );
    }

    #[test]
    fn escapes_room_and_stream_ids() {
        let p = RtcRoomPayload::new("a\"b", true, true, Some(vec!["x".into(), "房间".into()])).unwrap();
        assert_eq!(
            p.to_json(),
            r#"{"room_id":"a\"b","privilege":{"1":1,"2":1},"stream_id_list":["x","房间"]}"#
        );
    }

    #[test]
    fn refuses_room_ids_that_are_empty_or_over_128_bytes() {
        assert_eq!(
            RtcRoomPayload::new("", true, true, None).unwrap_err(),
            Error::InvalidRoomId
        );
        assert!(RtcRoomPayload::new("r".repeat(128), true, true, None).is_ok());
        assert_eq!(
            RtcRoomPayload::new("r".repeat(129), true, true, None).unwrap_err(),
            Error::InvalidRoomId
        );
    }

    #[test]
    fn refuses_stream_ids_that_are_empty_or_over_256_bytes() {
        let long = Some(vec!["s".repeat(257)]);
        assert_eq!(
            RtcRoomPayload::new("r", true, true, long).unwrap_err(),
            Error::InvalidStreamId
        );
        let empty = Some(vec!["ok".to_string(), String::new()]);
        assert_eq!(
            RtcRoomPayload::new("r", true, true, empty).unwrap_err(),
            Error::InvalidStreamId
        );
        assert!(RtcRoomPayload::new("r", true, true, Some(vec!["s".repeat(256)])).is_ok());
    }
}
