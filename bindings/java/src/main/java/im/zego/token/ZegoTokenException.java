package im.zego.token;

/**
 * Every failure of zego-token: {@link #getCode()} is the library's stable numeric code, the same in
 * every language. One subclass per reason, so callers can catch exactly what they handle.
 */
public class ZegoTokenException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int code;

    public ZegoTokenException(int code, String message) {
        super(message);
        this.code = code;
    }

    /** The library's numeric code (1 app id, 3 user id, 5 secret, 6 effective time, 20.. token, 30.. verify). */
    public int getCode() {
        return code;
    }

    static ZegoTokenException of(int code, String message) {
        switch (code) {
            case 1: return new InvalidAppId(message);
            case 3: return new InvalidUserId(message);
            case 5: return new InvalidSecret(message);
            case 6: return new InvalidEffectiveTime(message);
            case 7: return new PayloadTooLarge(message);
            case 8: return new InvalidRoomId(message);
            case 9: return new InvalidStreamId(message);
            case 10: return new InvalidArgument(message);
            case 11: return new NullPointer(message);
            case 12: return new InvalidUtf8(message);
            case 20: return new Malformed(message);
            case 21: return new UnsupportedVersion(message);
            case 22: return new UnsupportedMode(message);
            case 23: return new AuthFailed(message);
            case 24: return new BadPlaintext(message);
            case 30: return new Expired(message);
            case 31: return new NotYetValid(message);
            case 32: return new AppIdMismatch(message);
            case 33: return new UserIdMismatch(message);
            case 40: return new RandomUnavailable(message);
            case 41: return new Panic(message);
            default: return new ZegoTokenException(code, message);
        }
    }

    /** Code 1: the app id is 0. */
    public static final class InvalidAppId extends ZegoTokenException {
        private static final long serialVersionUID = 1L;
        InvalidAppId(String m) { super(1, m); }
    }

    /** Code 3: the user id is empty or longer than 64 bytes. */
    public static final class InvalidUserId extends ZegoTokenException {
        private static final long serialVersionUID = 1L;
        InvalidUserId(String m) { super(3, m); }
    }

    /** Code 5: the secret is not exactly 32 ASCII bytes. */
    public static final class InvalidSecret extends ZegoTokenException {
        private static final long serialVersionUID = 1L;
        InvalidSecret(String m) { super(5, m); }
    }

    /** Code 6: the effective time is {@code <= 0} or the expiry overflows. */
    public static final class InvalidEffectiveTime extends ZegoTokenException {
        private static final long serialVersionUID = 1L;
        InvalidEffectiveTime(String m) { super(6, m); }
    }

    /** Code 7: the plaintext would not fit the token's 16-bit length field. */
    public static final class PayloadTooLarge extends ZegoTokenException {
        private static final long serialVersionUID = 1L;
        PayloadTooLarge(String m) { super(7, m); }
    }

    /** Code 8: the room id is empty or longer than 128 bytes. */
    public static final class InvalidRoomId extends ZegoTokenException {
        private static final long serialVersionUID = 1L;
        InvalidRoomId(String m) { super(8, m); }
    }

    /** Code 9: a stream id is empty or longer than 256 bytes. */
    public static final class InvalidStreamId extends ZegoTokenException {
        private static final long serialVersionUID = 1L;
        InvalidStreamId(String m) { super(9, m); }
    }

    /** Code 10: an argument is out of range (also a NUL character in a string). */
    public static final class InvalidArgument extends ZegoTokenException {
        private static final long serialVersionUID = 1L;
        InvalidArgument(String m) { super(10, m); }
    }

    /** Code 11: a required argument is null. */
    public static final class NullPointer extends ZegoTokenException {
        private static final long serialVersionUID = 1L;
        NullPointer(String m) { super(11, m); }
    }

    /** Code 12: a string is not encodable as UTF-8 (a lone surrogate). */
    public static final class InvalidUtf8 extends ZegoTokenException {
        private static final long serialVersionUID = 1L;
        InvalidUtf8(String m) { super(12, m); }
    }

    /** Code 20: the token is malformed. */
    public static final class Malformed extends ZegoTokenException {
        private static final long serialVersionUID = 1L;
        Malformed(String m) { super(20, m); }
    }

    /** Code 21: the token does not start with "04". */
    public static final class UnsupportedVersion extends ZegoTokenException {
        private static final long serialVersionUID = 1L;
        UnsupportedVersion(String m) { super(21, m); }
    }

    /** Code 22: the token's mode byte is not 1. */
    public static final class UnsupportedMode extends ZegoTokenException {
        private static final long serialVersionUID = 1L;
        UnsupportedMode(String m) { super(22, m); }
    }

    /**
     * Code 23 under its first name: a token refused as {@link AuthFailed} is also this, so code that
     * catches it keeps working.
     * @deprecated Catch {@link AuthFailed} (the names follow the C ones, ZEGO_RESULT_AUTH_FAILED).
     */
    @Deprecated
    public static class AuthenticationFailed extends ZegoTokenException {
        private static final long serialVersionUID = 1L;
        AuthenticationFailed(String m) { super(23, m); }
    }

    /** Code 23: wrong secret, or the token was altered. */
    @SuppressWarnings("deprecation")
    public static final class AuthFailed extends AuthenticationFailed {
        private static final long serialVersionUID = 1L;
        AuthFailed(String m) { super(m); }
    }

    /** Code 24: the token decrypts but is not the expected claims. */
    public static final class BadPlaintext extends ZegoTokenException {
        private static final long serialVersionUID = 1L;
        BadPlaintext(String m) { super(24, m); }
    }

    /** Code 30: now >= expire + leeway. */
    public static final class Expired extends ZegoTokenException {
        private static final long serialVersionUID = 1L;
        Expired(String m) { super(30, m); }
    }

    /** Code 31: ctime > now + leeway. */
    public static final class NotYetValid extends ZegoTokenException {
        private static final long serialVersionUID = 1L;
        NotYetValid(String m) { super(31, m); }
    }

    /** Code 32: the token was made for another app id. */
    public static final class AppIdMismatch extends ZegoTokenException {
        private static final long serialVersionUID = 1L;
        AppIdMismatch(String m) { super(32, m); }
    }

    /** Code 33: the token was made for another user id. */
    public static final class UserIdMismatch extends ZegoTokenException {
        private static final long serialVersionUID = 1L;
        UserIdMismatch(String m) { super(33, m); }
    }

    /** Code 40: the operating system's random number generator failed. */
    public static final class RandomUnavailable extends ZegoTokenException {
        private static final long serialVersionUID = 1L;
        RandomUnavailable(String m) { super(40, m); }
    }

    /** Code 41: a bug in the library, caught at the boundary (please report it). */
    public static final class Panic extends ZegoTokenException {
        private static final long serialVersionUID = 1L;
        Panic(String m) { super(41, m); }
    }
}
