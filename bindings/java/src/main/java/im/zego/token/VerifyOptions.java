package im.zego.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a verification checks beyond the token's integrity and app id: the clock, the tolerated
 * skew, the expected user id and whether legacy tokens are accepted. Immutable; each method
 * returns a changed copy.
 *
 * <pre>{@code
 * VerifyOptions options = VerifyOptions.defaults().leeway(Duration.ofSeconds(30)).userId("alice").requireGcm();
 * }</pre>
 */
public final class VerifyOptions {
    private static final VerifyOptions DEFAULTS = new VerifyOptions(null, null, 0, null, false);

    private final Long nowUnix; // null: the clock below, or the system clock
    private final Clock clock;
    private final long leewaySeconds;
    private final String userId;
    private final boolean requireGcm;

    private VerifyOptions(Long nowUnix, Clock clock, long leewaySeconds, String userId, boolean requireGcm) {
        this.nowUnix = nowUnix;
        this.clock = clock;
        this.leewaySeconds = leewaySeconds;
        this.userId = userId;
        this.requireGcm = requireGcm;
    }

    /** The system clock, no leeway, any user id, both formats. */
    public static VerifyOptions defaults() { return DEFAULTS; }

    /** Checks at this time in unix seconds (0 is the unix epoch; use {@link #defaults()} for the system clock). */
    public VerifyOptions at(long nowUnix) { return new VerifyOptions(nowUnix, null, leewaySeconds, userId, requireGcm); }

    /** Checks at this instant (whole seconds). */
    public VerifyOptions at(Instant now) {
        return at(Objects.requireNonNull(now, "now must not be null").getEpochSecond());
    }

    /** Reads the time from this clock at each verification (for tests: {@code Clock.fixed}). */
    public VerifyOptions clock(Clock clock) {
        return new VerifyOptions(null, Objects.requireNonNull(clock, "clock must not be null"), leewaySeconds, userId, requireGcm);
    }

    /** Tolerates this much clock skew in seconds (not negative: the library refuses it with InvalidArgument). */
    public VerifyOptions leeway(long seconds) { return new VerifyOptions(nowUnix, clock, seconds, userId, requireGcm); }

    /** Tolerates this much clock skew (whole seconds). */
    public VerifyOptions leeway(Duration leeway) {
        return leeway(Objects.requireNonNull(leeway, "leeway must not be null").getSeconds());
    }

    /** Requires the token to have been made for this user id ({@link ZegoTokenException.UserIdMismatch}, code 33). */
    public VerifyOptions userId(String userId) {
        return new VerifyOptions(nowUnix, clock, leewaySeconds, Objects.requireNonNull(userId, "userId must not be null"), requireGcm);
    }

    /** Refuses legacy CBC tokens, which are not authenticated, with {@link ZegoTokenException.UnsupportedMode}. */
    public VerifyOptions requireGcm() { return new VerifyOptions(nowUnix, clock, leewaySeconds, userId, true); }

    /** The time checked at in unix seconds, or null for the clock (the system clock by default). */
    public Long getNowUnix() { return nowUnix != null ? nowUnix : clock != null ? clock.instant().getEpochSecond() : null; }

    /** The tolerated clock skew in seconds. */
    public long getLeewaySeconds() { return leewaySeconds; }

    /** The expected user id, or null for any. */
    public String getUserId() { return userId; }

    /** Whether legacy CBC tokens are refused. */
    public boolean isRequireGcm() { return requireGcm; }

    /** This object's settings as a native options handle, for one call; the caller frees it. */
    com.sun.jna.Pointer toNative() {
        byte[] user = userId == null ? null : Native.text(userId, "userId");
        Long now = getNowUnix();
        com.sun.jna.ptr.PointerByReference made = Native.out();
        Native.check(Native.Lib.zego_verify_options_new(made));
        com.sun.jna.Pointer options = made.getValue();
        try {
            if (now != null) Native.check(Native.Lib.zego_verify_options_set_now(options, now));
            Native.check(Native.Lib.zego_verify_options_set_leeway(options, leewaySeconds));
            if (user != null) Native.check(Native.Lib.zego_verify_options_set_user_id(options, user));
            Native.check(Native.Lib.zego_verify_options_set_require_gcm(options, requireGcm ? 1 : 0));
            return options;
        } catch (RuntimeException e) {
            Native.Lib.zego_verify_options_free(options);
            throw e;
        }
    }

    @Override
    public String toString() {
        return "VerifyOptions(now=" + (nowUnix != null ? nowUnix : clock != null ? clock : "system clock") + ", leeway="
                + leewaySeconds + ", userId=" + userId + ", requireGcm=" + requireGcm + ")";
    }
}
