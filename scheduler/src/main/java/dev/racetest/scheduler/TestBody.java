package dev.racetest.scheduler;

/**
 * The code one execution runs as its first controlled thread: typically "create the test instance
 * and call the test method".
 *
 * <p>Called once per execution, on a controlled virtual thread. Anything it throws fails the execution.
 */
@FunctionalInterface
public interface TestBody {

    /** Runs the test once. */
    void run() throws Throwable;
}
