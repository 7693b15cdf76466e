package dev.racetest.scheduler;

import dev.racetest.scheduler.replay.ScheduleCodec;

import java.util.Arrays;

/**
 * The choices that make one execution: which thread ran at each decision that had more than one
 * enabled thread, plus the execution's seed (reserved for data choices).
 *
 * <p>A schedule is explicit, so it replays whatever strategy found it. Its printable form is a
 * {@linkplain #token() token} that a person can paste back into a configuration value.
 */
public final class Schedule {

    private final long executionSeed;
    private final int[] choices;

    /**
     * Creates a schedule.
     *
     * @param executionSeed the seed of the execution it was recorded from
     * @param choices       thread ids, one per decision with at least two enabled threads; copied
     */
    public Schedule(long executionSeed, int[] choices) {
        this.executionSeed = executionSeed;
        this.choices = choices.clone();
        for (int choice : this.choices) {
            if (choice < 0) {
                throw new IllegalArgumentException("thread ids in a schedule must not be negative, but one was " + choice);
            }
        }
    }

    /**
     * Parses a token made by {@link #token()}.
     *
     * @throws IllegalArgumentException with one sentence saying what is wrong with the token
     */
    public static Schedule parse(String token) {
        return ScheduleCodec.decode(token);
    }

    public long executionSeed() {
        return executionSeed;
    }

    /** Returns how many decisions this schedule fixes. */
    public int length() {
        return choices.length;
    }

    /** Returns the thread id chosen at decision {@code index}. */
    public int choice(int index) {
        return choices[index];
    }

    /** Returns the compact, copy-pasteable form of this schedule, such as {@code rt1.AQID...}. */
    public String token() {
        return ScheduleCodec.encode(this);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Schedule that
                && executionSeed == that.executionSeed
                && Arrays.equals(choices, that.choices);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(executionSeed) + Arrays.hashCode(choices);
    }

    @Override
    public String toString() {
        return "Schedule" + Arrays.toString(choices);
    }
}
