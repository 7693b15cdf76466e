package dev.racetest.examples.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.RaceTest;

import java.util.function.BiConsumer;

/** Two request threads log users in at once; both sessions must be registered. */
class SessionRegistryRaceTest {

    /** Bug: concurrent writes to a {@code HashMap}. racetest reports the two unordered {@code put}s. */
    @RaceTest
    void everyLoginIsRegistered() throws InterruptedException {
        SessionRegistry registry = new SessionRegistry();
        logInTwo(registry::register);
        assertThat(registry.size()).as("sessions registered").isEqualTo(2);
    }

    /** Correct twin: passes every execution. */
    @RaceTest
    void everyLoginIsRegisteredConcurrently() throws InterruptedException {
        ConcurrentSessionRegistry registry = new ConcurrentSessionRegistry();
        logInTwo(registry::register);
        assertThat(registry.size()).as("sessions registered").isEqualTo(2);
    }

    private static void logInTwo(BiConsumer<String, String> register) throws InterruptedException {
        Thread alice = new Thread(() -> register.accept("s-1", "alice"), "login-alice");
        Thread bob = new Thread(() -> register.accept("s-2", "bob"), "login-bob");
        alice.start();
        bob.start();
        alice.join();
        bob.join();
    }
}
