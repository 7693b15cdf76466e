package dev.racetest.conformance.time;

import dev.racetest.RaceTest;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Must fail: a lease of one second, whose clock is handed in as the method reference
 * {@code System::nanoTime} (as code does to make its clock replaceable in tests), is used by a holder
 * that first sleeps two seconds. It fails only because the method reference reads the virtual clock:
 * were it the real one, the two virtual seconds would pass in no real time and the lease would still
 * look held.
 */
public class ClockReferenceLeaseFixture {

    /** A lease that ends {@code length} after it was taken, by {@code clock}. */
    static final class Lease {
        private final LongSupplier clock;
        private final long endsAt;

        Lease(LongSupplier clock, Duration length) {
            this.clock = clock;
            this.endsAt = clock.getAsLong() + length.toNanos();
        }

        boolean held() {
            return clock.getAsLong() - endsAt < 0;
        }
    }

    @RaceTest(executions = 1_000, timeBudget = "60s", executionTimeout = "5s")
    void leaseIsStillHeldAfterTheHoldersSleep() throws InterruptedException {
        Lease lease = new Lease(System::nanoTime, Duration.ofSeconds(1));
        Thread holder = new Thread(() -> {
            try {
                Thread.sleep(Duration.ofSeconds(2)); // the bug: the work takes longer than the lease
            } catch (InterruptedException e) {
                return;
            }
            if (!lease.held()) {
                throw new AssertionError("lease lapsed while its holder slept"); // @assert
            }
        }, "holder");
        holder.start();
        holder.join();
    }
}
