package dev.racetest.examples.pool;

/** A reusable character buffer, handed out by a {@link BufferPool}; not thread-safe, like most pooled objects. */
public final class TextBuffer {

    private final char[] chars = new char[64];
    private int length;

    public void clear() {
        length = 0;
    }

    public void append(String text) {
        for (int i = 0; i < text.length(); i++) {
            chars[length++] = text.charAt(i);
        }
    }

    public String contents() {
        return new String(chars, 0, length);
    }
}
