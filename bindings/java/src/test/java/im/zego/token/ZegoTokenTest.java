package im.zego.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ZegoTokenTest {
    static final String SECRET = "0123456789abcdef0123456789abcdef";
    static final long APP_ID = 1234567890L;

    /** The library's codes (include/zego_token.h), each with an exception class of its own. */
    static final int[] LIBRARY_CODES = {1, 3, 5, 6, 7, 8, 9, 10, 11, 12, 20, 21, 22, 23, 24, 30, 31, 32, 33, 40, 41};

    @Test
    void everyLibraryCodeHasAnExceptionClassOfItsOwn() {
        Set<Class<?>> classes = new HashSet<>();
        for (int code : LIBRARY_CODES) {
            ZegoTokenException e = ZegoTokenException.of(code, ZegoToken.message(code));
            assertEquals(code, e.getCode());
            assertTrue(e.getClass() != ZegoTokenException.class, "code " + code + " has no class");
            assertTrue(classes.add(e.getClass()), "code " + code + " shares its class");
        }
        assertEquals(41, ZegoTokenException.of(41, "internal error").getCode());
        assertTrue(ZegoTokenException.of(41, "internal error") instanceof ZegoTokenException.Panic);
    }

    static int codeOf(Executable e) {
        return assertThrows(ZegoTokenException.class, e).getCode();
    }

    static String repeat(String s, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append(s);
        return b.toString();
    }

    @Test
    void generateThenDecodeRoundTripsUnicode() {
        String[][] cases = {{"user_中文_ü", "载荷 ü é 😀 \u2028 end"}, {"a\"b\\c", "<b>&</b>"}, {repeat("😀", 16), ""}};
        for (String[] c : cases) {
            Claims claims = ZegoToken.decode(ZegoToken.generate(APP_ID, c[0], SECRET, 600, c[1]), SECRET);
            assertEquals(c[0], claims.getUserId());
            assertEquals(c[1], claims.getPayload());
            assertEquals(600, claims.getExpire() - claims.getCtime());
            assertEquals("gcm", claims.getMode());
            assertEquals(APP_ID, claims.getAppId());
        }
    }

    @Test
    void generatorIsReusableAutoCloseableAndHidesItsSecret() {
        Token04Generator g;
        try (Token04Generator generator = new Token04Generator(APP_ID, SECRET)) {
            g = generator;
            assertEquals("u", ZegoToken.decode(generator.generate("u", 60), SECRET).getUserId());
            assertFalse(generator.toString().contains(SECRET));
        }
        assertThrows(ZegoTokenException.InvalidArgument.class, () -> g.generate("u", 60));
        g.close();
    }

    @Test
    void privilegeTokenCarriesItsPayload() {
        String payload = RtcRoomPayload.builder("room1").canLogin(true).canPublish(true).streamIds(Arrays.asList("s1", "s2")).build().toJson();
        assertEquals("{\"room_id\":\"room1\",\"privilege\":{\"1\":1,\"2\":1},\"stream_id_list\":[\"s1\",\"s2\"]}",
                ZegoToken.decode(ZegoToken.generate(APP_ID, "u", SECRET, 3600, payload), SECRET).getPayload());
    }

    @Test
    @SuppressWarnings("deprecation")
    void code23TakesItsNameFromTheCOneAndIsStillCaughtUnderItsFirstName() {
        ZegoTokenException refused = assertThrows(ZegoTokenException.class,
                () -> ZegoToken.decode(ZegoToken.generate(APP_ID, "u", SECRET, 60, ""), "fedcba9876543210fedcba9876543210"));
        assertEquals(ZegoTokenException.AuthFailed.class, refused.getClass());
        assertTrue(refused instanceof ZegoTokenException.AuthenticationFailed);
        assertEquals(23, refused.getCode());
    }

    @Test
    void anExplicitTimeIsThatTimeTheEpochIncluded() {
        String token = ZegoToken.generate(APP_ID, "u", SECRET, 3600, "");
        // A token made now is not yet valid at the epoch: 0 is a time, not "use the clock".
        assertThrows(ZegoTokenException.NotYetValid.class, () -> ZegoToken.verify(token, SECRET, APP_ID, 0, 0));
        assertThrows(ZegoTokenException.NotYetValid.class,
                () -> ZegoToken.verify(token, SECRET, APP_ID, VerifyOptions.defaults().at(0)));
        assertThrows(ZegoTokenException.NotYetValid.class,
                () -> ZegoToken.verify(token, SECRET, APP_ID, VerifyOptions.defaults().at(java.time.Instant.EPOCH)));
        // Without a time, the system clock.
        assertEquals("u", ZegoToken.verify(token, SECRET, APP_ID).getUserId());
    }

    @Test
    void optionsAreOptionalWherePassed() {
        String token = ZegoToken.generate(APP_ID, "u", SECRET, 3600, "");
        assertEquals(0, ZegoToken.verifyWithAny(token, java.util.Collections.singletonList(SECRET), APP_ID).getSecretIndex());
        try (Token04Generator generator = new Token04Generator(APP_ID, SECRET)) {
            assertEquals("u", generator.verify(token).getUserId());
        }
    }

    @Test
    void verifyChecksTimeAndAppId() {
        String token = ZegoToken.generate(APP_ID, "u", SECRET, 60);
        Claims c = ZegoToken.verify(token, SECRET, APP_ID);
        assertThrows(ZegoTokenException.Expired.class, () -> ZegoToken.verify(token, SECRET, APP_ID, c.getExpire() + 60, 0));
        assertEquals("u", ZegoToken.verify(token, SECRET, APP_ID, c.getExpire() + 5, 30).getUserId());
        assertThrows(ZegoTokenException.NotYetValid.class, () -> ZegoToken.verify(token, SECRET, APP_ID, c.getCtime() - 3600, 0));
        assertEquals(32, codeOf(() -> ZegoToken.verify(token, SECRET, APP_ID + 1)));
        assertEquals(10, codeOf(() -> ZegoToken.verify(token, SECRET, APP_ID, 0, -1)));
    }

    @Test
    void badInputGivesItsCode() {
        assertEquals(1, codeOf(() -> ZegoToken.generate(0, "u", SECRET, 1)));
        assertEquals(10, codeOf(() -> ZegoToken.generate(1L << 32, "u", SECRET, 1)));
        assertEquals(3, codeOf(() -> ZegoToken.generate(APP_ID, "", SECRET, 1)));
        assertEquals(3, codeOf(() -> ZegoToken.generate(APP_ID, repeat("u", 65), SECRET, 1)));
        assertThrows(NullPointerException.class, () -> ZegoToken.generate(APP_ID, null, SECRET, 1));
        assertEquals(5, codeOf(() -> ZegoToken.generate(APP_ID, "u", SECRET.substring(0, 31), 1)));
        assertEquals(5, codeOf(() -> ZegoToken.generate(APP_ID, "u", SECRET + "0", 1)));
        assertEquals(5, codeOf(() -> ZegoToken.generate(APP_ID, "u", repeat("é", 16), 1)));
        assertThrows(NullPointerException.class, () -> ZegoToken.generate(APP_ID, "u", null, 1));
        assertEquals(6, codeOf(() -> ZegoToken.generate(APP_ID, "u", SECRET, 0)));
        assertEquals(6, codeOf(() -> ZegoToken.generate(APP_ID, "u", SECRET, -1)));
        assertEquals(6, codeOf(() -> ZegoToken.generate(APP_ID, "u", SECRET, Long.MAX_VALUE)));
        assertEquals(7, codeOf(() -> ZegoToken.generate(APP_ID, "u", SECRET, 1, repeat("x", 70000))));
        assertEquals(10, codeOf(() -> ZegoToken.generate(APP_ID, "a\0b", SECRET, 1)));
        assertEquals(12, codeOf(() -> ZegoToken.generate(APP_ID, "\ud800", SECRET, 1)));
        assertEquals(1, codeOf(() -> new Token04Generator(0, SECRET)));
        assertEquals(8, codeOf(() -> RtcRoomPayload.builder("").build().toJson()));
        assertEquals(8, codeOf(() -> RtcRoomPayload.builder(repeat("r", 129)).build().toJson()));
        assertEquals(9, codeOf(() -> RtcRoomPayload.builder("r").streamIds(Arrays.asList(repeat("s", 257))).build().toJson()));
        String token = ZegoToken.generate(APP_ID, "u", SECRET, 60);
        String tampered = token.substring(0, 40) + (token.charAt(40) == 'A' ? "B" : "A") + token.substring(41);
        assertThrows(ZegoTokenException.Malformed.class, () -> ZegoToken.decode("", SECRET));
        assertThrows(ZegoTokenException.Malformed.class, () -> ZegoToken.decode(token.substring(0, 30), SECRET));
        assertThrows(ZegoTokenException.UnsupportedVersion.class, () -> ZegoToken.decode("03" + token.substring(2), SECRET));
        assertThrows(ZegoTokenException.AuthFailed.class, () -> ZegoToken.decode(tampered, SECRET));
        assertThrows(ZegoTokenException.AuthFailed.class, () -> ZegoToken.decode(token, "fedcba9876543210fedcba9876543210"));
        assertThrows(NullPointerException.class, () -> ZegoToken.decode(null, SECRET));
    }

    static String gcmNonce(String token) {
        byte[] raw = Base64.getDecoder().decode(token.substring(2));
        return Base64.getEncoder().encodeToString(Arrays.copyOfRange(raw, 10, 22));
    }

    @Test
    void manyThreadsMakeValidTokensWithDistinctNonces() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (Token04Generator g = new Token04Generator(APP_ID, SECRET)) {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    List<String> tokens = new ArrayList<>();
                    for (int i = 0; i < 5000; i++) {
                        tokens.add(i % 2 == 0 ? g.generate("u", 60) : ZegoToken.generate(APP_ID, "u", SECRET, 60));
                    }
                    return tokens;
                }));
            }
            Set<String> nonces = new HashSet<>();
            for (Future<List<String>> f : futures) {
                for (String token : f.get()) {
                    assertTrue(nonces.add(gcmNonce(token)));
                }
            }
            assertEquals(40000, nonces.size());
        } finally {
            pool.shutdown();
        }
    }

    static long rssKiB() throws IOException {
        for (String line : new String(Files.readAllBytes(Paths.get("/proc/self/status")), StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
        throw new IllegalStateException("no VmRSS");
    }

    @Test
    void aMillionCallsMixingSuccessAndFailureKeepResidentMemoryFlat() throws Exception {
        try (Token04Generator g = new Token04Generator(APP_ID, SECRET)) {
            String token = g.generate("u", 3600);
            java.util.function.IntConsumer round = n -> {
                for (int i = 0; i < n / 4; i++) {
                    g.generate("u", 3600);
                    ZegoToken.decode(token, SECRET);
                    try {
                        ZegoToken.decode(token, "fedcba9876543210fedcba9876543210");
                    } catch (ZegoTokenException.AuthFailed expected) {
                        // a failure path
                    }
                    try {
                        g.generate("", 3600);
                    } catch (ZegoTokenException.InvalidUserId expected) {
                        // a failure path
                    }
                }
            };
            round.accept(200_000); // warm up the JIT and the allocator
            System.gc();
            long before = rssKiB();
            round.accept(1_000_000); // 1,000,000 calls
            System.gc();
            long growth = rssKiB() - before;
            assertTrue(growth < 16 * 1024, "resident memory grew by " + growth + " KiB");
        }
    }

    @Test
    void theLibraryAndItsAbiAreReported() {
        // The library this binding loads is the version its pom.xml declares (set by surefire).
        String manifestVersion = System.getProperty("zego.manifestVersion");
        assertNotNull(manifestVersion, "surefire sets zego.manifestVersion from the pom");
        assertEquals(manifestVersion, ZegoToken.libraryVersion());
        assertEquals(1, ZegoToken.ABI_VERSION);
        assertEquals("token has expired", ZegoToken.message(30));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> officialCbc() throws IOException {
        for (Map<String, Object> row : Vectors.read("official-tokens.jsonl")) {
            if ("cbc".equals(row.get("format"))) return row;
        }
        throw new AssertionError("no cbc token in the vectors");
    }

    @SuppressWarnings("unchecked")
    private static long claim(Map<String, Object> row, String name) {
        return ((Number) ((Map<String, Object>) row.get("claims")).get(name)).longValue();
    }

    @Test
    void verifyReportsALegacyTokenAndAcceptsItByDefault() throws IOException {
        Map<String, Object> row = officialCbc();
        Claims claims = ZegoToken.verify((String) row.get("token"), (String) row.get("secret"), claim(row, "app_id"),
                VerifyOptions.defaults().at(claim(row, "ctime")));
        assertEquals("cbc", claims.getMode());
    }

    @Test
    void verifyWithRequireGcmRefusesALegacyToken() throws IOException {
        Map<String, Object> row = officialCbc();
        ZegoTokenException.UnsupportedMode e = assertThrows(ZegoTokenException.UnsupportedMode.class,
                () -> ZegoToken.verify((String) row.get("token"), (String) row.get("secret"), claim(row, "app_id"),
                        VerifyOptions.defaults().at(claim(row, "ctime")).requireGcm()));
        assertEquals(22, e.getCode());
    }

    @Test
    void verifyWithRequireGcmAcceptsACurrentTokenWithEveryClaim() {
        String token = ZegoToken.generate(APP_ID, "用户", SECRET, 600, "{\"a\":1}");
        Claims claims = ZegoToken.verify(token, SECRET, APP_ID, VerifyOptions.defaults().leeway(5).requireGcm());
        assertEquals(ZegoToken.decode(token, SECRET), claims);
        assertEquals("gcm", claims.getMode());
        assertThrows(ZegoTokenException.AppIdMismatch.class,
                () -> ZegoToken.verify(token, SECRET, APP_ID + 1, VerifyOptions.defaults().requireGcm()));
        assertThrows(ZegoTokenException.InvalidArgument.class,
                () -> ZegoToken.verify(token, SECRET, APP_ID, VerifyOptions.defaults().leeway(-1)));
    }

    @Test
    void nullArgumentsThrowNullPointerExceptionNamingTheArgument() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> ZegoToken.generate(APP_ID, null, SECRET, 60));
        assertTrue(e.getMessage().contains("userId"), e.getMessage());
        e = assertThrows(NullPointerException.class, () -> ZegoToken.decode(null, SECRET));
        assertTrue(e.getMessage().contains("token"), e.getMessage());
        e = assertThrows(NullPointerException.class, () -> new Token04Generator(APP_ID, null));
        assertTrue(e.getMessage().contains("secret"), e.getMessage());
        e = assertThrows(NullPointerException.class, () -> ZegoToken.verify("04AAAA", SECRET, APP_ID, (VerifyOptions) null));
        assertTrue(e.getMessage().contains("options"), e.getMessage());
    }

    private static final String OTHER = "fedcba9876543210fedcba9876543210";

    @Test
    void verifyWithAnyReturnsTheIndexOfTheMatchingSecret() {
        String token = ZegoToken.generate(APP_ID, "u", SECRET, 60);
        Verified verified = ZegoToken.verifyWithAny(token, Arrays.asList(OTHER, SECRET), APP_ID, VerifyOptions.defaults());
        assertEquals("u", verified.getClaims().getUserId());
        assertEquals(1, verified.getSecretIndex());
        assertThrows(ZegoTokenException.AuthFailed.class,
                () -> ZegoToken.verifyWithAny(token, Arrays.asList(OTHER), APP_ID, VerifyOptions.defaults()));
        assertThrows(ZegoTokenException.InvalidArgument.class,
                () -> ZegoToken.verifyWithAny(token, new ArrayList<>(), APP_ID, VerifyOptions.defaults()));
    }

    @Test
    void verifyChecksTheExpectedUserIdWithCode33() {
        String token = ZegoToken.generate(APP_ID, "alice", SECRET, 60);
        assertEquals("alice", ZegoToken.verify(token, SECRET, APP_ID, VerifyOptions.defaults().userId("alice")).getUserId());
        ZegoTokenException.UserIdMismatch e = assertThrows(ZegoTokenException.UserIdMismatch.class,
                () -> ZegoToken.verify(token, SECRET, APP_ID, VerifyOptions.defaults().userId("bob")));
        assertEquals(33, e.getCode());
    }

    @Test
    void verifyTakesInstantsDurationsAndClocks() {
        String token = ZegoToken.generate(APP_ID, "u", SECRET, 60);
        Claims claims = ZegoToken.decode(token, SECRET);
        assertEquals(java.time.Duration.ofSeconds(60), java.time.Duration.between(claims.getCreatedAt(), claims.getExpiresAt()));
        java.time.Instant after = claims.getExpiresAt().plusSeconds(5);
        assertThrows(ZegoTokenException.Expired.class,
                () -> ZegoToken.verify(token, SECRET, APP_ID, VerifyOptions.defaults().at(after)));
        assertEquals(claims, ZegoToken.verify(token, SECRET, APP_ID,
                VerifyOptions.defaults().at(after).leeway(java.time.Duration.ofSeconds(10))));
        java.time.Clock fixed = java.time.Clock.fixed(after, java.time.ZoneOffset.UTC);
        assertThrows(ZegoTokenException.Expired.class,
                () -> ZegoToken.verify(token, SECRET, APP_ID, VerifyOptions.defaults().clock(fixed)));
        assertThrows(ZegoTokenException.NotYetValid.class,
                () -> ZegoToken.verify(token, SECRET, APP_ID, VerifyOptions.defaults().at(0)), "the epoch is a time like any other");
    }

    @Test
    void aGeneratorDecodesAndVerifiesWithItsKey() {
        Token04Generator generator = new Token04Generator(APP_ID, SECRET);
        String token = generator.generate("u", 60);
        assertEquals("u", generator.decode(token).getUserId());
        assertEquals("u", generator.verify(token, VerifyOptions.defaults().userId("u").requireGcm().leeway(5)).getUserId());
        assertThrows(ZegoTokenException.UserIdMismatch.class, () -> generator.verify(token, VerifyOptions.defaults().userId("v")));
        try (Token04Generator other = new Token04Generator(APP_ID + 1, SECRET)) {
            assertThrows(ZegoTokenException.AppIdMismatch.class, () -> other.verify(token, VerifyOptions.defaults()));
        }
        generator.close();
        assertThrows(ZegoTokenException.InvalidArgument.class, () -> generator.decode(token));
    }
}
