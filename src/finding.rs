//! Findings: claim values outside the generation rules, reported on decoded claims (never a
//! reason to refuse a decode). `zego_token_claims_findings` returns them as a set of the bits
//! below; `zego_finding_name` names one.

use std::ffi::c_char;
use std::ptr;

use zego::Finding;

/// Finding bit: the app id is 0.
pub const ZEGO_FINDING_APP_ID_ZERO: u32 = 1;
/// Finding bit: the user id is empty.
pub const ZEGO_FINDING_USER_ID_EMPTY: u32 = 1 << 1;
/// Finding bit: the user id is longer than 64 bytes (ZEGO's server limit).
pub const ZEGO_FINDING_USER_ID_TOO_LONG: u32 = 1 << 2;
/// Finding bit: `expire` is not after `ctime`.
pub const ZEGO_FINDING_EXPIRE_NOT_AFTER_CTIME: u32 = 1 << 3;
/// Finding bit: `ctime` is before 1970.
pub const ZEGO_FINDING_CTIME_BEFORE_EPOCH: u32 = 1 << 4;
/// Finding bit: the nonce is outside the int32 range.
pub const ZEGO_FINDING_NONCE_OUT_OF_RANGE: u32 = 1 << 5;

/// The stable name of one finding bit ("app_id_zero", "user_id_empty", "user_id_too_long",
/// "expire_not_after_ctime", "ctime_before_epoch", "nonce_out_of_range"), as in the claims JSON's
/// "findings" list; NULL for 0, an unknown bit or several bits. Static: never freed. Thread-safe.
#[no_mangle]
pub extern "C" fn zego_finding_name(finding: u32) -> *const c_char {
    ffi_boundary! {
        Finding::ALL
            .into_iter()
            .find(|f| f.bit() == finding)
            .map_or(ptr::null(), |f| f.name_cstr().as_ptr())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c_bits_equal_the_cores() {
        let c_bits = [
            ZEGO_FINDING_APP_ID_ZERO,
            ZEGO_FINDING_USER_ID_EMPTY,
            ZEGO_FINDING_USER_ID_TOO_LONG,
            ZEGO_FINDING_EXPIRE_NOT_AFTER_CTIME,
            ZEGO_FINDING_CTIME_BEFORE_EPOCH,
            ZEGO_FINDING_NONCE_OUT_OF_RANGE,
        ];
        assert_eq!(c_bits.len(), Finding::ALL.len());
        for (bit, finding) in c_bits.into_iter().zip(Finding::ALL) {
            assert_eq!(bit, finding.bit());
        }
    }
}
