package dev.racetest.examples.pool;

/** The correct twin of {@link Greeter}: it reads the buffer, then gives it back. */
public final class SafeGreeter extends Greeter {

    public SafeGreeter(BufferPool pool) {
        super(pool);
    }

    @Override
    public String greet(String name) {
        TextBuffer buffer = pool.acquire();
        try {
            buffer.clear();
            buffer.append("Hello, ");
            buffer.append(name);
            return buffer.contents();
        } finally {
            pool.release(buffer);
        }
    }
}
