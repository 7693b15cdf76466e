package dev.racetest.scheduler;

import java.util.List;

/**
 * One thread of a deadlock: what it waits for and what it holds.
 *
 * @param threadId   the thread's id (0 is the test body)
 * @param threadName the thread's name
 * @param waitingFor what the thread waits for, such as {@code "lock on Account#2 (held by T2 worker)"}
 * @param waitingAt  where it waits, as a source location, or {@code null} when unknown
 * @param holds      the monitors it holds, each with where it took it
 */
public record BlockedThread(int threadId, String threadName, String waitingFor, String waitingAt,
                            List<String> holds) {
    public BlockedThread {
        holds = List.copyOf(holds);
    }
}
