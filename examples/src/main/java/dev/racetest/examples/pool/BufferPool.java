package dev.racetest.examples.pool;

import java.util.ArrayDeque;

/** A pool of {@link TextBuffer}s; thread-safe itself, but it cannot stop a caller from using a buffer after releasing it. */
public final class BufferPool {

    private final ArrayDeque<TextBuffer> free = new ArrayDeque<>();

    public BufferPool(int buffers) {
        for (int i = 0; i < buffers; i++) {
            free.push(new TextBuffer());
        }
    }

    public synchronized TextBuffer acquire() {
        TextBuffer buffer = free.poll();
        return buffer != null ? buffer : new TextBuffer();
    }

    public synchronized void release(TextBuffer buffer) {
        free.push(buffer);
    }
}
