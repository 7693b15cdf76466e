package dev.racetest.examples.pool;

/**
 * Renders greetings in pooled buffers. Bug: it gives the buffer back before reading it, so another
 * thread can take the same buffer and write over it while this one still reads: an object handed out
 * while still in use.
 */
public class Greeter {

    protected final BufferPool pool;

    public Greeter(BufferPool pool) {
        this.pool = pool;
    }

    public String greet(String name) {
        TextBuffer buffer = pool.acquire();
        buffer.clear();
        buffer.append("Hello, ");
        buffer.append(name);
        pool.release(buffer);
        return buffer.contents();
    }
}
