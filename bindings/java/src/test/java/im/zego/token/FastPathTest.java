package im.zego.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The JNI fast path (Jni.java) and the JNA path it falls back to give the same results. The test
 * command runs this class twice: with the fast path, and with ZEGO_TOKEN_JNI=0 (JNA only).
 */
class FastPathTest {
    static final String SECRET = ZegoTokenTest.SECRET;
    static final long APP_ID = ZegoTokenTest.APP_ID;

    @Test
    void theFastPathIsBoundUnlessTurnedOff() {
        assertEquals(!"0".equals(System.getenv("ZEGO_TOKEN_JNI")), Jni.AVAILABLE);
    }

    @Test
    void aTokenLongerThanTheThreadsBufferGrowsItAndRoundTrips() {
        String payload = ZegoTokenTest.repeat("\"x\"", 1500); // 4,500 bytes once escaped
        try (Token04Generator g = new Token04Generator(APP_ID, SECRET)) {
            String token = g.generate("user", 60, payload);
            assertTrue(token.length() > 6000);
            assertEquals(payload, g.decode(token).getPayload());
            assertEquals(payload, ZegoToken.decode(ZegoToken.generate(APP_ID, "user", SECRET, 60, payload), SECRET).getPayload());
            assertEquals("user", g.decode(g.generate("user", 60)).getUserId()); // the grown buffer is reused
        }
    }

    @Test
    void aPayloadTooLargeOnceEscapedIsRefusedBeforeTheBufferGrows() {
        String controls = ZegoTokenTest.repeat("\u0001", 65535); // 393,210 bytes once escaped
        try (Token04Generator g = new Token04Generator(APP_ID, SECRET)) {
            assertThrows(ZegoTokenException.PayloadTooLarge.class, () -> g.generate("user", 60, controls));
        }
        assertThrows(ZegoTokenException.PayloadTooLarge.class, () -> ZegoToken.generate(APP_ID, "user", SECRET, 60, controls));
        assertTrue(Jni.BUFFER.get().length <= 87418, "kept " + Jni.BUFFER.get().length + " bytes");
    }

    @Test
    void theThreadsBufferNeverGrowsPastTheLongestTokenThereCanBe() {
        String newlines = ZegoTokenTest.repeat("\n", 30000); // fits, but its size bound is counted wider
        try (Token04Generator g = new Token04Generator(APP_ID, SECRET)) {
            assertEquals(newlines, g.decode(g.generate("user", 60, newlines)).getPayload());
        }
        assertTrue(Jni.BUFFER.get().length <= 87418, "kept " + Jni.BUFFER.get().length + " bytes");
    }

    @Test
    void errorsKeepTheirCodesAndTypes() {
        try (Token04Generator g = new Token04Generator(APP_ID, SECRET)) {
            assertThrows(ZegoTokenException.InvalidUserId.class, () -> g.generate("", 60));
            assertThrows(ZegoTokenException.InvalidUserId.class, () -> g.generate(ZegoTokenTest.repeat("u", 65), 60));
            assertThrows(ZegoTokenException.InvalidEffectiveTime.class, () -> g.generate("u", 0));
            assertThrows(ZegoTokenException.InvalidUtf8.class, () -> g.generate("\ud800", 60));
            assertThrows(ZegoTokenException.InvalidArgument.class, () -> g.generate("a\0b", 60));
            assertThrows(NullPointerException.class, () -> g.generate(null, 60));
        }
        assertThrows(ZegoTokenException.InvalidAppId.class, () -> ZegoToken.generate(0, "u", SECRET, 60));
        assertThrows(ZegoTokenException.InvalidSecret.class, () -> ZegoToken.generate(APP_ID, "u", "short", 60));
        assertEquals(1, assertThrows(ZegoTokenException.class, () -> ZegoToken.generate(0, "", "short", 0)).getCode());
        assertEquals(5, assertThrows(ZegoTokenException.class, () -> ZegoToken.generate(APP_ID, "u", "short", 0)).getCode());
    }

    @Test
    void unicodeUserIdsAndPayloadsRoundTrip() {
        String user = "用户-ユーザー-🙂";
        String payload = "{\"room_id\":\"房间\"}";
        try (Token04Generator g = new Token04Generator(APP_ID, SECRET)) {
            Claims claims = g.decode(g.generate(user, 60, payload));
            assertEquals(user, claims.getUserId());
            assertEquals(payload, claims.getPayload());
        }
    }
}
