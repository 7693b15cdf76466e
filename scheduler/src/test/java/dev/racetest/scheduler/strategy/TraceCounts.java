package dev.racetest.scheduler.strategy;

import dev.racetest.scheduler.TestBody;

import java.util.List;

/** The programs of {@link ExhaustivePrograms} whose trace counts are known, with those counts. */
final class TraceCounts {

    /** A program and its number of Mazurkiewicz traces, derived in the program's Javadoc. */
    record Known(String name, TestBody body, int traces) {
        @Override
        public String toString() {
            return name + " (" + traces + " traces)";
        }
    }

    private TraceCounts() {
    }

    static List<Known> all() {
        return List.of(
                new Known("3 independent writers", ExhaustivePrograms.independentWriters(3), 1),
                new Known("3 writers of x", ExhaustivePrograms.sharedWriters(3), 6),
                new Known("4 writers of x", ExhaustivePrograms.sharedWriters(4), 24),
                new Known("3 readers and a writer of x", ExhaustivePrograms.readersAndOneWriter(3), 8),
                new Known("two writes each", ExhaustivePrograms.twoWritesEach(), 6),
                new Known("3 locked writers", ExhaustivePrograms.lockedWriters(3), 6),
                new Known("disjoint locks", ExhaustivePrograms.disjointLocks(), 1),
                new Known("crossed read/write", ExhaustivePrograms.crossedReadWrite(), 3),
                new Known("two variables, two writers", ExhaustivePrograms.twoVariablesTwoWriters(), 4),
                new Known("racy increments", ExhaustivePrograms.racyIncrements(), 4),
                new Known("join then read", ExhaustivePrograms.joinThenRead(), 3),
                new Known("guarded wait", ExhaustivePrograms.guardedWait(), 2),
                new Known("notifying sections beside one", ExhaustivePrograms.notifyingSectionsBesideOne(), 3));
    }
}
