package dev.racetest.scheduler;

import dev.racetest.scheduler.runtime.Execution;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What each carrier thread of an exploration is running, for the watchdog: the execution, its index
 * and when it started. Written by the carriers, read by the watchdog.
 */
final class CarrierSlots {

    private final AtomicReferenceArray<Execution> executions;
    private final AtomicLongArray startNanos;
    private final AtomicIntegerArray indices;

    CarrierSlots(int size) {
        executions = new AtomicReferenceArray<>(size);
        startNanos = new AtomicLongArray(size);
        indices = new AtomicIntegerArray(size);
    }

    /** Notes that carrier {@code slot} starts {@code execution}, number {@code index}, now; returns it. */
    Execution track(int slot, int index, Execution execution) {
        executions.set(slot, null);
        startNanos.set(slot, System.nanoTime());
        indices.set(slot, index);
        executions.set(slot, execution);
        return execution;
    }

    /** Returns a slot whose execution has run longer than {@code limitNanos}, or -1. */
    int stuck(long limitNanos) {
        long now = System.nanoTime();
        for (int slot = 0; slot < executions.length(); slot++) {
            if (executions.get(slot) != null && now - startNanos.get(slot) > limitNanos) {
                return slot;
            }
        }
        return -1;
    }

    Execution execution(int slot) {
        return executions.get(slot);
    }

    int index(int slot) {
        return indices.get(slot);
    }
}
