package dev.racetest.scheduler.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.instrument.hooks.SyncPointKind;
import dev.racetest.instrument.hooks.SyncSites;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which threads running instrumented code during an exploration count as escaped: any thread racetest
 * does not control, except the JVM's finalizer thread, whose work (an object of an earlier execution
 * or test becoming unreachable) belongs to no execution.
 */
class EscapedThreadsTests {

    private static final int SITE = SyncSites.register(SyncPointKind.FIELD_READ, "Fixture", "run", "Fixture.java", 7,
            "Fixture.state").id();

    @BeforeEach
    void startExploration() {
        EscapedThreads.INSTANCE.explorationStarted();
    }

    @AfterEach
    void endExploration() {
        EscapedThreads.INSTANCE.explorationEnded();
    }

    @Test
    void aPlainThreadRunningInstrumentedCodeEscapes() {
        long mark = EscapedThreads.INSTANCE.mark();

        EscapedThreads.INSTANCE.uncontrolledSyncPoint(new Thread(() -> { }, "pool-worker"), SITE);

        assertThat(EscapedThreads.INSTANCE.since(mark)).isNotNull()
                .satisfies(escaped -> assertThat(escaped.threadName()).isEqualTo("pool-worker"));
    }

    @Test
    void theFinalizerThreadDoesNotEscape() {
        Thread finalizer = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getClass().getName().equals("java.lang.ref.Finalizer$FinalizerThread"))
                .findFirst().orElseThrow(() -> new AssertionError("this JVM has no finalizer thread"));
        long mark = EscapedThreads.INSTANCE.mark();

        EscapedThreads.INSTANCE.uncontrolledSyncPoint(finalizer, SITE);

        assertThat(EscapedThreads.INSTANCE.since(mark)).isNull();
    }
}
