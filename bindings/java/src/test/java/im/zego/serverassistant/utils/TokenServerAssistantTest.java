package im.zego.serverassistant.utils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import im.zego.serverassistant.utils.TokenServerAssistant.ErrorCode;
import im.zego.serverassistant.utils.TokenServerAssistant.TokenInfo;
import im.zego.token.ZegoToken;
import org.junit.jupiter.api.Test;

class TokenServerAssistantTest {
    static final String SECRET = "0123456789abcdef0123456789abcdef";

    @Test
    void successHasTheOfficialShape() {
        TokenInfo info = TokenServerAssistant.generateToken04(1234567890L, "demo", SECRET, 3600, "");
        assertEquals(ErrorCode.SUCCESS, info.error.code);
        assertEquals(0, info.error.code.value);
        assertEquals("", info.error.message);
        assertEquals("demo", ZegoToken.decode(info.data, SECRET).getUserId());
    }

    @Test
    void eachErrorHasItsOfficialCode() {
        assertEquals(ErrorCode.ILLEGAL_APP_ID, TokenServerAssistant.generateToken04(0, "demo", SECRET, 3600, "").error.code);
        assertEquals(ErrorCode.ILLEGAL_APP_ID, TokenServerAssistant.generateToken04(-1, "demo", SECRET, 3600, "").error.code);
        assertEquals(ErrorCode.ILLEGAL_USER_ID, TokenServerAssistant.generateToken04(1, "", SECRET, 3600, "").error.code);
        assertEquals(ErrorCode.ILLEGAL_USER_ID, TokenServerAssistant.generateToken04(1, null, SECRET, 3600, "").error.code);
        assertEquals(ErrorCode.ILLEGAL_SECRET, TokenServerAssistant.generateToken04(1, "demo", "short", 3600, "").error.code);
        assertEquals(ErrorCode.ILLEGAL_SECRET, TokenServerAssistant.generateToken04(1, "demo", null, 3600, "").error.code);
        assertEquals(ErrorCode.ILLEGAL_EFFECTIVE_TIME, TokenServerAssistant.generateToken04(1, "demo", SECRET, 0, "").error.code);
        // The official class's messages, word for word.
        assertEquals("illegal appId", TokenServerAssistant.generateToken04(0, "demo", SECRET, 3600, "").error.message);
        assertEquals("illegal userId", TokenServerAssistant.generateToken04(1, "", SECRET, 3600, "").error.message);
        assertEquals("illegal userId", TokenServerAssistant.generateToken04(1, null, SECRET, 3600, "").error.message);
        assertEquals("illegal secret", TokenServerAssistant.generateToken04(1, "demo", "short", 3600, "").error.message);
        assertEquals("effectiveTimeInSeconds must > 0", TokenServerAssistant.generateToken04(1, "demo", SECRET, 0, "").error.message);
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 70000; i++) big.append('x');
        TokenInfo other = TokenServerAssistant.generateToken04(1, "demo", SECRET, 3600, big.toString());
        assertEquals(ErrorCode.OTHER, other.error.code);
        assertTrue(other.error.message.contains("code 7"));
        assertEquals("", other.data);
        assertEquals(1, (int) TokenServerAssistant.PrivilegeKeyLogin);
        assertEquals(2, (int) TokenServerAssistant.PrivilegeKeyPublish);
    }

    @Test
    void itPrintsNothingEvenWhenVerbose() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured));
        try {
            TokenServerAssistant.VERBOSE = true;
            TokenServerAssistant.generateToken04(1, "demo", SECRET, 3600, "");
            TokenServerAssistant.generateToken04(0, "demo", SECRET, 3600, "");
        } finally {
            TokenServerAssistant.VERBOSE = false;
            System.setOut(original);
        }
        assertFalse(captured.size() > 0, captured.toString());
    }
}
