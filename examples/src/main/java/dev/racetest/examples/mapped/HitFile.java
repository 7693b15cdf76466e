package dev.racetest.examples.mapped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Hit counters kept in a memory-mapped file, one 8-byte slot each, so other processes can read them.
 * Not thread-safe: {@link #increment} reads a slot and writes it back with no lock, so two threads
 * counting into one slot can lose a hit. Threads that each own a slot are fine: racetest tracks a
 * mapped buffer by byte range, so only accesses to overlapping bytes race.
 */
public final class HitFile implements AutoCloseable {

    private static final int SLOT_BYTES = Long.BYTES;

    private final Path file;
    private final MappedByteBuffer slots;

    private HitFile(Path file, MappedByteBuffer slots) {
        this.file = file;
        this.slots = slots;
    }

    /** Creates a file of {@code count} zeroed slots in the temporary directory and maps it. */
    public static HitFile create(int count) {
        try {
            Path file = Files.createTempFile("racetest-hits", ".bin");
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                return new HitFile(file, channel.map(FileChannel.MapMode.READ_WRITE, 0, (long) count * SLOT_BYTES));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void increment(int slot) {
        int at = slot * SLOT_BYTES;
        slots.putLong(at, slots.getLong(at) + 1);
    }

    public long count(int slot) {
        return slots.getLong(slot * SLOT_BYTES);
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
