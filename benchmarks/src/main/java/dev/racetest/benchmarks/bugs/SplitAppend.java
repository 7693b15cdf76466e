package dev.racetest.benchmarks.bugs;

/**
 * Non-atomic append on a synchronized buffer (the shape of the old {@code StringBuffer.append}
 * bug): every method of the buffer is synchronized, but an append reads the length in one call and
 * writes the character and the new length in others, so two appends can land in the same slot.
 */
public final class SplitAppend {

    private final Buffer buffer = new Buffer();

    public void run() throws InterruptedException {
        Thread writerA = new Thread(() -> append('a'), "writer-a");
        Thread writerB = new Thread(() -> append('b'), "writer-b");
        writerA.start();
        writerB.start();
        writerA.join();
        writerB.join();
        String text = buffer.text();
        if (text.length() != 2 || text.indexOf('a') < 0 || text.indexOf('b') < 0) {
            throw new AssertionError("buffer holds \"" + text + "\" after appending 'a' and 'b'");
        }
    }

    private void append(char c) {
        int length = buffer.length();
        buffer.setCharAt(length, c); // bug: another append may have taken this slot since length()
        buffer.setLength(length + 1);
    }

    private static final class Buffer {
        private final char[] chars = new char[4];
        private int length;

        synchronized int length() {
            return length;
        }

        synchronized void setCharAt(int index, char c) {
            chars[index] = c;
        }

        synchronized void setLength(int newLength) {
            length = newLength;
        }

        synchronized String text() {
            return new String(chars, 0, length);
        }
    }
}
