package dev.racetest.engine.summary;

/** Reads one flat JSON object (string, number, boolean and null values), as {@link RunSummary} writes it. */
final class FlatJsonReader {

    private final String text;
    private int at;

    FlatJsonReader(String text) {
        this.text = text;
    }

    RunSummary read() {
        RunSummary summary = RunSummary.empty();
        expect('{');
        skipSpace();
        if (peek() == '}') {
            at++;
            return summary;
        }
        while (true) {
            skipSpace();
            String key = string();
            expect(':');
            skipSpace();
            summary.put(key, value());
            skipSpace();
            char next = next();
            if (next == '}') {
                return summary;
            }
            if (next != ',') {
                throw malformed("expected , or } but found '" + next + "'");
            }
        }
    }

    private Object value() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        int start = at;
        while (at < text.length() && ",}\n\r\t ".indexOf(text.charAt(at)) < 0) {
            at++;
        }
        String word = text.substring(start, at);
        return switch (word) {
            case "null" -> null;
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> number(word);
        };
    }

    private Object number(String word) {
        try {
            if (word.contains(".") || word.contains("e") || word.contains("E")) {
                return Double.parseDouble(word);
            }
            return Long.parseLong(word);
        } catch (NumberFormatException notANumber) {
            throw malformed("'" + word + "' is not a value");
        }
    }

    private String string() {
        expect('"');
        StringBuilder value = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return value.toString();
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            char escaped = next();
            switch (escaped) {
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw malformed("a \\u escape is cut short");
                    }
                    value.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                }
                default -> value.append(escaped);
            }
        }
    }

    private void expect(char wanted) {
        skipSpace();
        char found = next();
        if (found != wanted) {
            throw malformed("expected '" + wanted + "' but found '" + found + "'");
        }
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private char peek() {
        if (at >= text.length()) {
            throw malformed("the text ends too early");
        }
        return text.charAt(at);
    }

    private char next() {
        char c = peek();
        at++;
        return c;
    }

    private IllegalArgumentException malformed(String what) {
        return new IllegalArgumentException("not a racetest summary at character " + at + ": " + what);
    }
}
