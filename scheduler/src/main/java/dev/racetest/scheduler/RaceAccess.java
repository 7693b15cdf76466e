package dev.racetest.scheduler;

import java.util.List;
import java.util.Objects;

/**
 * One of the two accesses of a data race.
 *
 * @param threadId   the accessing thread's number in its execution
 * @param threadName its name
 * @param write      whether it wrote (otherwise it read)
 * @param location   the instruction, as a site reads: {@code Account.deposit(Account.java:12)}
 * @param stack      the user's frames at the access, innermost first; empty when they were not captured
 *                   (an earlier access outside the recorded replay of a failure)
 */
public record RaceAccess(int threadId, String threadName, boolean write, String location,
                         List<StackTraceElement> stack) {

    public RaceAccess {
        Objects.requireNonNull(threadName, "threadName must not be null");
        Objects.requireNonNull(location, "location must not be null");
        stack = List.copyOf(stack);
    }

    /** Returns {@code "T1 writer wrote at Account.deposit(Account.java:12)"}. */
    public String describe() {
        return "T" + threadId + " " + threadName + (write ? " wrote" : " read") + " at " + location;
    }
}
