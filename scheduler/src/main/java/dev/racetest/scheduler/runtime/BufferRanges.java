package dev.racetest.scheduler.runtime;

import dev.racetest.instrument.hooks.BufferHooks;

import java.lang.foreign.MemorySegment;
import java.nio.Buffer;

/** How a race report names the memory a buffer access touched: as an index range of that buffer. */
final class BufferRanges {

    private BufferRanges() {
    }

    /**
     * {@code [4, 12)}: the indexes of {@code buffer} that {@code length} bytes from {@code address} (a byte
     * offset into its array, or a native address, as {@link MemorySegment#ofBuffer} gives them) cover.
     */
    static String describe(Buffer buffer, long address, long length) {
        int unit = BufferHooks.elementSize(buffer);
        long first = (address - indexZero(buffer, unit)) / unit;
        return "[" + first + ", " + (first + (length + unit - 1) / unit) + ")";
    }

    /** The address of the buffer's index 0 (the segment starts at its position). */
    private static long indexZero(Buffer buffer, int unit) {
        return MemorySegment.ofBuffer(buffer).address() - (long) buffer.position() * unit;
    }
}
