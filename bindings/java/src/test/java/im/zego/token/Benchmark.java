package im.zego.token;

/**
 * Tokens per second, single thread, after warm-up: one-shot and reusable generator.
 * Run: bindings/java/bench.sh
 */
public final class Benchmark {
    private Benchmark() {}

    interface Make {
        String token();
    }

    static double bestNanos(Make make) {
        int n = 100_000;
        for (int i = 0; i < 200_000; i++) make.token(); // JIT warm-up
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 7; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) make.token();
            best = Math.min(best, (System.nanoTime() - start) / (double) n);
        }
        return best;
    }

    public static void main(String[] args) {
        String secret = "0123456789abcdef0123456789abcdef";
        try (Token04Generator g = new Token04Generator(1234567890L, secret)) {
            double oneShot = bestNanos(() -> ZegoToken.generate(1234567890L, "user_123456", secret, 3600));
            double reusable = bestNanos(() -> g.generate("user_123456", 3600));
            System.out.printf("Java %s, zego-token %s, best of 7 x 100,000 after warm-up%n",
                    System.getProperty("java.version"), ZegoToken.libraryVersion());
            System.out.printf("ZegoToken.generate           %8.0f ns/token %10.0f tokens/s%n", oneShot, 1e9 / oneShot);
            System.out.printf("Token04Generator.generate    %8.0f ns/token %10.0f tokens/s%n", reusable, 1e9 / reusable);
        }
    }
}
