package dev.racetest.scheduler.report;

import java.util.Locale;

/**
 * Builds compact JSON text: objects, arrays, strings, numbers, booleans and nulls, with the commas
 * placed for the caller. Written here so that racetest's JSON files (the failure trace, the run
 * summary, the benchmark's data) need no JSON library, and {@link #quote} is the one place that
 * escapes strings for all of them.
 *
 * <p>It checks nothing about nesting: a caller that opens an object closes it. Not thread-safe.
 */
public final class JsonWriter {

    private final StringBuilder out;
    /** Whether the innermost open object or array still has no member, one bit per nesting level. */
    private long firstAtDepth = 1;
    private int depth;
    /** Whether a name was just written, so that the next value follows it without a comma. */
    private boolean afterName;
    /** Whether the next member starts a new line, after its comma. */
    private boolean newlinePending;

    public JsonWriter(StringBuilder out) {
        this.out = out;
    }

    /** Opens an object as the next value. */
    public JsonWriter beginObject() {
        return open('{');
    }

    public JsonWriter endObject() {
        return close('}');
    }

    /** Opens an array as the next value. */
    public JsonWriter beginArray() {
        return open('[');
    }

    public JsonWriter endArray() {
        return close(']');
    }

    /** Writes the name of the next member of the open object. */
    public JsonWriter name(String name) {
        separate();
        out.append(quote(name)).append(':');
        afterName = true;
        return this;
    }

    /** Writes a string, or {@code null}. */
    public JsonWriter value(String text) {
        separate();
        out.append(text == null ? "null" : quote(text));
        return this;
    }

    public JsonWriter value(long number) {
        separate();
        out.append(number);
        return this;
    }

    public JsonWriter value(boolean flag) {
        separate();
        out.append(flag);
        return this;
    }

    /**
     * Starts a new line before the next member (after its comma) or closing bracket, so that a file of
     * many events reads one per line; at the top level, ends the current line.
     */
    public JsonWriter newline() {
        if (depth == 0) {
            out.append('\n');
        } else {
            newlinePending = true;
        }
        return this;
    }

    private void flushNewline() {
        if (newlinePending) {
            out.append('\n');
            newlinePending = false;
        }
    }

    private JsonWriter open(char bracket) {
        separate();
        out.append(bracket);
        depth++;
        if (depth >= Long.SIZE) {
            throw new IllegalStateException("JSON nested deeper than " + (Long.SIZE - 1) + " levels");
        }
        firstAtDepth |= 1L << depth;
        return this;
    }

    private JsonWriter close(char bracket) {
        flushNewline();
        firstAtDepth &= ~(1L << depth);
        depth--;
        out.append(bracket);
        return this;
    }

    /** Puts the comma before a member that is not the first of its object or array. */
    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        long bit = 1L << depth;
        if ((firstAtDepth & bit) != 0) {
            firstAtDepth &= ~bit;
        } else if (depth > 0) {
            out.append(',');
        }
        flushNewline();
    }

    /**
     * Returns {@code text} as a JSON string literal: quotes, backslashes and control characters
     * escaped, everything else (non-ASCII included) as it is, since racetest writes its files in UTF-8.
     */
    public static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
