package dev.racetest.engine.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON racetest writes (the failure database's files, run summaries): objects, arrays,
 * strings, numbers, booleans and null, into maps (in order), lists, strings, longs (whole numbers) or
 * doubles, and booleans. Writing is {@link dev.racetest.scheduler.report.JsonWriter}'s. racetest has
 * no JSON library on its class path on purpose (it would clash with a user's).
 */
public final class JsonReader {

    private final String text;
    private int at;

    private JsonReader(String text) {
        this.text = text;
    }

    /**
     * Parses {@code text} as one JSON value.
     *
     * @throws IllegalArgumentException with a short reason when it is not JSON of that kind
     */
    public static Object parse(String text) {
        JsonReader json = new JsonReader(text);
        Object value = json.value();
        json.skipSpace();
        if (json.at != text.length()) {
            throw json.malformed("there is text after the end");
        }
        return value;
    }

    private Object value() {
        skipSpace();
        if (at >= text.length()) {
            throw malformed("it ends too early");
        }
        char c = text.charAt(at);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            default -> word();
        };
    }

    private Map<String, Object> object() {
        at++;
        Map<String, Object> members = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            at++;
            return members;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw malformed("a member name is missing");
            }
            String name = string();
            skipSpace();
            expect(':');
            members.put(name, value());
            skipSpace();
            char next = next();
            if (next == '}') {
                return members;
            }
            if (next != ',') {
                throw malformed("expected , or } but found '" + next + "'");
            }
        }
    }

    private List<Object> array() {
        at++;
        List<Object> elements = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            at++;
            return elements;
        }
        while (true) {
            elements.add(value());
            skipSpace();
            char next = next();
            if (next == ']') {
                return elements;
            }
            if (next != ',') {
                throw malformed("expected , or ] but found '" + next + "'");
            }
        }
    }

    private String string() {
        at++;
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = next();
            switch (escaped) {
                case '"', '\\', '/' -> out.append(escaped);
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw malformed("it ends too early");
                    }
                    try {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    } catch (NumberFormatException notHex) {
                        throw malformed("a \\u escape is not hexadecimal");
                    }
                    at += 4;
                }
                default -> throw malformed("a string has the unknown escape \\" + escaped);
            }
        }
    }

    private Object word() {
        int start = at;
        while (at < text.length() && ",}] \n\r\t".indexOf(text.charAt(at)) < 0) {
            at++;
        }
        String word = text.substring(start, at);
        return switch (word) {
            case "null" -> null;
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                try {
                    yield word.contains(".") || word.contains("e") || word.contains("E")
                            ? (Object) Double.parseDouble(word) : (Object) Long.parseLong(word);
                } catch (NumberFormatException notANumber) {
                    throw malformed("'" + (word.length() > 20 ? word.substring(0, 20) + "..." : word)
                            + "' is not a value");
                }
            }
        };
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private char peek() {
        if (at >= text.length()) {
            throw malformed("it ends too early");
        }
        return text.charAt(at);
    }

    private char next() {
        char c = peek();
        at++;
        return c;
    }

    private void expect(char wanted) {
        char found = next();
        if (found != wanted) {
            throw malformed("expected '" + wanted + "' but found '" + found + "'");
        }
    }

    private IllegalArgumentException malformed(String why) {
        return new IllegalArgumentException(why + " (at character " + at + ")");
    }
}
