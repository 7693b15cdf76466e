package dev.racetest.scheduler;

/**
 * One step of a recorded interleaving: a thread performing one operation.
 *
 * @param index      the step's number within the execution, from 1
 * @param threadId   the id of the thread that performed it
 * @param threadName that thread's name
 * @param operation  what it did, such as {@code "write Account.balance of Account#1"}
 * @param location   where in the source, such as {@code Account.withdraw(Account.java:42)}, or {@code ""}
 */
public record TraceStep(int index, int threadId, String threadName, String operation, String location) {
}
