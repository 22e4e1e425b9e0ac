using System.Linq;
using System.Threading;
using NUnit.Framework;

namespace ZegoToken.Tests
{
    /// <summary>The fast path: one P/Invoke per token into the thread's reusable buffer (NativeMethods.Token).</summary>
    [TestFixture]
    public class FastPathTests
    {
        private const string Secret = "0123456789abcdef0123456789abcdef";
        private const uint AppId = 1234567890;

        [Test]
        public void ATokenLongerThanTheThreadsBufferGrowsItAndRoundTrips()
        {
            string payload = string.Concat(Enumerable.Repeat("\"x\"", 1500)); // 4,500 bytes once escaped
            using (var g = new Token04Generator(AppId, Secret))
            {
                string token = g.Generate("user", 60, payload);
                Assert.Greater(token.Length, 6000);
                Assert.AreEqual(payload, g.Decode(token).Payload);
                Assert.AreEqual(payload, Token04.Decode(Token04.Generate(AppId, "user", Secret, 60, payload), Secret).Payload);
                Assert.AreEqual("user", g.Decode(g.Generate("user", 60)).UserId); // the grown buffer serves on
            }
        }

        [Test]
        public void EachThreadWritesIntoItsOwnBuffer()
        {
            using (var g = new Token04Generator(AppId, Secret))
            {
                bool[] ok = new bool[8];
                var threads = Enumerable.Range(0, 8).Select(i => new Thread(() =>
                {
                    bool all = true;
                    for (int k = 0; k < 500; k++)
                        all &= g.Decode(g.Generate("user-" + i, 60, new string('p', i * 300))).UserId == "user-" + i;
                    ok[i] = all;
                })).ToList();
                threads.ForEach(t => t.Start());
                threads.ForEach(t => t.Join());
                Assert.IsTrue(ok.All(b => b));
            }
        }

        [Test]
        public void ErrorsKeepTheirCodesAndTypes()
        {
            using (var g = new Token04Generator(AppId, Secret))
            {
                Assert.Throws<ZegoTokenException.InvalidUserId>(() => g.Generate("", 60));
                Assert.Throws<ZegoTokenException.InvalidEffectiveTime>(() => g.Generate("u", 0));
                Assert.Throws<ZegoTokenException.InvalidArgument>(() => g.Generate("a\0b", 60));
                Assert.Throws<ZegoTokenException.InvalidUtf8>(() => g.Generate("\ud800", 60));
            }
            Assert.Throws<ZegoTokenException.InvalidAppId>(() => Token04.Generate(0, "", "short", 0));
            Assert.Throws<ZegoTokenException.InvalidSecret>(() => Token04.Generate(AppId, "u", "short", 60));
        }
    }
}
