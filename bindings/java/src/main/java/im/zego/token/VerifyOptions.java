package im.zego.token;

/**
 * What {@link ZegoToken#verify(String, String, long, VerifyOptions)} checks beyond the token's
 * integrity and app id: the clock, the tolerated skew and whether legacy tokens are accepted.
 * Immutable; each method returns a changed copy.
 *
 * <pre>{@code
 * VerifyOptions options = VerifyOptions.defaults().leeway(30).requireGcm();
 * }</pre>
 */
public final class VerifyOptions {
    private static final VerifyOptions DEFAULTS = new VerifyOptions(0, 0, false);

    private final long nowUnix;
    private final long leewaySeconds;
    private final boolean requireGcm;

    private VerifyOptions(long nowUnix, long leewaySeconds, boolean requireGcm) {
        this.nowUnix = nowUnix;
        this.leewaySeconds = leewaySeconds;
        this.requireGcm = requireGcm;
    }

    /** The system clock, no leeway, both formats. */
    public static VerifyOptions defaults() { return DEFAULTS; }

    /** Checks at this time in unix seconds (0: the system clock). */
    public VerifyOptions at(long nowUnix) { return new VerifyOptions(nowUnix, leewaySeconds, requireGcm); }

    /** Tolerates this much clock skew in seconds (not negative: the library refuses it with InvalidArgument). */
    public VerifyOptions leeway(long seconds) { return new VerifyOptions(nowUnix, seconds, requireGcm); }

    /** Refuses legacy CBC tokens, which are not authenticated, with {@link ZegoTokenException.UnsupportedMode}. */
    public VerifyOptions requireGcm() { return new VerifyOptions(nowUnix, leewaySeconds, true); }

    /** The time checked at, in unix seconds; 0 is the system clock. */
    public long getNowUnix() { return nowUnix; }

    /** The tolerated clock skew in seconds. */
    public long getLeewaySeconds() { return leewaySeconds; }

    /** Whether legacy CBC tokens are refused. */
    public boolean isRequireGcm() { return requireGcm; }

    @Override
    public String toString() {
        return "VerifyOptions(now=" + nowUnix + ", leeway=" + leewaySeconds + ", requireGcm=" + requireGcm + ")";
    }
}
