using System;
using System.Diagnostics;
using ZegoToken;

/// <summary>Tokens per second through the binding, single thread: one-shot and reusable generator.
/// Run: bindings/dotnet/run-tests.sh builds it; mono target/dotnet/ZegoToken.Bench.exe</summary>
internal static class Bench
{
    private static double BestNanos(Action make)
    {
        const int n = 100000;
        for (int i = 0; i < n; i++) make();
        double best = double.MaxValue;
        for (int r = 0; r < 7; r++)
        {
            var watch = Stopwatch.StartNew();
            for (int i = 0; i < n; i++) make();
            best = Math.Min(best, watch.Elapsed.TotalMilliseconds * 1e6 / n);
        }
        return best;
    }

    private static void Main()
    {
        const string secret = "0123456789abcdef0123456789abcdef";
        using (var g = new Token04Generator(1234567890, secret))
        {
            double oneShot = BestNanos(() => Token04.Generate(1234567890, "user_123456", secret, 3600));
            double reusable = BestNanos(() => g.Generate("user_123456", 3600));
            Console.WriteLine("Mono {0}, zego-token {1}, best of 7 x 100,000", Environment.Version, Token04.LibraryVersion);
            Console.WriteLine("Token04.Generate            {0,8:F0} ns/token {1,10:F0} tokens/s", oneShot, 1e9 / oneShot);
            Console.WriteLine("Token04Generator.Generate   {0,8:F0} ns/token {1,10:F0} tokens/s", reusable, 1e9 / reusable);
        }
    }
}
