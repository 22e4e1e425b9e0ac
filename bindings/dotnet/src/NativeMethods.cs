using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace ZegoToken
{
    /// <summary>
    /// Every DllImport of include/zego_token.h. Where the library comes from is NativeLoader's
    /// business; EnsureLoaded runs it before the first call.
    /// </summary>
    internal static class NativeMethods
    {
        private const string Lib = NativeLoader.Name;

        /// <summary>The C ABI version this binding was written for.</summary>
        internal const uint AbiVersion = 1;

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int zego_generate_token04(uint appId, byte[] userId, byte[] secret, long ttl, byte[] payload, out IntPtr token);

        // The fast path: text as (bytes, length), the token into the caller's byte[] (Token below).
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int zego_generate_token04_into(uint appId, byte[] userId, UIntPtr userIdLength, byte[] secret, UIntPtr secretLength,
            long ttl, byte[] payload, UIntPtr payloadLength, byte[] token, UIntPtr tokenCapacity, out UIntPtr tokenLength);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int zego_token_generator_generate_into(GeneratorHandle generator, byte[] userId, UIntPtr userIdLength, long ttl,
            byte[] payload, UIntPtr payloadLength, byte[] token, UIntPtr tokenCapacity, out UIntPtr tokenLength);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int zego_rtc_room_payload(byte[] roomId, int canLogin, int canPublish, IntPtr streamIds, UIntPtr count, out IntPtr payload);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int zego_decode_token04_claims(byte[] token, byte[] secret, out IntPtr claims);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int zego_verify_token04_claims(byte[] token, byte[] secret, uint appId, long now, long leeway, out IntPtr claims);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int zego_verify_options_new(out IntPtr options);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern void zego_verify_options_free(IntPtr options);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int zego_verify_options_set_now(IntPtr options, long nowUnix);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int zego_verify_options_set_leeway(IntPtr options, long leewaySeconds);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int zego_verify_options_set_require_gcm(IntPtr options, int requireGcm);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int zego_verify_token04_with_options(byte[] token, IntPtr[] secrets, UIntPtr secretCount, uint appId,
            IntPtr options, out IntPtr claims, out UIntPtr secretIndex);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int zego_verify_options_set_user_id(IntPtr options, byte[] userId);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int zego_token_generator_decode(GeneratorHandle generator, byte[] token, out IntPtr claims);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int zego_token_generator_verify(GeneratorHandle generator, byte[] token, IntPtr options, out IntPtr claims);

        /// <summary>A native options handle with <paramref name="options"/>' settings, for one call; free it with zego_verify_options_free.</summary>
        internal static IntPtr NewVerifyOptions(VerifyOptions options)
        {
            byte[] userId = options.UserId == null ? null : Utf8(options.UserId, "UserId");
            Check(zego_verify_options_new(out IntPtr handle));
            try
            {
                if (options.NowUnix.HasValue) Check(zego_verify_options_set_now(handle, options.NowUnix.Value));
                Check(zego_verify_options_set_leeway(handle, options.LeewaySeconds));
                if (userId != null) Check(zego_verify_options_set_user_id(handle, userId));
                Check(zego_verify_options_set_require_gcm(handle, options.RequireGcm ? 1 : 0));
                return handle;
            }
            catch
            {
                zego_verify_options_free(handle);
                throw;
            }
        }

        /// <summary>struct zego_token_claims_view: every field of a claims handle; the strings are the handle's.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct ClaimsView
        {
            internal uint AppId;
            internal long Ctime;
            internal long Expire;
            internal long Nonce;
            internal IntPtr UserId;
            internal UIntPtr UserIdLength;
            internal IntPtr Payload;
            internal UIntPtr PayloadLength;
            internal IntPtr Mode;
        }

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int zego_token_claims_fields(IntPtr claims, out ClaimsView view);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern uint zego_token_claims_findings(IntPtr claims);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern IntPtr zego_finding_name(uint finding);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern void zego_token_claims_free(IntPtr claims);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern void zego_string_free(IntPtr s);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern IntPtr zego_error_message(int code);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern IntPtr zego_token_version();

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern uint zego_token_abi_version();

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int zego_token_generator_new(uint appId, byte[] secret, out GeneratorHandle generator);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int zego_token_generator_generate(GeneratorHandle generator, byte[] userId, long ttl, byte[] payload, out IntPtr token);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern void zego_token_generator_free(IntPtr generator);

        private static readonly object LoadLock = new object();
        private static bool _ready;

        /// <summary>Loads the library in the documented order and checks its ABI version, once.</summary>
        internal static void EnsureLoaded()
        {
            if (_ready) return;
            lock (LoadLock)
            {
                if (_ready) return;
                string tried = NativeLoader.Preload();
                uint found;
                try
                {
                    found = LoadedAbiVersion();
                }
                catch (Exception e) when (e is DllNotFoundException || e is EntryPointNotFoundException || e is BadImageFormatException)
                {
                    throw new DllNotFoundException("cannot load the zego-token native library for " + NativeLoader.RuntimeIdentifier()
                        + "; tried: " + tried + "the system loader (" + NativeLoader.FileName() + "): " + e.Message
                        + ". Set ZEGO_TOKEN_LIB to libzego_token's path, or use the ZegoToken package, which carries"
                        + " runtimes/<rid>/native/ for linux-x64, linux-arm64, linux-musl-x64, linux-musl-arm64, osx-x64, osx-arm64 and win-x64.", e);
                }
                if (found != AbiVersion)
                {
                    throw new DllNotFoundException("the loaded libzego_token implements C ABI version " + found
                        + " but this assembly needs version " + AbiVersion
                        + ": rebuild the library from the same zego-token release (cargo build --release)");
                }
                _ready = true;
            }
        }

        /// <summary>
        /// The first call into the library, in a method of its own: Mono resolves the P/Invokes of a
        /// method when it compiles it, which for EnsureLoaded would be before the preload ran.
        /// </summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static uint LoadedAbiVersion() => zego_token_abi_version();

        /// <summary>A .NET string as NUL-terminated UTF-8 (never the platform's ANSI code page).</summary>
        internal static byte[] Utf8(string value, string name)
        {
            if ((object)value == null) throw new ZegoTokenException.NullPointer(name + " must not be null");
            if (value.IndexOf('\0') >= 0) throw new ZegoTokenException.InvalidArgument(name + " must not contain NUL characters");
            byte[] bytes;
            try
            {
                bytes = new UTF8Encoding(false, true).GetBytes(value);
            }
            catch (EncoderFallbackException)
            {
                throw new ZegoTokenException.InvalidUtf8(name + " holds a lone surrogate and is not encodable as UTF-8");
            }
            byte[] terminated = new byte[bytes.Length + 1];
            Buffer.BlockCopy(bytes, 0, terminated, 0, bytes.Length);
            return terminated;
        }

        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, true);

        /// <summary>A string as UTF-8 bytes without a terminator, for the fast path; the checks and errors of <see cref="Utf8"/>.</summary>
        internal static byte[] Span(string value, string name)
        {
            if ((object)value == null) throw new ZegoTokenException.NullPointer(name + " must not be null");
            if (value.IndexOf('\0') >= 0) throw new ZegoTokenException.InvalidArgument(name + " must not contain NUL characters");
            try
            {
                return StrictUtf8.GetBytes(value);
            }
            catch (EncoderFallbackException)
            {
                throw new ZegoTokenException.InvalidUtf8(name + " holds a lone surrogate and is not encodable as UTF-8");
            }
        }

        /// <summary>One call of a fast-path function, given the token buffer and its capacity.</summary>
        internal delegate int IntoCall(byte[] token, UIntPtr capacity, out UIntPtr length);

        /// <summary>ZEGO_RESULT_BUFFER_TOO_SMALL: handled by growing the buffer, never thrown.</summary>
        private const int BufferTooSmall = 13;

        [ThreadStatic] private static byte[] _tokenBuffer;

        /// <summary>Runs <paramref name="call"/> with this thread's token buffer, growing it once to
        /// the size the library asks for; returns the token or throws the library's error.</summary>
        internal static string Token(IntoCall call)
        {
            byte[] buffer = _tokenBuffer ?? (_tokenBuffer = new byte[1024]);
            int code = call(buffer, (UIntPtr)buffer.Length, out UIntPtr length);
            if (code == BufferTooSmall)
            {
                buffer = _tokenBuffer = new byte[(int)length];
                code = call(buffer, (UIntPtr)buffer.Length, out length);
            }
            Check(code);
            return Encoding.ASCII.GetString(buffer, 0, (int)length); // "04" and base64
        }

        /// <summary>Reads a NUL-terminated UTF-8 string the library owns (it is not freed here).</summary>
        internal static string Read(IntPtr s)
        {
            int length = 0;
            while (Marshal.ReadByte(s, length) != 0) length++;
            byte[] bytes = new byte[length];
            Marshal.Copy(s, bytes, 0, length);
            return Encoding.UTF8.GetString(bytes);
        }

        /// <summary>Copies a string the library returned and frees the library's copy.</summary>
        internal static string Take(IntPtr s)
        {
            try
            {
                return Read(s);
            }
            finally
            {
                zego_string_free(s);
            }
        }

        /// <summary>Copies the fields of a claims handle the library returned and frees the handle.</summary>
        internal static Claims TakeClaims(IntPtr claims)
        {
            try
            {
                Check(zego_token_claims_fields(claims, out ClaimsView view)); // every field in one call
                return new Claims(view.AppId, Read(view.UserId, view.UserIdLength), view.Ctime, view.Expire, view.Nonce,
                    Read(view.Payload, view.PayloadLength), Marshal.ReadByte(view.Mode) == (byte)'c' ? "cbc" : "gcm",
                    FindingNames(zego_token_claims_findings(claims)));
            }
            finally
            {
                zego_token_claims_free(claims);
            }
        }

        private static readonly IReadOnlyList<string> NoFindings = new string[0];

        /// <summary>The names of a set of finding bits (static strings of the library), in bit order.</summary>
        internal static IReadOnlyList<string> FindingNames(uint bits)
        {
            if (bits == 0) return NoFindings;
            var names = new List<string>();
            for (var i = 0; i < 32; i++)
            {
                var bit = 1u << i;
                if ((bits & bit) != 0) names.Add(Marshal.PtrToStringAnsi(zego_finding_name(bit)));
            }
            return names.AsReadOnly();
        }

        /// <summary>Reads UTF-8 text of a known byte length that the library owns (a NUL inside is kept).</summary>
        private static string Read(IntPtr s, UIntPtr length)
        {
            byte[] bytes = new byte[checked((int)length.ToUInt64())];
            Marshal.Copy(s, bytes, 0, bytes.Length);
            return Encoding.UTF8.GetString(bytes);
        }

        /// <summary>Throws the exception of a non-zero result code.</summary>
        internal static void Check(int code)
        {
            if (code != 0) throw ZegoTokenException.FromCode(code, Read(zego_error_message(code)));
        }
    }

    /// <summary>The native generator, released exactly once by the runtime (or by Dispose).</summary>
    internal sealed class GeneratorHandle : SafeHandle
    {
        public GeneratorHandle() : base(IntPtr.Zero, true) { }

        public override bool IsInvalid => handle == IntPtr.Zero;

        protected override bool ReleaseHandle()
        {
            NativeMethods.zego_token_generator_free(handle);
            return true;
        }
    }
}
