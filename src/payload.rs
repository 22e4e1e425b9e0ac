//! The RTC room privilege payload.

use std::ffi::c_char;

use super::strings::{deliver_string, required_str};
use super::zego_result;
use zego::RtcRoomPayload;

/// Builds the JSON payload of an RTC room privilege token:
/// `{"room_id":"r","privilege":{"1":1,"2":0},"stream_id_list":null}`.
///
/// - `room_id`: required, 1 to 128 bytes of UTF-8.
/// - `can_login`, `can_publish`: 0 is denied, any other value allowed.
/// - `stream_ids`, `stream_id_count`: NULL and 0 give `"stream_id_list":null`; a non-NULL array
///   of `stream_id_count` non-NULL strings (1 to 256 bytes each) gives a list (`[]` for 0).
///   A count over `ZEGO_MAX_STREAM_ID_COUNT` can never fit in a token and is refused with code 7
///   before the array is read.
/// - `payload_out`: on success receives new JSON that the caller frees with `zego_string_free`.
///   Untouched on error.
///
/// Returns 0 or a code: 7 too many stream ids; 8 room id invalid; 9 stream id invalid; 11 NULL pointer (also a NULL
/// array with a non-zero count, or a NULL element); 12 invalid UTF-8. Thread-safe.
#[no_mangle]
pub extern "C" fn zego_rtc_room_payload(
    room_id: *const c_char,
    can_login: i32,
    can_publish: i32,
    stream_ids: *const *const c_char,
    stream_id_count: usize,
    payload_out: *mut *mut c_char,
) -> i32 {
    ffi_boundary! {
        // SAFETY: the pointers are NULL or valid, and `stream_ids` holds `stream_id_count`
        // pointers, per this function's contract.
        unsafe {
            deliver_string(payload_out, || {
                let room_id = required_str(room_id)?;
                let stream_ids = match (stream_ids.is_null(), stream_id_count) {
                    (true, 0) => None,
                    (_, count) if count > zego::MAX_STREAM_ID_COUNT => return Err(zego_result::PayloadTooLarge),
                    (true, _) => return Err(zego_result::NullPointer),
                    (false, count) => Some(
                        std::slice::from_raw_parts(stream_ids, count)
                            .iter()
                            .map(|&id| required_str(id).map(str::to_owned))
                            .collect::<Result<Vec<_>, _>>()?,
                    ),
                };
                Ok(RtcRoomPayload::new(room_id, can_login != 0, can_publish != 0, stream_ids)?.to_json())
            })
        }
    }
}
