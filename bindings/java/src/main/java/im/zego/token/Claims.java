package im.zego.token;

import java.time.Instant;
import java.util.Objects;

/** What a token says. Immutable. {@link #getMode()} is "gcm" (current format) or "cbc" (legacy). */
public final class Claims {
    private final long appId;
    private final String userId;
    private final long ctime;
    private final long expire;
    private final long nonce;
    private final String payload;
    private final String mode;

    Claims(long appId, String userId, long ctime, long expire, long nonce, String payload, String mode) {
        this.appId = appId;
        this.userId = userId;
        this.ctime = ctime;
        this.expire = expire;
        this.nonce = nonce;
        this.payload = payload;
        this.mode = mode;
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
    /** {@link #getCtime()} as an Instant. */
    public Instant getCreatedAt() { return Instant.ofEpochSecond(ctime); }
    /** {@link #getExpire()} as an Instant. */
    public Instant getExpiresAt() { return Instant.ofEpochSecond(expire); }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Claims)) return false;
        Claims c = (Claims) o;
        return appId == c.appId && ctime == c.ctime && expire == c.expire && nonce == c.nonce
                && userId.equals(c.userId) && payload.equals(c.payload) && mode.equals(c.mode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(appId, userId, ctime, expire, nonce, payload, mode);
    }

    @Override
    public String toString() {
        return "Claims{appId=" + appId + ", userId='" + userId + "', ctime=" + ctime + ", expire=" + expire
                + ", nonce=" + nonce + ", payload='" + payload + "', mode=" + mode + "}";
    }
}
