package dev.racetest.conformance.identity;

import dev.racetest.RaceTest;

/**
 * Must fail, with a message that names the session by its default {@code toString()}, which contains
 * its identity hash code. The failure is a lost update; the point is that replaying the schedule gives
 * the very same message, which holds only if identity hash codes are a function of the schedule.
 */
public class IdentityInFailureMessageFixture {

    static final class Session {
        private int requests;
    }

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void everyRequestCounts() throws InterruptedException {
        Session session = new Session();
        Thread first = new Thread(() -> session.requests++, "first");
        Thread second = new Thread(() -> session.requests++, "second");
        first.start();
        second.start();
        first.join();
        second.join();
        if (session.requests != 2) {
            throw new AssertionError(session + " counted " + session.requests + " of 2 requests"); // @assert
        }
    }
}
