package im.zego.token;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Generates tokens for one app id and secret, keeping the expanded key. Thread-safe: share one
 * instance. Close it when done (try-with-resources); the key is zeroized when it is closed.
 */
public final class Token04Generator implements AutoCloseable {
    private final long appId;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private Pointer handle;

    public Token04Generator(long appId, String secret) {
        PointerByReference out = Native.out();
        Native.check(Native.Lib.zego_token_generator_new(Native.appId(appId), Native.text(secret, "secret"), out));
        this.appId = appId;
        this.handle = out.getValue();
    }

    public long getAppId() {
        return appId;
    }

    /** Generates a token for userId valid for effectiveTimeInSeconds; payload "" for a basic token. */
    public String generate(String userId, long effectiveTimeInSeconds, String payload) {
        if (Jni.AVAILABLE) {
            byte[] user = Native.utf8(userId, "userId");
            byte[] data = Native.utf8(payload == null ? "" : payload, "payload");
            lock.readLock().lock();
            try {
                if (handle == null) throw new ZegoTokenException.InvalidArgument("the generator is closed");
                long generator = Pointer.nativeValue(handle);
                return Jni.token(out -> Jni.generatorGenerate(generator, user, effectiveTimeInSeconds, data, out));
            } finally {
                lock.readLock().unlock();
            }
        }
        byte[] user = Native.text(userId, "userId");
        byte[] data = Native.text(payload == null ? "" : payload, "payload");
        lock.readLock().lock();
        try {
            if (handle == null) throw new ZegoTokenException.InvalidArgument("the generator is closed");
            PointerByReference out = Native.out();
            Native.check(Native.Lib.zego_token_generator_generate(handle, user, effectiveTimeInSeconds, data, out));
            return Native.take(out);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Generates a basic token. */
    public String generate(String userId, long effectiveTimeInSeconds) {
        return generate(userId, effectiveTimeInSeconds, "");
    }

    /** Decodes a token with this generator's secret and kept key (no time or app id check). */
    public Claims decode(String token) {
        byte[] text = Native.text(token, "token");
        return withHandle(generator -> {
            PointerByReference out = Native.out();
            Native.check(Native.Lib.zego_token_generator_decode(generator, text, out));
            return Native.takeClaims(out);
        });
    }

    /** Verifies a token against this generator's app id and secret, with {@code options}. */
    /** Verifies a token against this generator's app id, at the system clock with no leeway. */
    public Claims verify(String token) {
        return verify(token, VerifyOptions.defaults());
    }

    /** Verifies a token against this generator's app id, with {@code options}. */
    public Claims verify(String token, VerifyOptions options) {
        byte[] text = Native.text(token, "token");
        java.util.Objects.requireNonNull(options, "options must not be null");
        return withHandle(generator -> {
            Pointer nativeOptions = options.toNative();
            try {
                PointerByReference out = Native.out();
                Native.check(Native.Lib.zego_token_generator_verify(generator, text, nativeOptions, out));
                return Native.takeClaims(out);
            } finally {
                Native.Lib.zego_verify_options_free(nativeOptions);
            }
        });
    }

    /** Runs {@code use} with the live handle under the read lock (generate keeps this inline: it is the hot path). */
    private <T> T withHandle(java.util.function.Function<Pointer, T> use) {
        lock.readLock().lock();
        try {
            if (handle == null) throw new ZegoTokenException.InvalidArgument("the generator is closed");
            return use.apply(handle);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Frees the native generator. Safe to call twice. */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (handle != null) {
                Native.Lib.zego_token_generator_free(handle);
                handle = null;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public String toString() {
        return "Token04Generator{appId=" + appId + ", secret=<redacted>}";
    }
}
