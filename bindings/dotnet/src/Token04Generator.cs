using System;

using System.Runtime.CompilerServices;

namespace ZegoToken
{
    /// <summary>
    /// Generates tokens for one app id and secret, keeping the expanded key. Thread-safe: share one
    /// instance. Dispose it when done; the native generator (and its key) is freed exactly once.
    /// </summary>
    public sealed class Token04Generator : IDisposable
    {
        private readonly GeneratorHandle _handle;

        /// <summary>Validates the app id and secret and creates the native generator.</summary>
        public Token04Generator(uint appId, string secret)
        {
            NativeMethods.EnsureLoaded();
            _handle = NewLoaded(appId, secret);
            AppId = appId;
        }

        // The library is called from a method of its own, compiled after EnsureLoaded ran (Mono
        // resolves a method's P/Invokes when it compiles it).
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static GeneratorHandle NewLoaded(uint appId, string secret)
        {
            int code = NativeMethods.zego_token_generator_new(appId, NativeMethods.Utf8(secret, "secret"), out GeneratorHandle handle);
            if (code != 0)
            {
                handle.Dispose();
                NativeMethods.Check(code);
            }
            return handle;
        }

        /// <summary>The app id this generator makes tokens for.</summary>
        public uint AppId { get; }

        /// <summary>Generates a token for <paramref name="userId"/>; <paramref name="payload"/> "" for a basic token.</summary>
        public string Generate(string userId, long effectiveTimeInSeconds = 3600, string payload = "")
        {
            if (_handle.IsClosed) throw new ZegoTokenException.InvalidArgument("the generator is disposed");
            byte[] user = NativeMethods.Span(userId, "userId");
            byte[] data = NativeMethods.Span(payload, "payload");
            return NativeMethods.Token((byte[] token, UIntPtr capacity, out UIntPtr length) =>
                NativeMethods.zego_token_generator_generate_into(_handle, user, (UIntPtr)user.Length, effectiveTimeInSeconds,
                    data, (UIntPtr)data.Length, token, capacity, out length));
        }

        /// <summary>Decodes a token with this generator's secret and kept key (no time or app id check).</summary>
        public Claims Decode(string token)
        {
            if (_handle.IsClosed) throw new ZegoTokenException.InvalidArgument("the generator is disposed");
            NativeMethods.Check(NativeMethods.zego_token_generator_decode(_handle, NativeMethods.Utf8(token, "token"), out System.IntPtr claims));
            return NativeMethods.TakeClaims(claims);
        }

        /// <summary>
        /// Verifies a token against this generator's app id and secret, with <paramref name="options"/>
        /// (null or left out: the defaults, the system clock and no leeway).
        /// </summary>
        public Claims Verify(string token, VerifyOptions options = null)
        {
            options = options ?? new VerifyOptions();
            if (_handle.IsClosed) throw new ZegoTokenException.InvalidArgument("the generator is disposed");
            byte[] text = NativeMethods.Utf8(token, "token");
            System.IntPtr nativeOptions = NativeMethods.NewVerifyOptions(options);
            try
            {
                NativeMethods.Check(NativeMethods.zego_token_generator_verify(_handle, text, nativeOptions, out System.IntPtr claims));
                return NativeMethods.TakeClaims(claims);
            }
            finally
            {
                NativeMethods.zego_verify_options_free(nativeOptions);
            }
        }

        /// <summary>Frees the native generator. Safe to call twice.</summary>
        public void Dispose() => _handle.Dispose();

        /// <inheritdoc />
        public override string ToString() => $"Token04Generator {{ AppId = {AppId}, Secret = <redacted> }}";
    }
}
