package im.zego.token;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The C functions of include/zego_token.h, and where the library is loaded from: (1) the path in
 * ZEGO_TOKEN_LIB; (2) the copy bundled in this jar (linux-x86-64/libzego_token.so, extracted by JNA);
 * (3) the system loader, as "zego_token" (JNA also finds a versioned libzego_token.so.N in its search
 * path) and then by the file name of the ABI version, libzego_token.so.1 or libzego_token.1.dylib:
 * all a runtime install may have. Its ABI version must equal {@link #ABI_VERSION}.
 */
final class Native {
    /** The C ABI version this binding was written for (ZEGO_TOKEN_ABI_VERSION in the header). */
    static final int ABI_VERSION = 1;

    /**
     * The declarations, bound by JNA's direct mapping (static native methods registered against the
     * loaded library): several times cheaper per call than an interface proxy. Owned strings come
     * back as Pointers so that they can be freed.
     */
    static final class Lib {
        static final NativeLibrary LIBRARY = load();

        static {
            com.sun.jna.Native.register(Lib.class, LIBRARY);
        }

        private Lib() {}

        static native int zego_generate_token04(int appId, byte[] userId, byte[] secret, long ttl, byte[] payload, PointerByReference out);

        static native int zego_rtc_room_payload(byte[] roomId, int canLogin, int canPublish, Pointer streamIds, long count, PointerByReference out);

        static native void zego_string_free(Pointer s);

        static native int zego_decode_token04_claims(byte[] token, byte[] secret, PointerByReference out);

        static native int zego_verify_token04_claims(byte[] token, byte[] secret, int appId, long now, long leeway, PointerByReference out);

        static native int zego_token_claims_app_id(Pointer claims);

        static native long zego_token_claims_ctime(Pointer claims);

        static native long zego_token_claims_expire(Pointer claims);

        static native long zego_token_claims_nonce(Pointer claims);

        static native Pointer zego_token_claims_user_id(Pointer claims, Pointer lenOut);

        static native Pointer zego_token_claims_payload(Pointer claims, Pointer lenOut);

        static native String zego_token_claims_mode(Pointer claims);

        static native int zego_token_claims_findings(Pointer claims);

        static native String zego_finding_name(int finding);

        static native void zego_token_claims_free(Pointer claims);

        static native String zego_error_message(int code);

        static native String zego_token_version();

        static native int zego_token_generator_new(int appId, byte[] secret, PointerByReference out);

        static native int zego_token_generator_generate(Pointer generator, byte[] userId, long ttl, byte[] payload, PointerByReference out);

        static native void zego_token_generator_free(Pointer generator);

        static native int zego_verify_options_new(PointerByReference out);

        static native void zego_verify_options_free(Pointer options);

        static native int zego_verify_options_set_now(Pointer options, long nowUnix);

        static native int zego_verify_options_set_leeway(Pointer options, long leewaySeconds);

        static native int zego_verify_options_set_require_gcm(Pointer options, int requireGcm);

        static native int zego_verify_options_set_user_id(Pointer options, byte[] userId);

        static native int zego_token_generator_decode(Pointer generator, byte[] token, PointerByReference out);

        static native int zego_token_generator_verify(Pointer generator, byte[] token, Pointer options, PointerByReference out);

        static native int zego_verify_token04_with_options(byte[] token, Pointer secrets, long secretCount, int appId,
                Pointer options, PointerByReference claimsOut, Pointer secretIndexOut);
    }

    private Native() {}

    /** The file of the loaded library (for {@link Jni}), or null when the system loader found it by name only. */
    static String libraryPath() {
        File file = Lib.LIBRARY.getFile();
        return file == null ? null : file.getAbsolutePath();
    }

    /** A Java string as UTF-8 bytes without a terminator, for the fast path's spans. */
    static byte[] utf8(String value, String name) {
        return value == null || !value.isEmpty() ? checkedText(value, name).getBytes(StandardCharsets.UTF_8) : Jni.EMPTY;
    }

    private static NativeLibrary load() {
        Map<String, Object> options = new HashMap<>();
        options.put(Library.OPTION_STRING_ENCODING, "UTF-8"); // never the platform's default charset
        List<String> tried = new ArrayList<>();
        String explicit = System.getenv("ZEGO_TOKEN_LIB");
        if (explicit != null && !explicit.isEmpty()) {
            return checked(tryLoad("ZEGO_TOKEN_LIB", explicit, options, tried), explicit, tried);
        }
        try {
            File bundled = com.sun.jna.Native.extractFromResourcePath("zego_token", Native.class.getClassLoader());
            NativeLibrary lib = tryLoad("bundled in the jar", bundled.getAbsolutePath(), options, tried);
            if (lib != null) return checked(lib, bundled.getAbsolutePath(), tried);
        } catch (IOException e) {
            tried.add("bundled in the jar: " + e.getMessage());
        }
        NativeLibrary system = tryLoad("system loader", "zego_token", options, tried);
        if (system != null) return checked(system, "zego_token", tried);
        String versioned = com.sun.jna.Platform.isMac() ? "libzego_token." + ABI_VERSION + ".dylib"
                : com.sun.jna.Platform.isWindows() ? null : "libzego_token.so." + ABI_VERSION;
        return checked(versioned == null ? null : tryLoad("system loader", versioned, options, tried), versioned, tried);
    }

    private static NativeLibrary tryLoad(String where, String path, Map<String, Object> options, List<String> tried) {
        try {
            return NativeLibrary.getInstance(path, options);
        } catch (UnsatisfiedLinkError e) {
            tried.add(where + " (" + path + "): " + e.getMessage());
            return null;
        }
    }

    /** Refuses a missing library, and a library of another ABI version before any function is bound. */
    private static NativeLibrary checked(NativeLibrary lib, String path, List<String> tried) {
        if (lib == null) {
            throw new UnsatisfiedLinkError("cannot load the zego-token native library; tried: " + String.join("; ", tried)
                    + ". Set ZEGO_TOKEN_LIB to libzego_token's path, or use the jar that bundles it.");
        }
        int found;
        try {
            found = lib.getFunction("zego_token_abi_version").invokeInt(new Object[0]);
        } catch (UnsatisfiedLinkError e) {
            found = -1;
        }
        if (found != ABI_VERSION) {
            throw new UnsatisfiedLinkError(path + " implements zego-token C ABI version " + found
                    + ", but this jar needs version " + ABI_VERSION
                    + ": rebuild the library from the same zego-token release (cargo build --release) or use the matching jar");
        }
        return lib;
    }

    /** Throws the exception for a non-zero library result code. */
    static void check(int code) {
        if (code != 0) throw ZegoTokenException.of(code, Lib.zego_error_message(code));
    }

    private static final ThreadLocal<PointerByReference> OUT = ThreadLocal.withInitial(PointerByReference::new);

    /**
     * This thread's out-parameter for one call: a pointer-sized native cell, reused because JNA backs
     * each new one with its own malloc and cleaner. The library writes it only on success, and every
     * caller reads it before its thread makes another call.
     */
    static PointerByReference out() {
        return OUT.get();
    }

    /** Copies a string the library returned and frees the library's copy. */
    static String take(PointerByReference out) {
        Pointer p = out.getValue();
        try {
            return p.getString(0, "UTF-8");
        } finally {
            Lib.zego_string_free(p);
        }
    }

    /** Copies the fields of a claims handle the library returned and frees the handle. */
    static Claims takeClaims(PointerByReference out) {
        Pointer claims = out.getValue();
        try {
            return new Claims(Integer.toUnsignedLong(Lib.zego_token_claims_app_id(claims)),
                    claimsText(claims, true), Lib.zego_token_claims_ctime(claims), Lib.zego_token_claims_expire(claims),
                    Lib.zego_token_claims_nonce(claims), claimsText(claims, false), Lib.zego_token_claims_mode(claims),
                    findingNames(Lib.zego_token_claims_findings(claims)));
        } finally {
            Lib.zego_token_claims_free(claims);
        }
    }

    /** The names of a set of finding bits, in bit order, as an unmodifiable list. */
    static java.util.List<String> findingNames(int bits) {
        if (bits == 0) return java.util.Collections.emptyList();
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < 32; i++) {
            int bit = 1 << i;
            if ((bits & bit) != 0) names.add(Lib.zego_finding_name(bit));
        }
        return java.util.Collections.unmodifiableList(names);
    }

    /** The user id or the payload of a claims handle, by its byte length (a NUL inside is kept). */
    private static String claimsText(Pointer claims, boolean userId) {
        Memory len = new Memory(com.sun.jna.Native.SIZE_T_SIZE);
        Pointer text = userId ? Lib.zego_token_claims_user_id(claims, len) : Lib.zego_token_claims_payload(claims, len);
        long bytes = com.sun.jna.Native.SIZE_T_SIZE == 8 ? len.getLong(0) : Integer.toUnsignedLong(len.getInt(0));
        return new String(text.getByteArray(0, (int) bytes), StandardCharsets.UTF_8);
    }

    /** A Java string as a NUL-terminated UTF-8 C string (a byte array JNA passes without copying it into a new allocation). */
    static byte[] text(String value, String name) {
        byte[] utf8 = checkedText(value, name).getBytes(StandardCharsets.UTF_8);
        byte[] terminated = new byte[utf8.length + 1];
        System.arraycopy(utf8, 0, terminated, 0, utf8.length);
        return terminated;
    }

    /** A Java string checked for the C ABI: C strings end at NUL, so a string holding one is refused, not cut. */
    static String checkedText(String value, String name) {
        // As Java code expects (Objects.requireNonNull): a NullPointerException naming the argument.
        if (value == null) throw new NullPointerException(name + " must not be null");
        if (value.indexOf('\0') >= 0) throw new ZegoTokenException.InvalidArgument(name + " must not contain NUL characters");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new ZegoTokenException.InvalidUtf8(name + " holds a lone surrogate and is not encodable as UTF-8");
            }
        }
        return value;
    }

    /** An app id as the C uint32_t. */
    static int appId(long appId) {
        if (appId < 0 || appId > 0xFFFFFFFFL) throw new ZegoTokenException.InvalidArgument("appId must be between 0 and 4294967295");
        return (int) appId;
    }
}
