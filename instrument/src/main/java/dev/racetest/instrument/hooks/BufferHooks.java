package dev.racetest.instrument.hooks;

import java.lang.foreign.MemorySegment;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.util.Set;

/**
 * Give rewritten code's calls on {@code java.nio} buffers to the race detector: each call reads or writes
 * the buffer's own state (position, limit, mark, byte order) and, for the accessing calls, a range of
 * the memory behind it.
 *
 * <p>The memory is named by what {@link MemorySegment#ofBuffer} says: the heap array and a byte offset
 * into it, or a native address (direct and mapped buffers). So a {@code duplicate()}, a {@code slice()}
 * or an {@code asIntBuffer()} view touches the same bytes as the buffer it came from, and two buffers
 * mapping the same region do not, unless they are views of one another: two separate {@code map} calls
 * on one file give two addresses. Which bytes: {@code [i, i + size)} for the absolute {@code get(i)},
 * {@code putLong(i, v)}, bulk {@code get(i, dst)} and {@code put(i, src)}; the same from the position for
 * the relative ones, which also write the position. {@code compact} writes the buffer up to its limit;
 * {@code equals}, {@code compareTo}, {@code mismatch} and {@code hashCode} read what remains. The source
 * of {@code put(ByteBuffer)} is not checked. Buffers whose memory {@code MemorySegment} cannot name
 * (a {@code CharBuffer} over a {@code String}) count by their state only.
 *
 * <p>Nothing here is a scheduling point, as for {@link ApiHooks}; uncontrolled threads are ignored.
 */
public final class BufferHooks {

    /** Calls that only read the buffer's state (or memory, where {@link #range} says so). */
    private static final Set<String> STATE_READS = Set.of("capacity", "remaining", "hasRemaining", "isDirect",
            "isReadOnly", "hasArray", "array", "arrayOffset", "duplicate", "slice", "asReadOnlyBuffer",
            "asCharBuffer", "asShortBuffer", "asIntBuffer", "asLongBuffer", "asFloatBuffer", "asDoubleBuffer",
            "alignmentOffset", "alignedSlice", "isLoaded", "toString", "equals", "compareTo", "mismatch",
            "hashCode", "charAt", "length", "subSequence", "chars", "isEmpty");
    /** Calls that read the state without arguments and write it with one. */
    private static final Set<String> GETTERS_AND_SETTERS = Set.of("position", "limit", "order");

    private BufferHooks() {
    }

    /** Before a call on {@code buffer} with {@code arguments}; a {@code null} buffer is left to the call. */
    public static void call(Object buffer, Object[] arguments, int site) {
        SyncPointHandler handler = Hooks.boundHandler();
        if (handler == null || !(buffer instanceof Buffer target)) {
            return;
        }
        String method = method(site);
        boolean stateWrite = isStateWrite(method, arguments);
        long[] range = range(target, method, arguments);
        if (range == null) {
            handler.bufferAccess(target, stateWrite, null, 0, 0, false, site);
            return;
        }
        MemorySegment memory;
        try {
            memory = MemorySegment.ofBuffer(target);
        } catch (IllegalArgumentException | UnsupportedOperationException notMemory) {
            handler.bufferAccess(target, stateWrite, null, 0, 0, false, site);
            return;
        }
        int unit = elementSize(target);
        long start = memory.address() - (long) target.position() * unit + range[0] * unit;
        handler.bufferAccess(target, stateWrite, memory.heapBase().orElse(null), start, range[1] * unit,
                method.startsWith("put") || method.equals("compact") || method.equals("append"), site);
    }

    private static boolean isStateWrite(String method, Object[] arguments) {
        if (GETTERS_AND_SETTERS.contains(method)) {
            return arguments.length > 0;
        }
        if (STATE_READS.contains(method)) {
            return false;
        }
        if (method.startsWith("get") || method.startsWith("put")) {
            return !isAbsolute(method, arguments); // a relative access moves the position
        }
        return true; // flip, clear, rewind, mark, reset, compact, append, load, force...
    }

    /**
     * The memory a call touches, as {@code {first index, count}} in the buffer's elements, or {@code null}
     * when it touches only the buffer's state.
     */
    private static long[] range(Buffer buffer, String method, Object[] arguments) {
        boolean get = method.startsWith("get");
        if (get || method.startsWith("put")) {
            boolean absolute = isAbsolute(method, arguments);
            int index = absolute ? (Integer) arguments[0] : buffer.position();
            int bulk = absolute ? 1 : 0; // where a bulk call's array or buffer argument sits
            if (arguments.length > bulk && !(arguments[bulk] instanceof Number || arguments[bulk] instanceof Character)) {
                return new long[] {index, bulkCount(arguments, bulk)};
            }
            int width = scalarWidth(buffer, method.substring(3));
            long count = buffer instanceof ByteBuffer ? width : 1;
            return new long[] {index, count};
        }
        return switch (method) {
            case "compact" -> new long[] {0, buffer.limit()};
            case "equals", "compareTo", "mismatch", "hashCode" -> new long[] {buffer.position(), buffer.remaining()};
            default -> null;
        };
    }

    /**
     * Whether a {@code get}/{@code put} names its index: its first argument is an {@code int} index, which
     * for a scalar {@code put} means there is a value after it ({@code putInt(i, v)}; {@code putInt(v)} and
     * {@code IntBuffer.put(v)} have one argument only), and for {@code get} that it has any argument but an array.
     */
    private static boolean isAbsolute(String method, Object[] arguments) {
        if (arguments.length == 0 || !(arguments[0] instanceof Integer)) {
            return false;
        }
        return method.startsWith("get") || arguments.length >= 2;
    }

    /** Elements a bulk call moves: its explicit length, or the remaining elements of its buffer, or its array's. */
    private static long bulkCount(Object[] arguments, int bulk) {
        Object source = arguments[bulk];
        if (arguments.length >= bulk + 3) {
            return (Integer) arguments[bulk + 2]; // (array or buffer, offset, length)
        }
        if (source instanceof Buffer other) {
            return other.remaining();
        }
        if (source instanceof CharSequence chars) {
            return chars.length();
        }
        return java.lang.reflect.Array.getLength(source);
    }

    /** Bytes a scalar {@code ByteBuffer} access moves, from the type its name ends with; a typed buffer's element. */
    private static int scalarWidth(Buffer buffer, String type) {
        if (!(buffer instanceof ByteBuffer)) {
            return 1;
        }
        return switch (type) {
            case "Char", "Short" -> 2;
            case "Int", "Float" -> 4;
            case "Long", "Double" -> 8;
            default -> 1;
        };
    }

    /** Returns the bytes one element of {@code buffer} takes (1 for a {@code ByteBuffer}, 8 for a {@code LongBuffer}...). */
    public static int elementSize(Buffer buffer) {
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

    private static String method(int site) {
        String target = SyncSites.get(site).target();
        return target.substring(target.lastIndexOf('.') + 1);
    }
}
