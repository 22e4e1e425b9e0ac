using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace ZegoToken
{
    /// <summary>
    /// Finds libzego_token, in this order: (1) the path in ZEGO_TOKEN_LIB; (2) the copy for this
    /// runtime identifier that the package carries, runtimes/&lt;rid&gt;/native/ beside the assembly
    /// (copied to the output) or two folders up (the package's own layout, lib/netstandard2.0/), or
    /// the file beside the assembly; (3) the system loader.
    /// The chosen file is loaded by path before the first call. On .NET Framework and Mono the
    /// runtime's own lookup then finds the library already loaded: on Windows by its file name, on
    /// Linux and macOS by the name ZegoToken.dll.config maps "zego_token" to (its SONAME
    /// libzego_token.so.1, its install name's libzego_token.1.dylib). CoreCLR (.NET Core 3.0 and
    /// later, .NET 5+) reads no config file and looks up only its own names, so there an import
    /// resolver (NativeLibrary.SetDllImportResolver, found by reflection: this is a netstandard2.0
    /// assembly) hands it the library loaded here; with nothing loaded, the runtime's own probing
    /// (deps.json, the app folder, the system loader) follows, and its error lists everything tried.
    /// </summary>
    internal static class NativeLoader
    {
        internal const string Name = "zego_token";

        /// <summary>The library's file name on this operating system.</summary>
        internal static string FileName()
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return "zego_token.dll";
            if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX)) return "libzego_token.dylib";
            return "libzego_token.so";
        }

        /// <summary>This process's runtime identifier, as NuGet names the runtimes/ folders.</summary>
        internal static string RuntimeIdentifier()
        {
            string arch;
            switch (RuntimeInformation.ProcessArchitecture)
            {
                case Architecture.X64: arch = "x64"; break;
                case Architecture.Arm64: arch = "arm64"; break;
                default: arch = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant(); break;
            }
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return "win-" + arch;
            if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX)) return "osx-" + arch;
            return (IsMusl() ? "linux-musl-" : "linux-") + arch;
        }

        /// <summary>Whether this process runs on musl (Alpine): its loader is mapped into the process.</summary>
        private static bool IsMusl()
        {
            try
            {
                return File.ReadAllText("/proc/self/maps").Contains("ld-musl-");
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return false;
            }
        }

        /// <summary>The candidate files of steps (1) and (2), in order.</summary>
        internal static string[] Candidates()
        {
            var explicitPath = Environment.GetEnvironmentVariable("ZEGO_TOKEN_LIB");
            if (!string.IsNullOrEmpty(explicitPath)) return new[] { explicitPath ?? "" };
            var here = Path.GetDirectoryName(typeof(NativeLoader).Assembly.Location) ?? ".";
            var native = Path.Combine("runtimes", RuntimeIdentifier(), "native", FileName());
            return new[]
            {
                Path.Combine(here, native),
                Path.GetFullPath(Path.Combine(here, "..", "..", native)),
                Path.Combine(here, FileName()),
            };
        }

        /// <summary>
        /// Loads the first candidate that exists; returns what was tried and failed, for the error
        /// message. An explicit ZEGO_TOKEN_LIB that does not load is an error at once.
        /// </summary>
        internal static string Preload()
        {
#if NETCOREAPP3_0_OR_GREATER
            NativeLibrary.SetDllImportResolver(typeof(NativeLoader).Assembly, Resolve);
            return "";
#else
            var tried = new StringBuilder();
            bool explicitOnly = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ZEGO_TOKEN_LIB"));
            foreach (string path in Candidates())
            {
                if (!explicitOnly && !File.Exists(path))
                {
                    tried.Append(path).Append(": not found; ");
                    continue;
                }
                if (TryLoadByPath(path, out IntPtr handle, out string error))
                {
                    UseOnCoreClr(handle);
                    return "";
                }
                tried.Append(path).Append(": ").Append(error).Append("; ");
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
            if (name != Name) return IntPtr.Zero;
            foreach (string path in Candidates())
            {
                if (NativeLibrary.TryLoad(path, out IntPtr handle)) return handle;
            }
            return NativeLibrary.TryLoad(Name, assembly, searchPath, out IntPtr system) ? system : IntPtr.Zero;
        }
#else
        /// <summary>The library loaded by <see cref="Preload"/>, which the CoreCLR resolver returns.</summary>
        private static IntPtr _loaded;

        /// <summary>
        /// On CoreCLR, makes the runtime use the library just loaded for this assembly's imports:
        /// NativeLibrary.SetDllImportResolver, reached by reflection since netstandard2.0 has no
        /// NativeLibrary. Nothing on .NET Framework and Mono, whose own lookup finds the loaded file.
        /// </summary>
        private static void UseOnCoreClr(IntPtr handle)
        {
            string runtime = RuntimeInformation.FrameworkDescription;
            if (runtime.StartsWith("Mono", StringComparison.Ordinal) || runtime.StartsWith(".NET Framework", StringComparison.Ordinal)) return;
            Type nativeLibrary = Type.GetType("System.Runtime.InteropServices.NativeLibrary");
            Type resolverType = Type.GetType("System.Runtime.InteropServices.DllImportResolver");
            MethodInfo set = nativeLibrary?.GetMethod("SetDllImportResolver", new[] { typeof(Assembly), resolverType });
            if (resolverType == null || set == null) return; // CoreCLR before 3.0: its own probing
            _loaded = handle;
            MethodInfo resolve = typeof(NativeLoader).GetMethod(nameof(ResolveLoaded), BindingFlags.NonPublic | BindingFlags.Static);
            set.Invoke(null, new object[] { typeof(NativeLoader).Assembly, Delegate.CreateDelegate(resolverType, resolve) });
        }

        private static IntPtr ResolveLoaded(string name, Assembly assembly, DllImportSearchPath? searchPath) =>
            name == Name ? _loaded : IntPtr.Zero;

        /// <summary>Loads a library by path; its handle, or on failure the system's reason.</summary>
        private static bool TryLoadByPath(string path, out IntPtr handle, out string error)
        {
            error = "";
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                handle = LoadLibraryW(path);
                if (handle != IntPtr.Zero) return true;
                error = "LoadLibrary error " + Marshal.GetLastWin32Error();
                return false;
            }
            try
            {
                handle = LinuxDl.dlopen(path, RtldNow | RtldGlobal);
                if (handle != IntPtr.Zero) return true;
                error = Marshal.PtrToStringAnsi(LinuxDl.dlerror()) ?? "dlopen failed";
            }
            catch (DllNotFoundException)
            {
                // macOS, or a C library without libdl.so.2 (musl): dlopen is in the C library itself.
                handle = LibcDl.dlopen(path, RtldNow | RtldGlobal);
                if (handle != IntPtr.Zero) return true;
                error = Marshal.PtrToStringAnsi(LibcDl.dlerror()) ?? "dlopen failed";
            }
            return false;
        }

        private const int RtldNow = 2;
        private const int RtldGlobal = 0x100; // Linux; macOS ignores the difference for this use

        [DllImport("kernel32", CharSet = CharSet.Unicode, SetLastError = true)]
        private static extern IntPtr LoadLibraryW(string path);

        private static class LinuxDl
        {
            [DllImport("libdl.so.2")]
            internal static extern IntPtr dlopen(string file, int mode);

            [DllImport("libdl.so.2")]
            internal static extern IntPtr dlerror();
        }

        private static class LibcDl
        {
            [DllImport("libc")]
            internal static extern IntPtr dlopen(string file, int mode);

            [DllImport("libc")]
            internal static extern IntPtr dlerror();
        }
#endif
    }
}
