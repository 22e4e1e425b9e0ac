package im.zego.token;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a token says. Immutable. {@link #getMode()} is "gcm" (current format) or "cbc" (legacy).
 * {@link #getFindings()} names the values that break a generation rule: decoding never refuses a
 * token for them; verifying refuses them ({@link ZegoTokenException.BadPlaintext}) only in a legacy
 * CBC token, which is not authenticated.
 */
public final class Claims {
    private final long appId;
    private final String userId;
    private final long ctime;
    private final long expire;
    private final long nonce;
    private final String payload;
    private final String mode;
    private final List<String> findings;

    Claims(long appId, String userId, long ctime, long expire, long nonce, String payload, String mode,
            List<String> findings) {
        this.appId = appId;
        this.userId = userId;
        this.ctime = ctime;
        this.expire = expire;
        this.nonce = nonce;
        this.payload = payload;
        this.mode = mode;
        this.findings = findings;
    }

    public long getAppId() { return appId; }
    public String getUserId() { return userId; }
    /** When the token was made, unix seconds. */
    public long getCtime() { return ctime; }
    /** When the token expires, unix seconds. */
    public long getExpire() { return expire; }
    public long getNonce() { return nonce; }
    public String getPayload() { return payload; }
    public String getMode() { return mode; }
    /**
     * The values that break a generation rule, by name, in a fixed order: "app_id_zero",
     * "user_id_empty", "user_id_too_long", "expire_not_after_ctime", "ctime_before_epoch",
     * "nonce_out_of_range". Empty (unmodifiable) for a token made within the rules.
     */
    public List<String> getFindings() { return findings; }
    /** {@link #getCtime()} as an Instant. */
    public Instant getCreatedAt() { return Instant.ofEpochSecond(ctime); }
    /** {@link #getExpire()} as an Instant. */
    public Instant getExpiresAt() { return Instant.ofEpochSecond(expire); }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Claims)) return false;
        Claims c = (Claims) o;
        return appId == c.appId && ctime == c.ctime && expire == c.expire && nonce == c.nonce
                && userId.equals(c.userId) && payload.equals(c.payload) && mode.equals(c.mode)
                && findings.equals(c.findings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(appId, userId, ctime, expire, nonce, payload, mode, findings);
    }

    @Override
    public String toString() {
        return "Claims{appId=" + appId + ", userId='" + userId + "', ctime=" + ctime + ", expire=" + expire
                + ", nonce=" + nonce + ", payload='" + payload + "', mode=" + mode + ", findings=" + findings + "}";
    }
}
