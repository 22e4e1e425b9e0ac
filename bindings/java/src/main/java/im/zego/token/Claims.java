package im.zego.token;

import java.util.Objects;

/** What a token says. Immutable. {@link #getMode()} is "gcm" (current format) or "cbc" (legacy). */
public final class Claims {
    private final long appId;
    private final String userId;
    private final long ctime;
    private final long expire;
    private final long nonce;
    private final String payload;
    private final String mode;

    Claims(long appId, String userId, long ctime, long expire, long nonce, String payload, String mode) {
        this.appId = appId;
        this.userId = userId;
        this.ctime = ctime;
        this.expire = expire;
        this.nonce = nonce;
        this.payload = payload;
        this.mode = mode;
    }

    public long getAppId() { return appId; }
    public String getUserId() { return userId; }
    /** When the token was made, unix seconds. */
    public long getCtime() { return ctime; }
    /** When the token expires, unix seconds. */
    public long getExpire() { return expire; }
    public long getNonce() { return nonce; }
    public String getPayload() { return payload; }
    public String getMode() { return mode; }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Claims)) return false;
        Claims c = (Claims) o;
        return appId == c.appId && ctime == c.ctime && expire == c.expire && nonce == c.nonce
                && userId.equals(c.userId) && payload.equals(c.payload) && mode.equals(c.mode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(appId, userId, ctime, expire, nonce, payload, mode);
    }

    @Override
    public String toString() {
        return "Claims{appId=" + appId + ", userId='" + userId + "', ctime=" + ctime + ", expire=" + expire
                + ", nonce=" + nonce + ", payload='" + payload + "', mode=" + mode + "}";
    }

    /** Reads the library's claims JSON: one flat object of strings and integers (Java 8 has no JSON parser). */
    static Claims fromJson(String json) {
        return new Reader(json).read();
    }

    private static final class Reader {
        private final String s;
        private int i;

        Reader(String s) { this.s = s; }

        Claims read() {
            long appId = 0, ctime = 0, expire = 0, nonce = 0;
            String userId = "", payload = "", mode = "";
            expect('{');
            while (true) {
                String key = string();
                expect(':');
                switch (key) {
                    case "app_id": appId = integer(); break;
                    case "user_id": userId = string(); break;
                    case "ctime": ctime = integer(); break;
                    case "expire": expire = integer(); break;
                    case "nonce": nonce = integer(); break;
                    case "payload": payload = string(); break;
                    case "mode": mode = string(); break;
                    default: throw fail();
                }
                if (peek() == ',') { i++; continue; }
                expect('}');
                return new Claims(appId, userId, ctime, expire, nonce, payload, mode);
            }
        }

        private ZegoTokenException fail() {
            return new ZegoTokenException(41, "unreadable claims from the library");
        }

        private char peek() { return i < s.length() ? s.charAt(i) : '\0'; }

        private void expect(char c) {
            if (peek() != c) throw fail();
            i++;
        }

        private long integer() {
            int start = i;
            if (peek() == '-') i++;
            while (peek() >= '0' && peek() <= '9') i++;
            try {
                return Long.parseLong(s.substring(start, i));
            } catch (NumberFormatException e) {
                throw fail();
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                if (i >= s.length()) throw fail();
                char c = s.charAt(i++);
                if (c == '"') return out.toString();
                if (c != '\\') { out.append(c); continue; }
                if (i >= s.length()) throw fail();
                char e = s.charAt(i++);
                switch (e) {
                    case '"': out.append('"'); break;
                    case '\\': out.append('\\'); break;
                    case '/': out.append('/'); break;
                    case 'b': out.append('\b'); break;
                    case 'f': out.append('\f'); break;
                    case 'n': out.append('\n'); break;
                    case 'r': out.append('\r'); break;
                    case 't': out.append('\t'); break;
                    case 'u':
                        if (i + 4 > s.length()) throw fail();
                        out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                        break;
                    default: throw fail();
                }
            }
        }
    }
}
