package dev.racetest.scheduler.runtime.races;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.instrument.hooks.SyncPointKind;
import dev.racetest.instrument.hooks.SyncSites;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** FastTrack's rules on clocks driven by hand: shared reads, ordered writes, volatile edges. */
class RaceDetectorTests {

    private static final int READ = SyncSites.register(SyncPointKind.FIELD_READ, "Probe", "run", "Probe.java", 1,
            "Probe.x", "Probe.x", false).id();
    private static final int WRITE = SyncSites.register(SyncPointKind.FIELD_WRITE, "Probe", "run", "Probe.java", 2,
            "Probe.x", "Probe.x", false).id();
    private static final int VOLATILE_WRITE = SyncSites.register(SyncPointKind.VOLATILE_WRITE, "Probe", "run",
            "Probe.java", 3, "Probe.flag", "Probe.flag", false).id();
    private static final int VOLATILE_READ = SyncSites.register(SyncPointKind.VOLATILE_READ, "Probe", "run",
            "Probe.java", 4, "Probe.flag", "Probe.flag", false).id();

    private final RaceDetector detector = new RaceDetector(Set.of(), false);
    private final Object probe = new Object();

    private static VectorClock threadClock(int id) {
        VectorClock clock = new VectorClock();
        clock.set(id, 1);
        return clock;
    }

    @Test
    void concurrentReadsAreNoRaceButAWriteOrderedAfterOnlyOneOfThemIs() {
        VectorClock t0 = threadClock(0);
        VectorClock t1 = threadClock(1);
        VectorClock t2 = threadClock(2);
        assertThat(detector.field(0, t0, probe, READ, false)).isNull();
        assertThat(detector.field(1, t1, probe, READ, false)).isNull(); // reads become shared

        RaceDetector.release(1, t1, t2); // t1 hands over to t2, t0 does not
        Conflict conflict = detector.field(2, t2, probe, WRITE, true);

        assertThat(conflict).isNotNull();
        assertThat(conflict.earlierThread()).isZero();
        assertThat(conflict.earlierWrite()).isFalse();
        assertThat(conflict.earlierSite()).isEqualTo(READ);
        assertThat(conflict.laterWrite()).isTrue();
        assertThat(conflict.variable()).isEqualTo("Probe.x");
    }

    @Test
    void aWriteOrderedAfterEveryReadIsNoRaceAndTheReadsAreForgotten() {
        VectorClock t0 = threadClock(0);
        VectorClock t1 = threadClock(1);
        VectorClock t2 = threadClock(2);
        detector.field(0, t0, probe, READ, false);
        detector.field(1, t1, probe, READ, false);
        RaceDetector.release(0, t0, t2);
        RaceDetector.release(1, t1, t2);

        assertThat(detector.field(2, t2, probe, WRITE, true)).isNull();
        RaceDetector.release(2, t2, t0);
        assertThat(detector.field(0, t0, probe, WRITE, true)).isNull();
        assertThat(detector.field(1, t1, probe, READ, false)).as("t1 never saw t0's write").isNotNull();
    }

    @Test
    void aVolatileWriteAndReadOrderWhatCameBefore() {
        VectorClock writer = threadClock(0);
        VectorClock reader = threadClock(1);
        detector.field(0, writer, probe, WRITE, true);
        detector.field(0, writer, probe, VOLATILE_WRITE, true);
        detector.field(1, reader, probe, VOLATILE_READ, false);

        assertThat(detector.field(1, reader, probe, READ, false)).isNull();
        assertThat(detector.field(0, writer, probe, WRITE, true)).as("the writer's next write is after the flag")
                .isNotNull();
    }

    @Test
    void elementsOfOneArrayAreSeparateLocations() {
        int[] array = new int[8];
        VectorClock t0 = threadClock(0);
        VectorClock t1 = threadClock(1);
        assertThat(detector.element(0, t0, array, 3, WRITE, true)).isNull();
        assertThat(detector.element(1, t1, array, 4, WRITE, true)).isNull();

        Conflict conflict = detector.element(1, t1, array, 3, READ, false);
        assertThat(conflict.variable()).isEqualTo("int[] element 3");
        assertThat(conflict.earlierWrite()).isTrue();
    }
}
