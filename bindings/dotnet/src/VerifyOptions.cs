namespace ZegoToken
{
    /// <summary>
    /// What <see cref="Token04.Verify(string, string, uint, VerifyOptions)"/> checks beyond the
    /// token's integrity and app id: the clock, the tolerated skew and whether legacy tokens are
    /// accepted. The defaults are the system clock, no leeway and both formats.
    /// </summary>
    /// <example><code>
    /// var claims = Token04.Verify(token, secret, appId, new VerifyOptions { LeewaySeconds = 30, RequireGcm = true });
    /// </code></example>
    public sealed class VerifyOptions
    {
        /// <summary>The time to check at, in unix seconds; 0 (the default) is the system clock.</summary>
        public long NowUnix { get; set; }

        /// <summary>Tolerated clock skew in seconds, not negative (the library refuses it with InvalidArgument).</summary>
        public long LeewaySeconds { get; set; }

        /// <summary>Refuse legacy CBC tokens, which are not authenticated, with <see cref="ZegoTokenException.UnsupportedMode"/>.</summary>
        public bool RequireGcm { get; set; }
    }
}
