package im.zego.token;

import java.nio.charset.StandardCharsets;

/**
 * The fast path for generating tokens: two JNI functions that the native library exports besides
 * its C API (src/jni.rs), reached by the JVM without JNA's argument conversion. Strings go in
 * as UTF-8 {@code byte[]} without a NUL, the token comes back in this thread's reusable
 * {@code byte[]}; the library reads and writes those arrays in place.
 *
 * <p>The functions are bound by loading the same library file with {@link System#load} once JNA
 * has found and checked it ({@link #bind}). Where that fails (another class loader already holds
 * the library, or the library predates the fast path) {@link #AVAILABLE} is false and the binding
 * uses the C API through JNA, with the same results.
 */
final class Jni {
    private Jni() {}

    static final byte[] EMPTY = new byte[0];

    /** ZEGO_RESULT_BUFFER_TOO_SMALL: handled here by growing the buffer, never thrown. */
    private static final int BUFFER_TOO_SMALL = 13;

    /** True when the JNI functions are bound; read once, after {@link Native} loaded the library. */
    static final boolean AVAILABLE = bind(Native.libraryPath());

    /** Returns the token's length, or -(code | needed << 8) (see src/jni.rs). */
    static native int generatorGenerate(long generator, byte[] userId, long ttl, byte[] payload, byte[] out);

    /** As {@link #generatorGenerate} for the one-shot call. */
    static native int generate(int appId, byte[] userId, byte[] secret, long ttl, byte[] payload, byte[] out);

    private static boolean bind(String path) {
        if (path == null || "0".equals(System.getenv("ZEGO_TOKEN_JNI"))) return false;
        try {
            System.load(path);
            // Bound and answering: app id 0 is refused with code 1 before anything else is read.
            return generate(0, EMPTY, EMPTY, 1, EMPTY, EMPTY) == -1;
        } catch (UnsatisfiedLinkError | SecurityException e) {
            return false;
        }
    }

    /** Interface to one of the two calls, so that {@link #token} can retry it with a bigger buffer. */
    interface Call {
        int into(byte[] out);
    }

    static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[1024]);

    /**
     * Runs {@code call} with this thread's buffer, growing it once when the library asks for more
     * (a long payload), and returns the token or throws the library's error.
     */
    static String token(Call call) {
        byte[] out = BUFFER.get();
        int r = call.into(out);
        if (r < 0 && ((-r) & 0xff) == BUFFER_TOO_SMALL) {
            out = new byte[(-r) >>> 8];
            BUFFER.set(out);
            r = call.into(out);
        }
        if (r < 0) Native.check((-r) & 0xff);
        return new String(out, 0, r, StandardCharsets.ISO_8859_1); // base64 and "04": ASCII
    }
}
