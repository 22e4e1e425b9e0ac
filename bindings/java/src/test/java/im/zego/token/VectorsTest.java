package im.zego.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Collections;

import org.junit.jupiter.api.Test;

class VectorsTest {
    @Test
    void everyOfficialTokenDecodesToItsRecordedClaims() throws Exception {
        List<Map<String, Object>> rows = Vectors.read("official-tokens.jsonl");
        assertEquals(576, rows.size());
        for (Map<String, Object> row : rows) {
            Claims c = ZegoToken.decode((String) row.get("token"), (String) row.get("secret"));
            @SuppressWarnings("unchecked")
            Map<String, Object> e = (Map<String, Object>) row.get("claims");
            String where = (String) row.get("generator");
            assertEquals(e.get("app_id"), c.getAppId(), where);
            assertEquals(e.get("user_id"), c.getUserId(), where);
            assertEquals(e.get("ctime"), c.getCtime(), where);
            assertEquals(e.get("expire"), c.getExpire(), where);
            assertEquals(e.get("nonce"), c.getNonce(), where);
            assertEquals(e.get("payload"), c.getPayload(), where);
            assertEquals(row.get("format"), c.getMode(), where);
        }
    }

    @Test
    void everyInvalidTokenGivesItsCategory() throws Exception {
        Map<String, Integer> category = new HashMap<>();
        category.put("ok", 0);
        category.put("malformed", 20);
        category.put("unsupported_version", 21);
        category.put("unsupported_mode", 22);
        category.put("auth_failed", 23);
        category.put("bad_plaintext", 24);
        category.put("expired", 30);
        category.put("not_yet_valid", 31);
        category.put("app_id_mismatch", 32);
        for (Map<String, Object> row : Vectors.read("invalid-tokens.jsonl")) {
            int code = 0;
            try {
                if ("decode".equals(row.get("check"))) {
                    ZegoToken.decode((String) row.get("token"), (String) row.get("secret"));
                } else {
                    ZegoToken.verify((String) row.get("token"), (String) row.get("secret"), (Long) row.get("app_id"),
                            (Long) row.get("now"), (Long) row.get("leeway_seconds"));
                }
            } catch (ZegoTokenException e) {
                code = e.getCode();
            }
            assertEquals((int) category.get((String) row.get("expect")), code, (String) row.get("name"));
        }
    }

    @Test
    void privilegePayloadMatchesTheOfficialJsonByteForByte() throws Exception {
        Set<Object> official = new HashSet<>();
        for (Map<String, Object> row : Vectors.read("official-tokens.jsonl")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> claims = (Map<String, Object>) row.get("claims");
            official.add(claims.get("payload"));
        }
        String nullList = RtcRoomPayload.builder("room1").canLogin(true).canPublish(false).build().toJson();
        assertEquals("{\"room_id\":\"room1\",\"privilege\":{\"1\":1,\"2\":0},\"stream_id_list\":null}", nullList);
        assertTrue(official.contains(nullList));
        String emptyList = RtcRoomPayload.builder("room1").streamIds(Collections.<String>emptyList()).build().toJson();
        if (!official.contains(emptyList)) fail(emptyList);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyVerifyCaseGivesItsCodeAndSecretIndex() throws IOException {
        for (Map<String, Object> row : Vectors.read("verify-cases.jsonl")) {
            VerifyOptions options = VerifyOptions.defaults().leeway((Long) row.get("leeway_seconds"));
            if (row.containsKey("now")) options = options.at((Long) row.get("now")); // else the system clock
            if (row.get("user_id") != null) options = options.userId((String) row.get("user_id"));
            if ((Boolean) row.get("require_gcm")) options = options.requireGcm();
            List<String> secrets = new ArrayList<>();
            for (Object secret : (List<Object>) row.get("secrets")) secrets.add((String) secret);
            long code;
            Long index = null;
            try {
                index = (long) ZegoToken.verifyWithAny((String) row.get("token"), secrets, (Long) row.get("app_id"), options).getSecretIndex();
                code = 0;
            } catch (ZegoTokenException e) {
                code = e.getCode();
            }
            assertEquals(row.get("expect_code"), code, (String) row.get("name"));
            assertEquals(row.get("secret_index"), index, (String) row.get("name"));
        }
    }

    @Test
    void everyTokenBreakingAGenerationRuleDecodesWithItsFindings() throws Exception {
        List<Map<String, Object>> rows = Vectors.read("finding-tokens.jsonl");
        assertEquals(6, rows.size());
        for (Map<String, Object> row : rows) {
            String name = (String) row.get("name");
            String token = (String) row.get("token");
            String secret = (String) row.get("secret");
            @SuppressWarnings("unchecked")
            Map<String, Object> e = (Map<String, Object>) row.get("claims");
            try (Token04Generator generator = new Token04Generator((Long) row.get("app_id"), secret)) {
                for (Claims c : new Claims[] {ZegoToken.decode(token, secret), generator.decode(token)}) {
                    assertEquals(e.get("user_id"), c.getUserId(), name);
                    assertEquals(e.get("nonce"), c.getNonce(), name);
                    assertEquals(row.get("format"), c.getMode(), name);
                    assertEquals(row.get("findings"), c.getFindings(), name);
                }
            }
        }
    }

    @Test
    void aTokenBreakingAGenerationRuleVerifiesWhenCurrentAndIsBadPlaintextWhenLegacy() throws Exception {
        for (Map<String, Object> row : Vectors.read("finding-tokens.jsonl")) {
            long code = 0;
            try {
                Claims c = ZegoToken.verify((String) row.get("token"), (String) row.get("secret"), (Long) row.get("app_id"),
                        VerifyOptions.defaults().at((Long) row.get("now")));
                assertEquals(row.get("findings"), c.getFindings());
            } catch (ZegoTokenException error) {
                code = error.getCode();
                assertTrue(error instanceof ZegoTokenException.BadPlaintext, error.getClass().getName());
            }
            assertEquals(row.get("verify_code"), code, (String) row.get("name"));
        }
    }

    @Test
    void aTokenWithinTheRulesHasNoFinding() throws Exception {
        Map<String, Object> row = Vectors.read("official-tokens.jsonl").get(0);
        Claims c = ZegoToken.decode((String) row.get("token"), (String) row.get("secret"));
        assertEquals(Collections.emptyList(), c.getFindings());
    }
}
