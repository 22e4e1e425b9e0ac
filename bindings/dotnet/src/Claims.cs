using System;
using System.Collections.Generic;
using System.Linq;

namespace ZegoToken
{
    /// <summary>What a token says. Immutable. <see cref="Mode"/> is "gcm" (current format) or "cbc" (legacy).</summary>
    public sealed class Claims : IEquatable<Claims>
    {
        internal Claims(uint appId, string userId, long ctime, long expire, long nonce, string payload, string mode,
            IReadOnlyList<string> findings)
        {
            Findings = findings;
            AppId = appId;
            UserId = userId;
            Ctime = ctime;
            Expire = expire;
            Nonce = nonce;
            Payload = payload;
            Mode = mode;
        }

        /// <summary>The app id the token was made for.</summary>
        public uint AppId { get; }
        /// <summary>The user the token was made for.</summary>
        public string UserId { get; }
        /// <summary>When the token was made, unix seconds.</summary>
        public long Ctime { get; }
        /// <summary>When the token expires, unix seconds.</summary>
        public long Expire { get; }
        /// <summary>The random number of the plaintext.</summary>
        public long Nonce { get; }
        /// <summary>The payload text ("" for a basic token).</summary>
        public string Payload { get; }
        /// <summary>"gcm" or "cbc".</summary>
        public string Mode { get; }

        /// <summary>
        /// The values that break a generation rule, by name, in a fixed order ("app_id_zero",
        /// "user_id_empty", "user_id_too_long", "expire_not_after_ctime", "ctime_before_epoch",
        /// "nonce_out_of_range"); empty for a token made within the rules. Decoding never refuses a
        /// token for them; verifying refuses them (code 24) only in a legacy CBC token, which is not
        /// authenticated.
        /// </summary>
        public IReadOnlyList<string> Findings { get; }

        /// <summary><see cref="Ctime"/> as a DateTimeOffset (UTC).</summary>
        public DateTimeOffset CreatedAt => DateTimeOffset.FromUnixTimeSeconds(Ctime);

        /// <summary><see cref="Expire"/> as a DateTimeOffset (UTC).</summary>
        public DateTimeOffset ExpiresAt => DateTimeOffset.FromUnixTimeSeconds(Expire);

        /// <inheritdoc />
        public bool Equals(Claims other) =>
            !ReferenceEquals(other, null) && AppId == other.AppId && UserId == other.UserId && Ctime == other.Ctime
            && Expire == other.Expire && Nonce == other.Nonce && Payload == other.Payload && Mode == other.Mode
            && Findings.SequenceEqual(other.Findings);

        /// <inheritdoc />
        public override bool Equals(object obj) => Equals(obj as Claims);

        /// <inheritdoc />
        public override int GetHashCode() => (UserId.GetHashCode() * 31 + Ctime.GetHashCode()) * 31 + Nonce.GetHashCode();

        /// <inheritdoc />
        public override string ToString() =>
            $"Claims {{ AppId = {AppId}, UserId = {UserId}, Ctime = {Ctime}, Expire = {Expire}, Nonce = {Nonce}, Payload = {Payload}, Mode = {Mode}, Findings = [{string.Join(", ", Findings)}] }}";
    }
}
