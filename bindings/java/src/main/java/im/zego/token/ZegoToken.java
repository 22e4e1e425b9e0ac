package im.zego.token;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.StringArray;
import com.sun.jna.ptr.PointerByReference;

import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Generate, decode and verify ZEGO Token04 tokens through the one audited Rust core of zego-token.
 *
 * <pre>{@code
 * String token = ZegoToken.generate(1234567890L, "user_123456", secret, 3600, "");
 * Claims claims = ZegoToken.verify(token, secret, 1234567890L, 0, 30);
 * }</pre>
 *
 * Every failure throws a {@link ZegoTokenException} subclass carrying the library's code.
 */
public final class ZegoToken {
    /** The C ABI version this binding was written for. */
    public static final int ABI_VERSION = Native.ABI_VERSION;

    private ZegoToken() {}

    /** Generates a Token04 (AES-256-GCM). payload "" (or null) is a basic token. */
    public static String generate(long appId, String userId, String secret, long effectiveTimeInSeconds, String payload) {
        if (Jni.AVAILABLE) {
            int app = Native.appId(appId);
            byte[] user = Native.utf8(userId, "userId");
            byte[] key = Native.utf8(secret, "secret");
            byte[] data = Native.utf8(payload == null ? "" : payload, "payload");
            return Jni.token(out -> Jni.generate(app, user, key, effectiveTimeInSeconds, data, out));
        }
        PointerByReference out = Native.out();
        Native.check(Native.Lib.zego_generate_token04(Native.appId(appId), Native.text(userId, "userId"),
                Native.text(secret, "secret"), effectiveTimeInSeconds, Native.text(payload == null ? "" : payload, "payload"), out));
        return Native.take(out);
    }

    /** Generates a basic token. */
    public static String generate(long appId, String userId, String secret, long effectiveTimeInSeconds) {
        return generate(appId, userId, secret, effectiveTimeInSeconds, "");
    }

    /** Decodes a token (current GCM or legacy CBC) without checking time or app id. */
    public static Claims decode(String token, String secret) {
        PointerByReference out = Native.out();
        Native.check(Native.Lib.zego_decode_token04_claims(Native.text(token, "token"), Native.text(secret, "secret"), out));
        return Native.takeClaims(out);
    }

    /**
     * Decodes a token and checks it was made for appId and is valid at nowUnix (unix seconds: any time
     * given is that time, 0 the epoch; {@link #verify(String, String, long)} uses the system clock),
     * tolerating leewaySeconds of clock skew: expired when now >= expire + leeway, not yet valid when
     * ctime > now + leeway.
     */
    public static Claims verify(String token, String secret, long appId, long nowUnix, long leewaySeconds) {
        return verify(token, secret, appId, VerifyOptions.defaults().at(nowUnix).leeway(leewaySeconds));
    }

    /**
     * Decodes a token and checks it was made for appId and passes {@code options}: the clock and
     * leeway as above, the expected user id, and with {@link VerifyOptions#requireGcm()} a legacy
     * CBC token is refused with {@link ZegoTokenException.UnsupportedMode}.
     */
    public static Claims verify(String token, String secret, long appId, VerifyOptions options) {
        return verifyWithAny(token, Collections.singletonList(Objects.requireNonNull(secret, "secret must not be null")), appId,
                options).getClaims();
    }

    /**
     * {@link #verify(String, String, long, VerifyOptions)} with several secrets tried in order (key
     * rotation): also says which one opened the token. {@link ZegoTokenException.AuthFailed}
     * when none does.
     */
    public static Verified verifyWithAny(String token, List<String> secrets, long appId) {
        return verifyWithAny(token, secrets, appId, VerifyOptions.defaults());
    }

    /** {@link #verifyWithAny(String, List, long)} with {@code options}. */
    public static Verified verifyWithAny(String token, List<String> secrets, long appId, VerifyOptions options) {
        Objects.requireNonNull(secrets, "secrets must not be null");
        Objects.requireNonNull(options, "options must not be null");
        byte[] tokenText = Native.text(token, "token");
        String[] texts = new String[secrets.size()];
        for (int i = 0; i < texts.length; i++) texts[i] = Native.checkedText(secrets.get(i), "secret");
        StringArray array = new StringArray(texts, "UTF-8");
        Pointer nativeOptions = options.toNative();
        try {
            PointerByReference out = Native.out();
            Memory index = new Memory(com.sun.jna.Native.SIZE_T_SIZE);
            index.clear();
            Native.check(Native.Lib.zego_verify_token04_with_options(tokenText, array, texts.length, Native.appId(appId),
                    nativeOptions, out, index));
            long matched = com.sun.jna.Native.SIZE_T_SIZE == 8 ? index.getLong(0) : Integer.toUnsignedLong(index.getInt(0));
            return new Verified(Native.takeClaims(out), (int) matched);
        } finally {
            Native.Lib.zego_verify_options_free(nativeOptions);
        }
    }

    /** Verifies against the system clock with no leeway. */
    public static Claims verify(String token, String secret, long appId) {
        return verify(token, secret, appId, VerifyOptions.defaults());
    }

    /** The version of the loaded native library. */
    public static String libraryVersion() {
        return Native.Lib.zego_token_version();
    }

    /** The library's English sentence for a code. */
    public static String message(int code) {
        return Native.Lib.zego_error_message(code);
    }
}
