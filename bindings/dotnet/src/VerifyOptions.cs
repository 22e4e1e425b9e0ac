using System;

namespace ZegoToken
{
    /// <summary>
    /// What a verification checks beyond the token's integrity and app id: the clock, the tolerated
    /// skew, the expected user id and whether legacy tokens are accepted. The defaults are the
    /// system clock, no leeway, any user id and both formats.
    /// </summary>
    /// <example><code>
    /// var claims = Token04.Verify(token, secret, appId,
    ///     new VerifyOptions { Leeway = TimeSpan.FromSeconds(30), UserId = "alice", RequireGcm = true });
    /// </code></example>
    public sealed class VerifyOptions
    {
        /// <summary>
        /// The time to check at; null (the default) is the system clock. Any time given is that
        /// time, the epoch included.
        /// </summary>
        public DateTimeOffset? Now
        {
            get => NowUnix.HasValue ? DateTimeOffset.FromUnixTimeSeconds(NowUnix.Value) : (DateTimeOffset?)null;
            set => NowUnix = value?.ToUnixTimeSeconds();
        }

        /// <summary>
        /// <see cref="Now"/> in unix seconds (any int64, beyond DateTimeOffset's years too); null (the
        /// default) is the system clock, and 0 is the epoch, as everywhere in this library.
        /// </summary>
        public long? NowUnix { get; set; }

        /// <summary>Tolerated clock skew in seconds, not negative (the library refuses it with InvalidArgument).</summary>
        public long LeewaySeconds { get; set; }

        /// <summary><see cref="LeewaySeconds"/> as a TimeSpan (whole seconds).</summary>
        public TimeSpan Leeway
        {
            get => TimeSpan.FromSeconds(LeewaySeconds);
            set => LeewaySeconds = (long)value.TotalSeconds;
        }

        /// <summary>The user id the token must be for (<see cref="ZegoTokenException.UserIdMismatch"/>, code 33); null for any.</summary>
        public string UserId { get; set; }

        /// <summary>Refuse legacy CBC tokens, which are not authenticated, with <see cref="ZegoTokenException.UnsupportedMode"/>.</summary>
        public bool RequireGcm { get; set; }
    }

    /// <summary>The result of <see cref="Token04.VerifyWithAny"/>: the claims and which secret opened the token.</summary>
    public sealed class VerifyResult
    {
        internal VerifyResult(Claims claims, int secretIndex)
        {
            Claims = claims;
            SecretIndex = secretIndex;
        }

        /// <summary>The token's claims.</summary>
        public Claims Claims { get; }

        /// <summary>The index, in the list given, of the secret that opened the token.</summary>
        public int SecretIndex { get; }
    }
}
