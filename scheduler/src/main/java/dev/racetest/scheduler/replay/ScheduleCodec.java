package dev.racetest.scheduler.replay;

import dev.racetest.scheduler.Schedule;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * Turns a {@link Schedule} into a short printable token and back.
 *
 * <p>Layout before base64url: version byte, the 8-byte execution seed, the number of choices and each
 * choice as unsigned LEB128 varints (thread ids are small, so most take one byte), then a CRC-32 of
 * everything before it, so a token cut short by a copy-paste is told apart from a valid one.
 */
public final class ScheduleCodec {

    /** Every token starts with this, so tokens are recognisable in logs and versions can evolve. */
    public static final String PREFIX = "rt1.";

    private static final int VERSION = 1;

    private ScheduleCodec() {
    }

    public static String encode(Schedule schedule) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 + schedule.length());
        out.write(VERSION);
        ByteBuffer seed = ByteBuffer.allocate(Long.BYTES).putLong(schedule.executionSeed());
        out.writeBytes(seed.array());
        writeVarint(out, schedule.length());
        for (int i = 0; i < schedule.length(); i++) {
            writeVarint(out, schedule.choice(i));
        }
        CRC32 crc = new CRC32();
        crc.update(out.toByteArray());
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt((int) crc.getValue()).array());
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    public static Schedule decode(String token) {
        if (token == null || token.isBlank()) {
            throw malformed(token, "it is empty");
        }
        String trimmed = token.strip();
        if (!trimmed.startsWith(PREFIX)) {
            throw malformed(token, "it does not start with '" + PREFIX + "'");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(trimmed.substring(PREFIX.length()));
        } catch (IllegalArgumentException notBase64) {
            throw malformed(token, "it contains characters that are not part of a token");
        }
        if (bytes.length < 1 + Long.BYTES + 1 + Integer.BYTES) {
            throw malformed(token, "it is too short, probably cut off when copied");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - Integer.BYTES);
        if (buffer.getInt(bytes.length - Integer.BYTES) != (int) crc.getValue()) {
            throw malformed(token, "its checksum does not match, so it was changed or cut off when copied");
        }
        if (buffer.get() != VERSION) {
            throw malformed(token, "it was made by a different racetest version");
        }
        long seed = buffer.getLong();
        buffer.limit(bytes.length - Integer.BYTES);
        int count = readVarint(buffer, token);
        if (count > buffer.remaining()) {
            throw malformed(token, "it announces more choices than it holds");
        }
        int[] choices = new int[count];
        for (int i = 0; i < count; i++) {
            choices[i] = readVarint(buffer, token);
        }
        if (buffer.hasRemaining()) {
            throw malformed(token, "it has bytes after its last choice");
        }
        return new Schedule(seed, choices);
    }

    private static void writeVarint(ByteArrayOutputStream out, int value) {
        while ((value & ~0x7F) != 0) {
            out.write((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.write(value);
    }

    private static int readVarint(ByteBuffer buffer, String token) {
        int value = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            if (!buffer.hasRemaining()) {
                throw malformed(token, "it ends in the middle of a number");
            }
            byte b = buffer.get();
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (value < 0) {
                    throw malformed(token, "it holds a number out of range");
                }
                return value;
            }
        }
        throw malformed(token, "it holds a number out of range");
    }

    private static IllegalArgumentException malformed(String token, String why) {
        return new IllegalArgumentException("replay token '" + abbreviate(token) + "' is not valid because " + why
                + ": copy the whole token from the failure report");
    }

    private static String abbreviate(String token) {
        if (token == null) {
            return "null";
        }
        return token.length() <= 40 ? token : token.substring(0, 37) + "...";
    }
}
