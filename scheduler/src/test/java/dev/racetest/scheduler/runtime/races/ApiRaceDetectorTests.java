package dev.racetest.scheduler.runtime.races;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.instrument.hooks.SyncPointKind;
import dev.racetest.instrument.hooks.SyncSites;

import java.util.HashMap;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The detector's API objects and buffer memory, on clocks driven by hand. */
class ApiRaceDetectorTests {

    private static final int PUT = call("Map.put", 1);
    private static final int GET = call("Map.get", 2);
    private static final int ELEMENT_WRITE = SyncSites.register(SyncPointKind.ARRAY_WRITE, "Probe", "run",
            "Probe.java", 3, "byte[]", null, false).id();

    private final RaceDetector detector = new RaceDetector(Set.of(), false);

    private static int call(String target, int line) {
        return SyncSites.register(SyncPointKind.LIBRARY_CALL, "Probe", "run", "Probe.java", line, target, null, false)
                .id();
    }

    private static VectorClock threadClock(int id) {
        VectorClock clock = new VectorClock();
        clock.set(id, 1);
        return clock;
    }

    @Test
    void concurrentCallsConflictWhenOneWritesAndNameTheObjectByItsNumberAndTheirMethods() {
        Object first = new HashMap<>();
        Object second = new HashMap<>();
        VectorClock t0 = threadClock(0);
        VectorClock t1 = threadClock(1);
        assertThat(detector.api(0, t0, first, GET, false)).isNull();
        assertThat(detector.api(1, t1, first, GET, false)).as("two reads").isNull();
        assertThat(detector.api(0, t0, second, PUT, true)).as("another object").isNull();

        Conflict conflict = detector.api(1, t1, second, PUT, true);

        assertThat(conflict).isNotNull();
        assertThat(conflict.variable()).isEqualTo("HashMap#2 (put)");
        assertThat(detector.api(0, t0, first, PUT, true).variable()).isEqualTo("HashMap#1 (get / put)");
    }

    @Test
    void callsOrderedByAnEdgeDoNotConflict() {
        Object map = new HashMap<>();
        VectorClock t0 = threadClock(0);
        VectorClock t1 = threadClock(1);
        detector.api(0, t0, map, PUT, true);
        RaceDetector.release(0, t0, t1);

        assertThat(detector.api(1, t1, map, PUT, true)).isNull();
    }

    @Test
    void heapMemoryIsTheArraysElementsAndNativeMemoryItsBytes() {
        long[] longs = new long[4];
        VectorClock t0 = threadClock(0);
        VectorClock t1 = threadClock(1);
        assertThat(detector.memory(0, t0, longs, 8, 8, PUT, true)).as("bytes [8, 16): element 1").isNull();
        assertThat(detector.memory(1, t1, longs, 16, 16, PUT, true)).as("elements 2 and 3").isNull();
        assertThat(detector.element(1, t1, longs, 1, ELEMENT_WRITE, true)).as("the same element, unordered")
                .isNotNull();

        assertThat(detector.memory(0, t0, null, 4090, 8, PUT, true)).as("across a page boundary").isNull();
        assertThat(detector.memory(1, t1, null, 4098, 2, PUT, true)).as("after the range").isNull();
        Conflict overlap = detector.memory(1, t1, null, 4096, 4, PUT, true);
        assertThat(overlap).isNotNull();
        assertThat(overlap.earlierThread()).isZero();
    }
}
