package im.zego.token;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.LinkedHashMap;

/** Reads tests/vectors/*.jsonl. The lines are flat JSON plus one nested "claims" object; this reader
 *  handles exactly that (strings with escapes, integers), so the tests need no JSON dependency. */
final class Vectors {
    private static final Path DIR = Paths.get("..", "..", "tests", "vectors");

    static List<Map<String, Object>> read(String name) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String line : new String(Files.readAllBytes(DIR.resolve(name)), StandardCharsets.UTF_8).split("\n")) {
            if (!line.trim().isEmpty()) rows.add(new Parser(line).object());
        }
        return rows;
    }

    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) { this.s = s; }

        Map<String, Object> object() {
            Map<String, Object> out = new LinkedHashMap<>();
            skip();
            i++; // {
            while (true) {
                skip();
                if (s.charAt(i) == '}') { i++; return out; }
                String key = string();
                skip();
                i++; // :
                skip();
                out.put(key, value());
                skip();
                if (s.charAt(i) == ',') i++;
            }
        }

        private Object value() {
            char c = s.charAt(i);
            if (c == '"') return string();
            if (c == '{') return object();
            if (c == '[') return array();
            if (s.startsWith("null", i)) { i += 4; return null; }
            if (s.startsWith("true", i)) { i += 4; return Boolean.TRUE; }
            if (s.startsWith("false", i)) { i += 5; return Boolean.FALSE; }
            Matcher m = Pattern.compile("-?\\d+").matcher(s).region(i, s.length());
            if (!m.lookingAt()) throw new IllegalStateException("unexpected value at " + i + ": " + s);
            i = m.end();
            return Long.parseLong(m.group());
        }

        private List<Object> array() {
            List<Object> out = new ArrayList<>();
            i++; // [
            while (true) {
                skip();
                if (s.charAt(i) == ']') { i++; return out; }
                out.add(value());
                skip();
                if (s.charAt(i) == ',') i++;
            }
        }

        private String string() {
            StringBuilder out = new StringBuilder();
            i++; // "
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') return out.toString();
                if (c != '\\') { out.append(c); continue; }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n': out.append('\n'); break;
                    case 't': out.append('\t'); break;
                    case 'r': out.append('\r'); break;
                    case 'b': out.append('\b'); break;
                    case 'f': out.append('\f'); break;
                    case 'u': out.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; break;
                    default: out.append(e);
                }
            }
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        }
    }

    private Vectors() {}
}
