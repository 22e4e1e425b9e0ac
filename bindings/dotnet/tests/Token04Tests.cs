using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using NUnit.Framework;
using ZegoServerAssistant;

namespace ZegoToken.Tests
{
    [TestFixture]
    public class Token04Tests
    {
        private const string Secret = "0123456789abcdef0123456789abcdef";
        private const uint AppId = 1234567890;

        private static int CodeOf(TestDelegate call) => Assert.Throws(Is.InstanceOf<ZegoTokenException>(), call) is ZegoTokenException e ? e.Code : -1;

        [Test]
        public void EveryTokenBreakingAGenerationRuleDecodesWithItsFindings()
        {
            var rows = Vectors.Read("finding-tokens.jsonl");
            Assert.AreEqual(6, rows.Count);
            foreach (var row in rows)
            {
                var name = (string)row["name"];
                var token = (string)row["token"];
                var secret = (string)row["secret"];
                var e = (Dictionary<string, object>)row["claims"];
                var findings = ((List<object>)row["findings"]).Cast<string>().ToList();
                using (var generator = new Token04Generator((uint)(long)row["app_id"], secret))
                {
                    foreach (var c in new[] { Token04.Decode(token, secret), generator.Decode(token) })
                    {
                        Assert.AreEqual(e["user_id"], c.UserId, name);
                        Assert.AreEqual(e["nonce"], c.Nonce, name);
                        Assert.AreEqual(row["format"], c.Mode, name);
                        CollectionAssert.AreEqual(findings, c.Findings, name);
                    }
                }
            }
        }

        [Test]
        public void ATokenBreakingAGenerationRuleVerifiesWhenCurrentAndIsBadPlaintextWhenLegacy()
        {
            foreach (var row in Vectors.Read("finding-tokens.jsonl"))
            {
                long code = 0;
                try
                {
                    var c = Token04.Verify((string)row["token"], (string)row["secret"], (uint)(long)row["app_id"],
                        new VerifyOptions { Now = DateTimeOffset.FromUnixTimeSeconds((long)row["now"]) });
                    CollectionAssert.AreEqual(((List<object>)row["findings"]).Cast<string>().ToList(), c.Findings);
                }
                catch (ZegoTokenException error)
                {
                    code = error.Code;
                }
                Assert.AreEqual(row["verify_code"], code, (string)row["name"]);
            }
        }

        [Test]
        public void ATokenWithinTheRulesHasNoFinding()
        {
            var row = Vectors.Read("official-tokens.jsonl")[0];
            Assert.AreEqual(0, Token04.Decode((string)row["token"], (string)row["secret"]).Findings.Count);
        }

        [Test]
        public void EveryOfficialTokenDecodesToItsRecordedClaims()
        {
            var rows = Vectors.Read("official-tokens.jsonl");
            Assert.AreEqual(576, rows.Count);
            foreach (var row in rows)
            {
                var c = Token04.Decode((string)row["token"], (string)row["secret"]);
                var e = (Dictionary<string, object>)row["claims"];
                var where = (string)row["generator"];
                Assert.AreEqual((long)e["app_id"], (long)c.AppId, where);
                Assert.AreEqual(e["user_id"], c.UserId, where);
                Assert.AreEqual(e["ctime"], c.Ctime, where);
                Assert.AreEqual(e["expire"], c.Expire, where);
                Assert.AreEqual(e["nonce"], c.Nonce, where);
                Assert.AreEqual(e["payload"], c.Payload, where);
                Assert.AreEqual(row["format"], c.Mode, where);
            }
        }

        [Test]
        public void EveryInvalidTokenGivesItsCategory()
        {
            var category = new Dictionary<string, int>
            {
                { "ok", 0 }, { "malformed", 20 }, { "unsupported_version", 21 }, { "unsupported_mode", 22 }, { "auth_failed", 23 },
                { "bad_plaintext", 24 }, { "expired", 30 }, { "not_yet_valid", 31 }, { "app_id_mismatch", 32 },
            };
            foreach (var row in Vectors.Read("invalid-tokens.jsonl"))
            {
                int code = 0;
                try
                {
                    if ((string)row["check"] == "decode") Token04.Decode((string)row["token"], (string)row["secret"]);
                    else Token04.Verify((string)row["token"], (string)row["secret"], (uint)(long)row["app_id"], (long)row["now"], (long)row["leeway_seconds"]);
                }
                catch (ZegoTokenException e)
                {
                    code = e.Code;
                }
                Assert.AreEqual(category[(string)row["expect"]], code, (string)row["name"]);
            }
        }

        [Test]
        public void PrivilegePayloadMatchesTheOfficialJsonByteForByte()
        {
            var official = new HashSet<string>(Vectors.Read("official-tokens.jsonl").Select(r => (string)((Dictionary<string, object>)r["claims"])["payload"]));
            string nullList = new RtcRoomPayload("room1", true, false).ToJson();
            Assert.AreEqual("{\"room_id\":\"room1\",\"privilege\":{\"1\":1,\"2\":0},\"stream_id_list\":null}", nullList);
            Assert.IsTrue(official.Contains(nullList));
            Assert.IsTrue(official.Contains(new RtcRoomPayload("room1", true, false, new string[0]).ToJson()));
        }

        [Test]
        public void GenerateThenDecodeRoundTripsUnicode()
        {
            var cases = new[] { new[] { "user_中文_ü", "载荷 ü é 😀 \u2028 end" }, new[] { "a\"b\\c", "<b>&</b>" }, new[] { string.Concat(Enumerable.Repeat("😀", 16)), "" } };
            foreach (var c in cases)
            {
                var claims = Token04.Decode(Token04.Generate(AppId, c[0], Secret, 600, c[1]), Secret);
                Assert.AreEqual(c[0], claims.UserId);
                Assert.AreEqual(c[1], claims.Payload);
                Assert.AreEqual(600, claims.Expire - claims.Ctime);
                Assert.AreEqual("gcm", claims.Mode);
            }
        }

        [Test]
        public void GeneratorIsReusableDisposableAndHidesItsSecret()
        {
            var g = new Token04Generator(AppId, Secret);
            Assert.AreEqual("u", Token04.Decode(g.Generate("u", 60), Secret).UserId);
            StringAssert.DoesNotContain(Secret, g.ToString());
            g.Dispose();
            g.Dispose();
            Assert.Throws<ZegoTokenException.InvalidArgument>(() => g.Generate("u", 60));
        }

        [Test]
        public void PrivilegeTokenCarriesItsPayload()
        {
            string payload = new RtcRoomPayload("room1", true, true, new[] { "s1", "s2" }).ToJson();
            Assert.AreEqual("{\"room_id\":\"room1\",\"privilege\":{\"1\":1,\"2\":1},\"stream_id_list\":[\"s1\",\"s2\"]}",
                Token04.Decode(Token04.Generate(AppId, "u", Secret, 3600, payload), Secret).Payload);
        }

        [Test]
        public void VerifyChecksTimeAndAppId()
        {
            string token = Token04.Generate(AppId, "u", Secret, 60);
            var c = Token04.Verify(token, Secret, AppId);
            Assert.Throws<ZegoTokenException.Expired>(() => Token04.Verify(token, Secret, AppId, c.Expire + 60));
            Assert.AreEqual("u", Token04.Verify(token, Secret, AppId, c.Expire + 5, 30).UserId);
            Assert.Throws<ZegoTokenException.NotYetValid>(() => Token04.Verify(token, Secret, AppId, c.Ctime - 3600));
            Assert.AreEqual(32, CodeOf(() => Token04.Verify(token, Secret, AppId + 1)));
            Assert.AreEqual(10, CodeOf(() => Token04.Verify(token, Secret, AppId, 0, -1)));
        }

        [TestCase(0u, "u", Secret, 1L, "", 1)]
        [TestCase(AppId, "", Secret, 1L, "", 3)]
        [TestCase(AppId, "uuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuu", Secret, 1L, "", 3)]
        [TestCase(AppId, null, Secret, 1L, "", 11)]
        [TestCase(AppId, "u", "0123456789abcdef0123456789abcde", 1L, "", 5)]
        [TestCase(AppId, "u", "0123456789abcdef0123456789abcdef0", 1L, "", 5)]
        [TestCase(AppId, "u", "éééééééééééééééé", 1L, "", 5)]
        [TestCase(AppId, "u", null, 1L, "", 11)]
        [TestCase(AppId, "u", Secret, 0L, "", 6)]
        [TestCase(AppId, "u", Secret, -1L, "", 6)]
        [TestCase(AppId, "u", Secret, long.MaxValue, "", 6)]
        [TestCase(AppId, "a\0b", Secret, 1L, "", 10)]
        public void GenerateRejectsBadInput(uint app, string user, string secret, long ttl, string payload, int code)
        {
            Assert.AreEqual(code, CodeOf(() => Token04.Generate(app, user, secret, ttl, payload)));
        }

        [Test]
        public void OtherBadInputGivesItsCode()
        {
            Assert.AreEqual(7, CodeOf(() => Token04.Generate(AppId, "u", Secret, 1, new string('x', 70000))));
            // A lone surrogate (in code: attribute arguments are stored as UTF-8 and would lose it).
            Assert.AreEqual(12, CodeOf(() => Token04.Generate(AppId, "\ud800", Secret, 1)));
            Assert.AreEqual(1, CodeOf(() => new Token04Generator(0, Secret)));
            Assert.AreEqual(8, CodeOf(() => new RtcRoomPayload("").ToJson()));
            Assert.AreEqual(8, CodeOf(() => new RtcRoomPayload(new string('r', 129)).ToJson()));
            Assert.AreEqual(9, CodeOf(() => new RtcRoomPayload("r", true, true, new[] { new string('s', 257) }).ToJson()));
            string token = Token04.Generate(AppId, "u", Secret, 60);
            string tampered = token.Substring(0, 40) + (token[40] == 'A' ? "B" : "A") + token.Substring(41);
            Assert.AreEqual(20, CodeOf(() => Token04.Decode("", Secret)));
            Assert.AreEqual(20, CodeOf(() => Token04.Decode(token.Substring(0, 30), Secret)));
            Assert.AreEqual(21, CodeOf(() => Token04.Decode("03" + token.Substring(2), Secret)));
            Assert.AreEqual(23, CodeOf(() => Token04.Decode(tampered, Secret)));
            Assert.AreEqual(23, CodeOf(() => Token04.Decode(token, "fedcba9876543210fedcba9876543210")));
        }

        private static string GcmNonce(string token) => Convert.ToBase64String(Convert.FromBase64String(token.Substring(2)), 10, 12);

        [Test]
        public void ManyThreadsMakeValidTokensWithDistinctNonces()
        {
            using (var g = new Token04Generator(AppId, Secret))
            {
                var lists = Enumerable.Range(0, 8).Select(_ => new List<string>()).ToArray();
                var threads = lists.Select(list => new Thread(() =>
                {
                    for (int i = 0; i < 5000; i++) list.Add(i % 2 == 0 ? g.Generate("u", 60) : Token04.Generate(AppId, "u", Secret, 60));
                })).ToList();
                threads.ForEach(t => t.Start());
                threads.ForEach(t => t.Join());
                var nonces = new HashSet<string>(lists.SelectMany(l => l).Select(GcmNonce));
                Assert.AreEqual(40000, nonces.Count);
            }
        }

        private static long RssKiB()
        {
            var m = Regex.Match(File.ReadAllText("/proc/self/status"), @"VmRSS:\s+(\d+)");
            return long.Parse(m.Groups[1].Value);
        }

        [Test]
        public void AMillionCallsMixingSuccessAndFailureKeepResidentMemoryFlat()
        {
            using (var g = new Token04Generator(AppId, Secret))
            {
                string token = g.Generate("u", 3600);
                Action<int> round = n =>
                {
                    for (int i = 0; i < n; i++)
                    {
                        try
                        {
                            switch (i % 4)
                            {
                                case 0: g.Generate("u", 3600); break;
                                case 1: Token04.Decode(token, Secret); break;
                                case 2: Token04.Decode(token, "fedcba9876543210fedcba9876543210"); break;
                                default: g.Generate("", 3600); break;
                            }
                        }
                        catch (ZegoTokenException)
                        {
                        }
                    }
                };
                round(200000);
                GC.Collect();
                long before = RssKiB();
                round(1000000);
                GC.Collect();
                long growth = RssKiB() - before;
                Assert.Less(growth, 24 * 1024, "resident memory grew by " + growth + " KiB");
            }
        }

        [Test]
        public void DropInHasTheOfficialShapeForSuccessAndEachError()
        {
            GenerateTokenResult ok = ServerAssistant.GenerateToken04(AppId, "demo", Secret, 3600, "");
            Assert.AreEqual(ErrorCode.success, ok.errorInfo.errorCode);
            Assert.AreEqual("demo", Token04.Decode(ok.token, Secret).UserId);
            Assert.AreEqual(ErrorCode.appIDInvalid, ServerAssistant.GenerateToken04(0, "demo", Secret, 3600, "").errorInfo.errorCode);
            Assert.AreEqual(ErrorCode.userIDInvalid, ServerAssistant.GenerateToken04(1, "", Secret, 3600, "").errorInfo.errorCode);
            Assert.AreEqual(ErrorCode.userIDInvalid, ServerAssistant.GenerateToken04(1, null, Secret, 3600, "").errorInfo.errorCode);
            Assert.AreEqual(ErrorCode.secretInvalid, ServerAssistant.GenerateToken04(1, "demo", "short", 3600, "").errorInfo.errorCode);
            Assert.AreEqual(ErrorCode.effectiveTimeInSecondsInvalid, ServerAssistant.GenerateToken04(1, "demo", Secret, 0, "").errorInfo.errorCode);
            Assert.AreEqual("success", ok.errorInfo.errorMessage);
            Assert.AreEqual("appID invalid", ServerAssistant.GenerateToken04(0, "demo", Secret, 3600, "").errorInfo.errorMessage);
            Assert.AreEqual("userID invalid", ServerAssistant.GenerateToken04(1, "", Secret, 3600, "").errorInfo.errorMessage);
            Assert.AreEqual("secret must be a 32 byte string", ServerAssistant.GenerateToken04(1, "demo", "short", 3600, "").errorInfo.errorMessage);
            Assert.AreEqual("effectiveTimeInSeconds invalid", ServerAssistant.GenerateToken04(1, "demo", Secret, 0, "").errorInfo.errorMessage);
            var big = ServerAssistant.GenerateToken04(1, "demo", Secret, 3600, new string('x', 70000));
            Assert.AreEqual(7, (int)big.errorInfo.errorCode);
            Assert.AreEqual("", big.token);
        }

        [Test]
        public void DropInAcceptsTheEarlierFourParameterOverload()
        {
            GenerateTokenResult ok = ServerAssistant.GenerateToken04(AppId, "demo", Secret, 3600);
            Assert.AreEqual(ErrorCode.success, ok.errorInfo.errorCode);
            Assert.AreEqual("", Token04.Decode(ok.token, Secret).Payload);
            Assert.AreEqual(ErrorCode.userIDInvalid, ServerAssistant.GenerateToken04(AppId, "", Secret, 3600).errorInfo.errorCode);
        }

        [Test]
        public void TheLibraryIsReported()
        {
            // The library this binding loads is the version its ZegoToken.csproj declares. (Read with
            // a regular expression: System.Xml's URL resolver needs OpenSSL 1.x on CoreCLR 3.1.)
            var project = File.ReadAllText(Path.Combine(Vectors.Dir, "..", "..", "bindings", "dotnet", "ZegoToken.csproj"));
            var declared = Regex.Match(project, "<Version>([^<]+)</Version>");
            var manifestVersion = declared.Success ? declared.Groups[1].Value : null;
            Assert.IsNotNull(manifestVersion, "ZegoToken.csproj declares a <Version>");
            Assert.AreEqual(manifestVersion, Token04.LibraryVersion);
            Assert.AreEqual("token has expired", Token04.Message(30));
        }
    
        private static Dictionary<string, object> OfficialCbc()
        {
            return Vectors.Read("official-tokens.jsonl").First(r => (string)r["format"] == "cbc");
        }

        private static long Claim(Dictionary<string, object> row, string name)
        {
            return (long)((Dictionary<string, object>)row["claims"])[name];
        }

        [Test]
        public void VerifyReportsALegacyTokenAndAcceptsItByDefault()
        {
            var row = OfficialCbc();
            var claims = Token04.Verify((string)row["token"], (string)row["secret"], (uint)Claim(row, "app_id"),
                new VerifyOptions { NowUnix = Claim(row, "ctime") });
            Assert.AreEqual("cbc", claims.Mode);
        }

        [Test]
        public void VerifyWithRequireGcmRefusesALegacyToken()
        {
            var row = OfficialCbc();
            var e = Assert.Throws<ZegoTokenException.UnsupportedMode>(() => Token04.Verify((string)row["token"], (string)row["secret"],
                (uint)Claim(row, "app_id"), new VerifyOptions { NowUnix = Claim(row, "ctime"), RequireGcm = true }));
            Assert.AreEqual(22, e.Code);
        }

        [Test]
        public void VerifyWithRequireGcmAcceptsACurrentTokenWithEveryClaim()
        {
            string token = Token04.Generate(AppId, "用户", Secret, 600, "{\"a\":1}");
            var claims = Token04.Verify(token, Secret, AppId, new VerifyOptions { LeewaySeconds = 5, RequireGcm = true });
            Assert.AreEqual(Token04.Decode(token, Secret), claims);
            Assert.AreEqual("gcm", claims.Mode);
            Assert.Throws<ZegoTokenException.AppIdMismatch>(() => Token04.Verify(token, Secret, AppId + 1, new VerifyOptions { RequireGcm = true }));
            Assert.Throws<ZegoTokenException.InvalidArgument>(() => Token04.Verify(token, Secret, AppId, new VerifyOptions { LeewaySeconds = -1 }));
            // Options are optional: null means the defaults (the system clock, no leeway).
            Assert.AreEqual("用户", Token04.Verify(token, Secret, AppId, (VerifyOptions)null).UserId);
            Assert.AreEqual(0, Token04.VerifyWithAny(token, new[] { Secret }, AppId).SecretIndex);
            using (var generator = new Token04Generator(AppId, Secret)) Assert.AreEqual("用户", generator.Verify(token).UserId);
        }

        [Test]
        public void EveryLibraryCodeHasAnExceptionClassOfItsOwn()
        {
            var fromCode = typeof(ZegoTokenException).GetMethod("FromCode",
                System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static);
            var classes = new System.Collections.Generic.HashSet<Type>();
            foreach (int code in new[] { 1, 3, 5, 6, 7, 8, 9, 10, 11, 12, 20, 21, 22, 23, 24, 30, 31, 32, 33, 40, 41 })
            {
                var e = (ZegoTokenException)fromCode.Invoke(null, new object[] { code, Token04.Message(code) });
                Assert.AreEqual(code, e.Code);
                Assert.AreNotEqual(typeof(ZegoTokenException), e.GetType(), "code " + code + " has no class");
                Assert.IsTrue(classes.Add(e.GetType()), "code " + code + " shares its class");
            }
            Assert.IsInstanceOf<ZegoTokenException.Panic>(fromCode.Invoke(null, new object[] { 41, "internal error" }));
        }

        [Test]
        public void Code23TakesItsNameFromTheCOneAndIsStillCaughtUnderItsFirstName()
        {
            string token = Token04.Generate(AppId, "u", Secret, 60, "");
            var refused = Assert.Throws<ZegoTokenException.AuthFailed>(() => Token04.Decode(token, Other));
#pragma warning disable 618 // the deprecated first name, on purpose
            Assert.IsInstanceOf<ZegoTokenException.AuthenticationFailed>(refused);
#pragma warning restore 618
            Assert.AreEqual(23, refused.Code);
        }

        [Test]
        public void AnExplicitTimeIsThatTimeTheEpochIncluded()
        {
            string token = Token04.Generate(AppId, "u", Secret, 3600, "");
            // A token made now is not yet valid at the epoch: 0 is a time, not "use the clock".
            Assert.Throws<ZegoTokenException.NotYetValid>(() => Token04.Verify(token, Secret, AppId, 0));
            Assert.Throws<ZegoTokenException.NotYetValid>(() => Token04.Verify(token, Secret, AppId, new VerifyOptions { NowUnix = 0 }));
            Assert.Throws<ZegoTokenException.NotYetValid>(() => Token04.Verify(token, Secret, AppId, new VerifyOptions { Now = DateTimeOffset.FromUnixTimeSeconds(0) }));
            // Left out or null, the time is the system clock.
            Assert.AreEqual("u", Token04.Verify(token, Secret, AppId).UserId);
            Assert.AreEqual("u", Token04.Verify(token, Secret, AppId, new VerifyOptions { NowUnix = null }).UserId);
        }

        private const string Other = "fedcba9876543210fedcba9876543210";

        [Test]
        public void VerifyWithAnyReturnsTheIndexOfTheMatchingSecret()
        {
            string token = Token04.Generate(AppId, "u", Secret, 60);
            VerifyResult result = Token04.VerifyWithAny(token, new[] { Other, Secret }, AppId, new VerifyOptions());
            Assert.AreEqual("u", result.Claims.UserId);
            Assert.AreEqual(1, result.SecretIndex);
            Assert.Throws<ZegoTokenException.AuthFailed>(() => Token04.VerifyWithAny(token, new[] { Other }, AppId, new VerifyOptions()));
            Assert.Throws<ZegoTokenException.InvalidArgument>(() => Token04.VerifyWithAny(token, new string[0], AppId, new VerifyOptions()));
        }

        [Test]
        public void VerifyChecksTheExpectedUserIdWithCode33()
        {
            string token = Token04.Generate(AppId, "alice", Secret, 60);
            Assert.AreEqual("alice", Token04.Verify(token, Secret, AppId, new VerifyOptions { UserId = "alice" }).UserId);
            var e = Assert.Throws<ZegoTokenException.UserIdMismatch>(() => Token04.Verify(token, Secret, AppId, new VerifyOptions { UserId = "bob" }));
            Assert.AreEqual(33, e.Code);
        }

        [Test]
        public void VerifyTakesDateTimeOffsetsAndTimeSpans()
        {
            string token = Token04.Generate(AppId, "u", Secret, 60);
            Claims claims = Token04.Decode(token, Secret);
            Assert.AreEqual(TimeSpan.FromSeconds(60), claims.ExpiresAt - claims.CreatedAt);
            DateTimeOffset after = claims.ExpiresAt.AddSeconds(5);
            Assert.Throws<ZegoTokenException.Expired>(() => Token04.Verify(token, Secret, AppId, new VerifyOptions { Now = after }));
            Assert.AreEqual(claims, Token04.Verify(token, Secret, AppId, new VerifyOptions { Now = after, Leeway = TimeSpan.FromSeconds(10) }));
            Assert.Throws<ZegoTokenException.NotYetValid>(() => Token04.Verify(token, Secret, AppId,
                new VerifyOptions { Now = DateTimeOffset.FromUnixTimeSeconds(0) }), "the epoch is a time like any other");
        }

        [Test]
        public void AGeneratorDecodesAndVerifiesWithItsKey()
        {
            var generator = new Token04Generator(AppId, Secret);
            string token = generator.Generate("u", 60);
            Assert.AreEqual("u", generator.Decode(token).UserId);
            Assert.AreEqual("u", generator.Verify(token, new VerifyOptions { UserId = "u", RequireGcm = true, LeewaySeconds = 5 }).UserId);
            Assert.Throws<ZegoTokenException.UserIdMismatch>(() => generator.Verify(token, new VerifyOptions { UserId = "v" }));
            using (var other = new Token04Generator(AppId + 1, Secret))
            {
                Assert.Throws<ZegoTokenException.AppIdMismatch>(() => other.Verify(token, new VerifyOptions()));
            }
            generator.Dispose();
            Assert.Throws<ZegoTokenException.InvalidArgument>(() => generator.Decode(token));
        }

        [Test]
        public void EveryVerifyCaseGivesItsCodeAndSecretIndex()
        {
            foreach (var row in Vectors.Read("verify-cases.jsonl"))
            {
                string name = (string)row["name"];
                var options = new VerifyOptions
                {
                    // A case without "now" checks at the system clock.
                    Now = row.ContainsKey("now") ? DateTimeOffset.FromUnixTimeSeconds((long)row["now"]) : (DateTimeOffset?)null,
                    LeewaySeconds = (long)row["leeway_seconds"],
                    UserId = row.ContainsKey("user_id") ? (string)row["user_id"] : null,
                    RequireGcm = (bool)row["require_gcm"],
                };
                var secrets = ((List<object>)row["secrets"]).Cast<string>().ToList();
                long code = 0;
                long? index = null;
                try
                {
                    index = Token04.VerifyWithAny((string)row["token"], secrets, (uint)(long)row["app_id"], options).SecretIndex;
                }
                catch (ZegoTokenException e)
                {
                    code = e.Code;
                }
                Assert.AreEqual((long)row["expect_code"], code, name);
                Assert.AreEqual(row.ContainsKey("secret_index") ? (long?)(long)row["secret_index"] : null, index, name);
            }
        }
}
}
