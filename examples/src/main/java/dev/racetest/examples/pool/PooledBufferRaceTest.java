package dev.racetest.examples.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.RaceTest;

/** Two threads render greetings with a pool of one buffer; each must get its own greeting. */
class PooledBufferRaceTest {

    /** Bug: a buffer is released while still in use. racetest reports the race on the reused buffer. */
    @RaceTest
    void eachCallerGetsItsOwnGreeting() throws InterruptedException {
        greetTwo(new Greeter(new BufferPool(1)));
    }

    /** Correct twin: passes every execution. */
    @RaceTest
    void eachCallerGetsItsOwnGreetingWhenReadBeforeRelease() throws InterruptedException {
        greetTwo(new SafeGreeter(new BufferPool(1)));
    }

    private static void greetTwo(Greeter greeter) throws InterruptedException {
        String[] greetings = new String[2];
        Thread alice = new Thread(() -> greetings[0] = greeter.greet("alice"), "greet-alice");
        Thread bob = new Thread(() -> greetings[1] = greeter.greet("bob"), "greet-bob");
        alice.start();
        bob.start();
        alice.join();
        bob.join();
        assertThat(greetings).as("greetings").containsExactly("Hello, alice", "Hello, bob");
    }
}
