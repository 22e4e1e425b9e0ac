using System;

namespace ZegoToken
{
    /// <summary>
    /// Every zego-token failure. <see cref="Code"/> is the library's stable numeric code, the same in
    /// every language; each reason has its own nested subclass.
    /// </summary>
    public class ZegoTokenException : Exception
    {
        /// <summary>Creates an exception for a library code.</summary>
        public ZegoTokenException(int code, string message) : base(message) { Code = code; }

        /// <summary>The library's numeric code (1 app id, 3 user id, 5 secret, 6 effective time, 20.. token, 30.. verify).</summary>
        public int Code { get; }

        internal static ZegoTokenException FromCode(int code, string message)
        {
            switch (code)
            {
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

        /// <summary>Code 1: the app id is 0.</summary>
        public sealed class InvalidAppId : ZegoTokenException { internal InvalidAppId(string m) : base(1, m) { } }
        /// <summary>Code 3: the user id is empty or longer than 64 bytes.</summary>
        public sealed class InvalidUserId : ZegoTokenException { internal InvalidUserId(string m) : base(3, m) { } }
        /// <summary>Code 5: the secret is not exactly 32 ASCII bytes.</summary>
        public sealed class InvalidSecret : ZegoTokenException { internal InvalidSecret(string m) : base(5, m) { } }
        /// <summary>Code 6: the effective time is &lt;= 0 or the expiry overflows.</summary>
        public sealed class InvalidEffectiveTime : ZegoTokenException { internal InvalidEffectiveTime(string m) : base(6, m) { } }
        /// <summary>Code 7: the plaintext would not fit the token's 16-bit length field.</summary>
        public sealed class PayloadTooLarge : ZegoTokenException { internal PayloadTooLarge(string m) : base(7, m) { } }
        /// <summary>Code 8: the room id is empty or longer than 128 bytes.</summary>
        public sealed class InvalidRoomId : ZegoTokenException { internal InvalidRoomId(string m) : base(8, m) { } }
        /// <summary>Code 9: a stream id is empty or longer than 256 bytes.</summary>
        public sealed class InvalidStreamId : ZegoTokenException { internal InvalidStreamId(string m) : base(9, m) { } }
        /// <summary>Code 10: an argument is out of range (also a NUL character in a string).</summary>
        public sealed class InvalidArgument : ZegoTokenException { internal InvalidArgument(string m) : base(10, m) { } }
        /// <summary>Code 11: a required argument is null.</summary>
        public sealed class NullPointer : ZegoTokenException { internal NullPointer(string m) : base(11, m) { } }
        /// <summary>Code 12: a string is not encodable as UTF-8 (a lone surrogate).</summary>
        public sealed class InvalidUtf8 : ZegoTokenException { internal InvalidUtf8(string m) : base(12, m) { } }
        /// <summary>Code 20: the token is malformed.</summary>
        public sealed class Malformed : ZegoTokenException { internal Malformed(string m) : base(20, m) { } }
        /// <summary>Code 21: the token does not start with "04".</summary>
        public sealed class UnsupportedVersion : ZegoTokenException { internal UnsupportedVersion(string m) : base(21, m) { } }
        /// <summary>Code 22: the token's mode byte is not 1.</summary>
        public sealed class UnsupportedMode : ZegoTokenException { internal UnsupportedMode(string m) : base(22, m) { } }
        /// <summary>Code 23: wrong secret, or the token was altered.</summary>
#pragma warning disable 618 // derives from its deprecated first name, so that catching that still works
        public sealed class AuthFailed : AuthenticationFailed { internal AuthFailed(string m) : base(m) { } }
#pragma warning restore 618
        /// <summary>Code 23 under its first name: a token refused as <see cref="AuthFailed"/> is also this.</summary>
        [Obsolete("Catch ZegoTokenException.AuthFailed: the names follow the C ones (ZEGO_RESULT_AUTH_FAILED).")]
        public class AuthenticationFailed : ZegoTokenException { internal AuthenticationFailed(string m) : base(23, m) { } }
        /// <summary>Code 24: the token decrypts but is not the expected claims.</summary>
        public sealed class BadPlaintext : ZegoTokenException { internal BadPlaintext(string m) : base(24, m) { } }
        /// <summary>Code 30: now &gt;= expire + leeway.</summary>
        public sealed class Expired : ZegoTokenException { internal Expired(string m) : base(30, m) { } }
        /// <summary>Code 31: ctime &gt; now + leeway.</summary>
        public sealed class NotYetValid : ZegoTokenException { internal NotYetValid(string m) : base(31, m) { } }
        /// <summary>Code 32: the token was made for another app id.</summary>
        public sealed class AppIdMismatch : ZegoTokenException { internal AppIdMismatch(string m) : base(32, m) { } }
        /// <summary>Code 33: the token was made for another user id.</summary>
        public sealed class UserIdMismatch : ZegoTokenException { internal UserIdMismatch(string m) : base(33, m) { } }
        /// <summary>Code 40: the operating system's random number generator failed.</summary>
        public sealed class RandomUnavailable : ZegoTokenException { internal RandomUnavailable(string m) : base(40, m) { } }
        /// <summary>Code 41: a bug in the library, caught at the boundary (please report it).</summary>
        public sealed class Panic : ZegoTokenException { internal Panic(string m) : base(41, m) { } }
    }
}
