package dev.racetest.scheduler;

/**
 * One of {@code count} machines (CI jobs) that share an exploration, the {@code index}-th from 1; so
 * n jobs of a CI matrix cover the space exactly once between them. {@link #WHOLE} is the unsharded run.
 *
 * @param index which shard, from 1 to {@code count}
 * @param count how many shards the space is split into
 */
public record Shard(int index, int count) {

    /** The whole space: one shard. */
    public static final Shard WHOLE = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is i/n with 1 <= i <= n, but was " + index + "/" + count);
        }
    }

    /**
     * Parses {@code "i/n"}, as in {@code racetest.shard=2/4}.
     *
     * @throws IllegalArgumentException with one sentence saying what is wrong and what is expected
     */
    public static Shard parse(String text) {
        String spec = text.strip();
        int slash = spec.indexOf('/');
        try {
            if (slash > 0) {
                int index = Integer.parseInt(spec.substring(0, slash).strip());
                int count = Integer.parseInt(spec.substring(slash + 1).strip());
                if (count >= 1 && index >= 1 && index <= count) {
                    return new Shard(index, count);
                }
            }
        } catch (NumberFormatException notANumber) {
            // falls through to the sentence below
        }
        throw new IllegalArgumentException("shard '" + text + "' is not of the form i/n with 1 <= i <= n, such as 2/4");
    }

    /** Returns whether this shard owns the item numbered {@code ordinal} (0-based) of a space dealt out round-robin. */
    public boolean owns(long ordinal) {
        return Math.floorMod(ordinal, count) == index - 1;
    }

    /** Returns whether this is the whole space. */
    public boolean isWhole() {
        return count == 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
