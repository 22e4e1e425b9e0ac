package im.zego.serverassistant.utils;

import im.zego.token.ZegoToken;
import im.zego.token.ZegoTokenException;

/**
 * Drop-in for the official zego_server_assistant Java class of the same name and package: the same
 * {@code generateToken04} signature and {@code TokenInfo { data, error { code, message } }} result,
 * the same {@code ErrorCode} values and privilege constants. Backed by zego-token. Unlike the official
 * class it prints nothing (not even with VERBOSE) and uses AES-GCM with nonces from a CSPRNG.
 */
public final class TokenServerAssistant {
    /** Kept for source compatibility; this implementation never prints anything. */
    public static boolean VERBOSE = false;

    public static final Integer PrivilegeKeyLogin = 1;
    public static final Integer PrivilegeKeyPublish = 2;
    public static final int PrivilegeEnable = 1;
    public static final int PrivilegeDisable = 0;

    /** The official codes; any other zego-token code is reported as OTHER with the code in the message. */
    public enum ErrorCode {
        SUCCESS(0),
        ILLEGAL_APP_ID(1),
        ILLEGAL_USER_ID(3),
        ILLEGAL_SECRET(5),
        ILLEGAL_EFFECTIVE_TIME(6),
        OTHER(-1);

        public int value;

        ErrorCode(int code) {
            this.value = code;
        }

        static ErrorCode of(int code) {
            for (ErrorCode c : values()) {
                if (c.value == code) return c;
            }
            return OTHER;
        }
    }

    public static class ErrorInfo {
        public ErrorCode code = ErrorCode.SUCCESS;
        public String message = "";

        @Override
        public String toString() {
            return "{\"code\": " + code.value + ", \"message\": \"" + message + "\"}";
        }
    }

    public static class TokenInfo {
        public String data = "";
        public ErrorInfo error = new ErrorInfo();

        @Override
        public String toString() {
            return "TokenInfo {\"error\": " + error + ", \"data\": \"" + data + "\"}";
        }
    }

    private TokenServerAssistant() {}

    /** Same parameters and result as the official method; never throws for invalid input. */
    public static TokenInfo generateToken04(long appId, String userId, String secret, int effectiveTimeInSeconds, String payload) {
        TokenInfo token = new TokenInfo();
        // The official class reports a null user id or secret with its own codes.
        if (userId == null) return failed(token, ErrorCode.ILLEGAL_USER_ID, "illegal userId");
        if (secret == null) return failed(token, ErrorCode.ILLEGAL_SECRET, "illegal secret");
        try {
            token.data = ZegoToken.generate(appId, userId, secret, effectiveTimeInSeconds, payload);
        } catch (ZegoTokenException e) {
            int code = e.getCode() == 10 && (appId < 0 || appId > 0xFFFFFFFFL) ? 1 : e.getCode();
            token.error.code = ErrorCode.of(code);
            token.error.message = token.error.code == ErrorCode.OTHER ? e.getMessage() + " (code " + code + ")" : officialMessage(token.error.code);
        }
        return token;
    }

    /** The official class's message for each of its codes, word for word. */
    private static String officialMessage(ErrorCode code) {
        switch (code) {
            case ILLEGAL_APP_ID: return "illegal appId";
            case ILLEGAL_USER_ID: return "illegal userId";
            case ILLEGAL_SECRET: return "illegal secret";
            case ILLEGAL_EFFECTIVE_TIME: return "effectiveTimeInSeconds must > 0";
            default: return "";
        }
    }

    private static TokenInfo failed(TokenInfo token, ErrorCode code, String message) {
        token.error.code = code;
        token.error.message = message;
        return token;
    }
}
