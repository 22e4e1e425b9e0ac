using System;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ZegoToken;

/// <summary>zego-token against careful hand-written C# making a Token04 with the framework's own
/// cipher, side by side in one process: each round runs every implementation for n tokens in
/// turn, and the figure is the median round. Mono (and .NET Standard 2.0) has no AES-GCM, so the
/// hand-written code makes the format's legacy AES-256-CBC variant, the one the official .NET
/// plug-in makes: the same work but for the mode (the library reads those tokens back).
/// Run: bindings/dotnet/run-tests.sh builds it; mono target/dotnet/ZegoToken.Bench.exe [rounds] [n]</summary>
internal static class Bench
{
    private const uint AppId = 1234567890;
    private const string Secret = "0123456789abcdef0123456789abcdef";
    private const string UserId = "user_123456";

    /// <summary>The baseline: what a careful C# developer writes (not part of the package).</summary>
    private sealed class HandGenerator
    {
        private const string IvAlphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
        private static readonly RandomNumberGenerator Random = RandomNumberGenerator.Create();
        private readonly uint _appId;
        private readonly Aes _aes;
        private readonly byte[] _key;
        private readonly byte[] _random = new byte[20]; // the IV's 16 characters and the claims' nonce (4)
        private readonly byte[] _iv = new byte[16];

        public HandGenerator(uint appId, string secret)
        {
            _appId = appId;
            _key = Encoding.ASCII.GetBytes(secret);
            _aes = Aes.Create(); // CBC with PKCS#7 padding by default
        }

        /// <summary>One-shot: the key given with each call, a new Aes object.</summary>
        public static string OneShot(uint appId, string userId, string secret, long ttl, string payload)
        {
            return new HandGenerator(appId, secret).Generate(userId, ttl, payload);
        }

        public string Generate(string userId, long ttl, string payload)
        {
            Random.GetBytes(_random);
            for (int i = 0; i < 16; i++) _iv[i] = (byte)IvAlphabet[_random[i] % 36];
            long ctime = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            long expire = ctime + ttl;
            int nonce = BitConverter.ToInt32(_random, 16);
            var json = new StringBuilder(96 + userId.Length + 2 * payload.Length);
            json.Append("{\"app_id\":").Append(_appId.ToString(CultureInfo.InvariantCulture)).Append(",\"user_id\":");
            AppendJsonString(json, userId);
            json.Append(",\"ctime\":").Append(ctime.ToString(CultureInfo.InvariantCulture))
                .Append(",\"expire\":").Append(expire.ToString(CultureInfo.InvariantCulture))
                .Append(",\"nonce\":").Append(nonce.ToString(CultureInfo.InvariantCulture)).Append(",\"payload\":");
            AppendJsonString(json, payload);
            byte[] plain = Encoding.UTF8.GetBytes(json.Append('}').ToString());
            byte[] sealedBytes;
            using (ICryptoTransform encryptor = _aes.CreateEncryptor(_key, _iv))
                sealedBytes = encryptor.TransformFinalBlock(plain, 0, plain.Length);
            var envelope = new byte[28 + sealedBytes.Length];
            for (int i = 0; i < 8; i++) envelope[i] = (byte)(expire >> (56 - 8 * i));
            envelope[9] = 16;
            Buffer.BlockCopy(_iv, 0, envelope, 10, 16);
            envelope[26] = (byte)(sealedBytes.Length >> 8);
            envelope[27] = (byte)sealedBytes.Length;
            Buffer.BlockCopy(sealedBytes, 0, envelope, 28, sealedBytes.Length);
            return "04" + Convert.ToBase64String(envelope);
        }

        private static void AppendJsonString(StringBuilder b, string s)
        {
            b.Append('"');
            foreach (char c in s)
            {
                if (c == '"' || c == '\\') b.Append('\\').Append(c);
                else if (c < 0x20) b.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                else b.Append(c);
            }
            b.Append('"');
        }
    }

    private static double Run(Func<string> make, int n)
    {
        var watch = Stopwatch.StartNew();
        int sink = 0;
        for (int i = 0; i < n; i++) sink += make().Length;
        if (sink == 0) throw new InvalidOperationException();
        return watch.Elapsed.TotalMilliseconds * 1e6 / n;
    }

    private static double Median(double[] xs)
    {
        var s = (double[])xs.Clone();
        Array.Sort(s);
        return s[s.Length / 2];
    }

    private static void Main(string[] args)
    {
        int rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 21;
        int n = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50000;
        string room = new RtcRoomPayload("room-1", true, true).ToJson();
        var hand = new HandGenerator(AppId, Secret);
        foreach (string payload in new[] { "", room }) // the baseline makes real (legacy) tokens
        {
            Claims claims = Token04.Decode(hand.Generate(UserId, 3600, payload), Secret);
            if (claims.UserId != UserId || claims.Payload != payload) throw new InvalidOperationException("bad baseline");
        }
        using (var g = new Token04Generator(AppId, Secret))
        {
            Console.WriteLine("Mono {0}, zego-token {1}; median of {2} interleaved rounds of {3:N0} tokens after warm-up",
                Environment.Version, Token04.LibraryVersion, rounds, n);
            Console.WriteLine("{0,-9} {1,-44} {2,12} {3,9} {4,8}", "payload", "implementation", "tokens/s", "us/token", "speed-up");
            foreach (var p in new[] { Tuple.Create("empty", ""), Tuple.Create("privilege", room) })
            {
                string payload = p.Item2;
                var names = new[] { "hand-written CBC, one-shot (new Aes per call)", "Token04.Generate (one-shot)",
                    "hand-written CBC, Aes kept", "Token04Generator.Generate (reusable)" };
                var makes = new Func<string>[] {
                    () => HandGenerator.OneShot(AppId, UserId, Secret, 3600, payload),
                    () => Token04.Generate(AppId, UserId, Secret, 3600, payload),
                    () => hand.Generate(UserId, 3600, payload),
                    () => g.Generate(UserId, 3600, payload),
                };
                var samples = new double[makes.Length][];
                for (int i = 0; i < makes.Length; i++) { samples[i] = new double[rounds]; Run(makes[i], n); } // warm-up
                for (int r = 0; r < rounds; r++)
                    for (int i = 0; i < makes.Length; i++) samples[i][r] = Run(makes[i], n);
                for (int i = 0; i < makes.Length; i++)
                {
                    double ns = Median(samples[i]), baseline = Median(samples[i & ~1]);
                    Console.WriteLine("{0,-9} {1,-44} {2,12:N0} {3,9:F3} {4,7:F2}x", p.Item1, names[i], 1e9 / ns, ns / 1000, baseline / ns);
                }
            }
        }
    }
}
