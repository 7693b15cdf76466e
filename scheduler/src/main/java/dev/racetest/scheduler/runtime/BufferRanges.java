package dev.racetest.scheduler.runtime;

import java.lang.foreign.MemorySegment;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.DoubleBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;

/** How a race report names the memory a buffer access touched: as an index range of that buffer. */
final class BufferRanges {

    private BufferRanges() {
    }

    /**
     * {@code [4, 12)}: the indexes of {@code buffer} that {@code length} bytes from {@code address} (a byte
     * offset into its array, or a native address, as {@link MemorySegment#ofBuffer} gives them) cover.
     */
    static String describe(Buffer buffer, long address, long length) {
        int unit = elementSize(buffer);
        long first = (address - indexZero(buffer, unit)) / unit;
        return "[" + first + ", " + (first + (length + unit - 1) / unit) + ")";
    }

    /** The address of the buffer's index 0 (the segment starts at its position). */
    private static long indexZero(Buffer buffer, int unit) {
        return MemorySegment.ofBuffer(buffer).address() - (long) buffer.position() * unit;
    }

    private static int elementSize(Buffer buffer) {
        return switch (buffer) {
            case ByteBuffer ignored -> 1;
            case CharBuffer ignored -> 2;
            case ShortBuffer ignored -> 2;
            case IntBuffer ignored -> 4;
            case FloatBuffer ignored -> 4;
            case LongBuffer ignored -> 8;
            case DoubleBuffer ignored -> 8;
            default -> 1;
        };
    }
}
