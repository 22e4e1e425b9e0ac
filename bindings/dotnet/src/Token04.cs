using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Runtime.CompilerServices;

namespace ZegoToken
{
    /// <summary>
    /// Generate, decode and verify ZEGO Token04 tokens through the one audited Rust core of zego-token.
    /// Every failure throws a <see cref="ZegoTokenException"/> subclass carrying the library's code.
    /// </summary>
    public static class Token04
    {
        /// <summary>Generates a Token04 (AES-256-GCM). <paramref name="payload"/> "" is a basic token.</summary>
        public static string Generate(uint appId, string userId, string secret, long effectiveTimeInSeconds = 3600, string payload = "")
        {
            NativeMethods.EnsureLoaded();
            return GenerateLoaded(appId, userId, secret, effectiveTimeInSeconds, payload);
        }

        // Each public method loads the library, then calls into it from a method of its own: Mono
        // resolves the P/Invokes of a method when it compiles it, which must come after the load.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static string GenerateLoaded(uint appId, string userId, string secret, long effectiveTimeInSeconds, string payload)
        {
            byte[] user = NativeMethods.Span(userId, "userId");
            byte[] key = NativeMethods.Span(secret, "secret");
            byte[] data = NativeMethods.Span(payload, "payload");
            return NativeMethods.Token((byte[] token, UIntPtr capacity, out UIntPtr length) =>
                NativeMethods.zego_generate_token04_into(appId, user, (UIntPtr)user.Length, key, (UIntPtr)key.Length, effectiveTimeInSeconds,
                    data, (UIntPtr)data.Length, token, capacity, out length));
        }

        /// <summary>Decodes a token (current GCM or legacy CBC) without checking time or app id.</summary>
        public static Claims Decode(string token, string secret)
        {
            NativeMethods.EnsureLoaded();
            return DecodeLoaded(token, secret);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static Claims DecodeLoaded(string token, string secret)
        {
            NativeMethods.Check(NativeMethods.zego_decode_token04_claims(NativeMethods.Utf8(token, "token"), NativeMethods.Utf8(secret, "secret"), out var claims));
            return NativeMethods.TakeClaims(claims);
        }

        /// <summary>
        /// Decodes a token and checks it was made for <paramref name="appId"/> and is valid at
        /// <paramref name="nowUnix"/> (unix seconds: any time given is that time, 0 the epoch; null,
        /// the default, the system clock), tolerating <paramref name="leewaySeconds"/> of clock skew:
        /// expired when now &gt;= expire + leeway, not yet valid when ctime &gt; now + leeway.
        /// </summary>
        public static Claims Verify(string token, string secret, uint appId, long? nowUnix = null, long leewaySeconds = 0) =>
            Verify(token, secret, appId, new VerifyOptions { NowUnix = nowUnix, LeewaySeconds = leewaySeconds });

        /// <summary>
        /// Decodes a token and checks it was made for <paramref name="appId"/> and passes
        /// <paramref name="options"/>: the clock and leeway as above, the expected user id, and with
        /// <see cref="VerifyOptions.RequireGcm"/> a legacy CBC token is refused with
        /// <see cref="ZegoTokenException.UnsupportedMode"/>.
        /// </summary>
        public static Claims Verify(string token, string secret, uint appId, VerifyOptions options)
        {
            if (secret == null) throw new ArgumentNullException(nameof(secret));
            return VerifyWithAny(token, new[] { secret }, appId, options).Claims;
        }

        /// <summary>
        /// <see cref="Verify(string, string, uint, VerifyOptions)"/> with several secrets tried in
        /// order (key rotation); the result also says which one opened the token.
        /// <see cref="ZegoTokenException.AuthFailed"/> when none does.
        /// </summary>
        public static VerifyResult VerifyWithAny(string token, IReadOnlyList<string> secrets, uint appId, VerifyOptions options = null)
        {
            if (secrets == null) throw new ArgumentNullException(nameof(secrets));
            options = options ?? new VerifyOptions(); // no options: the defaults (system clock, no leeway)
            NativeMethods.EnsureLoaded();
            return VerifyWithAnyLoaded(token, secrets, appId, options);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static VerifyResult VerifyWithAnyLoaded(string token, IReadOnlyList<string> secrets, uint appId, VerifyOptions options)
        {
            byte[] tokenText = NativeMethods.Utf8(token, "token");
            var texts = new byte[secrets.Count][];
            for (int i = 0; i < texts.Length; i++) texts[i] = NativeMethods.Utf8(secrets[i], "secret");
            var pins = new GCHandle[texts.Length];
            var pointers = new IntPtr[Math.Max(texts.Length, 1)];
            IntPtr nativeOptions = NativeMethods.NewVerifyOptions(options);
            try
            {
                for (int i = 0; i < texts.Length; i++)
                {
                    pins[i] = GCHandle.Alloc(texts[i], GCHandleType.Pinned);
                    pointers[i] = pins[i].AddrOfPinnedObject();
                }
                NativeMethods.Check(NativeMethods.zego_verify_token04_with_options(tokenText, pointers, (UIntPtr)texts.Length, appId,
                    nativeOptions, out IntPtr claims, out UIntPtr index));
                return new VerifyResult(NativeMethods.TakeClaims(claims), checked((int)index.ToUInt64()));
            }
            finally
            {
                foreach (var pin in pins) if (pin.IsAllocated) pin.Free();
                NativeMethods.zego_verify_options_free(nativeOptions);
            }
        }

        /// <summary>The version of the loaded native library.</summary>
        public static string LibraryVersion
        {
            get
            {
                NativeMethods.EnsureLoaded();
                return LibraryVersionLoaded();
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static string LibraryVersionLoaded() => NativeMethods.Read(NativeMethods.zego_token_version());

        /// <summary>The library's English sentence for a code.</summary>
        public static string Message(int code)
        {
            NativeMethods.EnsureLoaded();
            return MessageLoaded(code);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static string MessageLoaded(int code) => NativeMethods.Read(NativeMethods.zego_error_message(code));
    }
}
