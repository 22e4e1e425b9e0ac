using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace ZegoToken
{
    /// <summary>
    /// Every DllImport of include/zego_token.h, and how the library is found: (1) the path in
    /// ZEGO_TOKEN_LIB; (2) the copy bundled with the assembly (runtimes/&lt;rid&gt;/native/ or next to
    /// it); (3) the system loader. On .NET Core 3.0+ a NativeLibrary import resolver applies that
    /// order; on .NET Framework and Mono the chosen file is dlopen'ed before the first call, and the
    /// runtime's own lookup of "zego_token" then finds it by its SONAME.
    /// </summary>
    internal static class NativeMethods
    {
        private const string Lib = "zego_token";

        /// <summary>The C ABI version this binding was written for.</summary>
        internal const uint AbiVersion = 1;

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int zego_generate_token04(uint appId, byte[] userId, byte[] secret, long ttl, byte[] payload, out IntPtr token);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int zego_rtc_room_payload(byte[] roomId, int canLogin, int canPublish, IntPtr streamIds, UIntPtr count, out IntPtr payload);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int zego_decode_token04_claims(byte[] token, byte[] secret, out IntPtr claims);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int zego_verify_token04_claims(byte[] token, byte[] secret, uint appId, long now, long leeway, out IntPtr claims);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern uint zego_token_claims_app_id(IntPtr claims);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern long zego_token_claims_ctime(IntPtr claims);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern long zego_token_claims_expire(IntPtr claims);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern long zego_token_claims_nonce(IntPtr claims);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern IntPtr zego_token_claims_user_id(IntPtr claims, out UIntPtr length);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern IntPtr zego_token_claims_payload(IntPtr claims, out UIntPtr length);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern IntPtr zego_token_claims_mode(IntPtr claims);

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

        [DllImport("libdl.so.2", EntryPoint = "dlopen")]
        private static extern IntPtr dlopen(string file, int mode);

        [DllImport("libdl.so.2", EntryPoint = "dlerror")]
        private static extern IntPtr dlerror();

        private static readonly object LoadLock = new object();
        private static bool _ready;

        /// <summary>Loads the library in the documented order and checks its ABI version, once.</summary>
        internal static void EnsureLoaded()
        {
            if (_ready) return;
            lock (LoadLock)
            {
                if (_ready) return;
                string tried = Preload();
                uint found;
                try
                {
                    found = zego_token_abi_version();
                }
                catch (Exception e) when (e is DllNotFoundException || e is EntryPointNotFoundException || e is BadImageFormatException)
                {
                    throw new DllNotFoundException("cannot load the zego-token native library; tried: " + tried
                        + "system loader (libzego_token.so): " + e.Message
                        + ". Set ZEGO_TOKEN_LIB to libzego_token's path, or use the package that bundles it.", e);
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

        /// <summary>The candidate files of steps (1) and (2), in order.</summary>
        internal static string[] Candidates()
        {
            var explicitPath = Environment.GetEnvironmentVariable("ZEGO_TOKEN_LIB");
            if (!string.IsNullOrEmpty(explicitPath)) return new[] { explicitPath ?? "" };
            var here = Path.GetDirectoryName(typeof(NativeMethods).Assembly.Location) ?? ".";
            return new[]
            {
                Path.Combine(here, "runtimes", "linux-x64", "native", "libzego_token.so"),
                Path.Combine(here, "libzego_token.so"),
            };
        }

        private static string Preload()
        {
#if NETCOREAPP3_0_OR_GREATER
            NativeLibrary.SetDllImportResolver(typeof(NativeMethods).Assembly, Resolve);
            return "";
#else
            if (Environment.OSVersion.Platform != PlatformID.Unix) return "";
            var tried = new StringBuilder();
            bool explicitOnly = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ZEGO_TOKEN_LIB"));
            foreach (string path in Candidates())
            {
                if (!explicitOnly && !File.Exists(path)) continue;
                if (dlopen(path, 2 /* RTLD_NOW */) != IntPtr.Zero) return "";
                tried.Append(path).Append(": ").Append(Marshal.PtrToStringAnsi(dlerror())).Append("; ");
                if (explicitOnly)
                {
                    throw new DllNotFoundException("cannot load the zego-token native library from ZEGO_TOKEN_LIB: " + tried);
                }
            }
            return tried.ToString();
#endif
        }

#if NETCOREAPP3_0_OR_GREATER
        private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
        {
            if (name != Lib) return IntPtr.Zero;
            foreach (string path in Candidates())
            {
                if (NativeLibrary.TryLoad(path, out IntPtr handle)) return handle;
            }
            return NativeLibrary.TryLoad(Lib, assembly, searchPath, out IntPtr system) ? system : IntPtr.Zero;
        }
#endif

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
                IntPtr userId = zego_token_claims_user_id(claims, out UIntPtr userIdLength);
                IntPtr payload = zego_token_claims_payload(claims, out UIntPtr payloadLength);
                return new Claims(zego_token_claims_app_id(claims), Read(userId, userIdLength),
                    zego_token_claims_ctime(claims), zego_token_claims_expire(claims), zego_token_claims_nonce(claims),
                    Read(payload, payloadLength), Read(zego_token_claims_mode(claims)));
            }
            finally
            {
                zego_token_claims_free(claims);
            }
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
