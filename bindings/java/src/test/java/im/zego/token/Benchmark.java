package im.zego.token;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * zego-token against careful hand-written Java making the same Token04 (javax.crypto AES/GCM,
 * one SecureRandom draw per token), side by side in one JVM after warm-up: each round runs every
 * implementation for n tokens in turn, and the figure is the median round.
 * Run: bindings/java/bench.sh [rounds] [n]
 */
public final class Benchmark {
    private Benchmark() {}

    static final long APP_ID = 1234567890L;
    static final String SECRET = "0123456789abcdef0123456789abcdef";
    static final String USER_ID = "user_123456";

    interface Make {
        String token() throws Exception;
    }

    /** The baseline: what a careful Java developer writes, keeping the key and the Cipher object. */
    static final class HandGenerator {
        private final long appId;
        private final SecretKeySpec key;
        private final Cipher cipher;
        private static final SecureRandom RANDOM = new SecureRandom();
        private final byte[] nonce = new byte[16]; // the GCM nonce (12) and the claims' nonce (4)

        HandGenerator(long appId, String secret) throws GeneralSecurityException {
            this(appId, secret, Cipher.getInstance("AES/GCM/NoPadding"));
        }

        private HandGenerator(long appId, String secret, Cipher cipher) {
            this.appId = appId;
            this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.US_ASCII), "AES");
            this.cipher = cipher;
        }

        /** Each thread's Cipher object: Cipher.getInstance is the slow part of a one-shot call. */
        private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
            try {
                return Cipher.getInstance("AES/GCM/NoPadding");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });

        /** One-shot: the key given with each call, the Cipher object reused per thread. */
        static String oneShot(long appId, String userId, String secret, long ttl, String payload) throws GeneralSecurityException {
            return new HandGenerator(appId, secret, CIPHERS.get()).generate(userId, ttl, payload);
        }

        String generate(String userId, long ttl, String payload) throws GeneralSecurityException {
            RANDOM.nextBytes(nonce);
            long ctime = System.currentTimeMillis() / 1000;
            long expire = ctime + ttl;
            int claimNonce = ByteBuffer.wrap(nonce, 12, 4).getInt();
            StringBuilder json = new StringBuilder(96 + userId.length() + 2 * payload.length());
            json.append("{\"app_id\":").append(appId).append(",\"user_id\":");
            appendJsonString(json, userId);
            json.append(",\"ctime\":").append(ctime).append(",\"expire\":").append(expire)
                    .append(",\"nonce\":").append(claimNonce).append(",\"payload\":");
            appendJsonString(json, payload);
            byte[] plain = json.append('}').toString().getBytes(StandardCharsets.UTF_8);

            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce, 0, 12));
            int sealedLen = cipher.getOutputSize(plain.length);
            ByteBuffer envelope = ByteBuffer.allocate(24 + sealedLen + 1);
            envelope.putLong(expire).putShort((short) 12).put(nonce, 0, 12).putShort((short) sealedLen);
            cipher.doFinal(plain, 0, plain.length, envelope.array(), 24);
            envelope.array()[24 + sealedLen] = 1;
            return "04" + Base64.getEncoder().encodeToString(envelope.array());
        }

        private static void appendJsonString(StringBuilder out, String s) {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\\') out.append('\\').append(c);
                else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                else out.append(c);
            }
            out.append('"');
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 21;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        String room = RtcRoomPayload.builder("room-1").canLogin(true).canPublish(true).build().toJson();
        HandGenerator hand = new HandGenerator(APP_ID, SECRET);
        try (Token04Generator gen = new Token04Generator(APP_ID, SECRET)) {
            for (String payload : new String[] {"", room}) { // the baseline makes real tokens
                Claims claims = ZegoToken.decode(hand.generate(USER_ID, 3600, payload), SECRET);
                if (!claims.getUserId().equals(USER_ID) || !claims.getPayload().equals(payload)) throw new AssertionError(claims);
            }
            System.out.printf("Java %s (%s), zego-token %s; median of %d interleaved rounds of %,d tokens after warm-up%n",
                    System.getProperty("java.version"), System.getProperty("java.vm.name"), ZegoToken.libraryVersion(), rounds, n);
            System.out.printf("%-9s %-44s %12s %9s %8s%n", "payload", "implementation", "tokens/s", "us/token", "speed-up");
            for (String[] p : new String[][] {{"empty", ""}, {"privilege", room}}) {
                String payload = p[1];
                String[] names = {"hand-written, one-shot (key per call)", "ZegoToken.generate (one-shot)",
                        "hand-written, Cipher kept", "Token04Generator.generate (reusable)"};
                Make[] makes = {
                    () -> HandGenerator.oneShot(APP_ID, USER_ID, SECRET, 3600, payload),
                    () -> ZegoToken.generate(APP_ID, USER_ID, SECRET, 3600, payload),
                    () -> hand.generate(USER_ID, 3600, payload),
                    () -> gen.generate(USER_ID, 3600, payload),
                };
                double[][] samples = new double[makes.length][rounds];
                for (int w = 0; w < 3; w++) for (Make m : makes) run(m, n); // JIT warm-up
                for (int r = 0; r < rounds; r++) {
                    for (int i = 0; i < makes.length; i++) samples[i][r] = run(makes[i], n);
                }
                for (int i = 0; i < makes.length; i++) {
                    double ns = median(samples[i]);
                    double base = median(samples[i & ~1]); // one-shot vs one-shot, reusable vs reusable
                    System.out.printf("%-9s %-44s %,12.0f %9.3f %7.2fx%n", p[0], names[i], 1e9 / ns, ns / 1000, base / ns);
                }
            }
        }
    }

    static int sink;

    static double run(Make make, int n) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) sink += make.token().length();
        return (System.nanoTime() - start) / (double) n;
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
