package dev.racetest.scheduler.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.racetest.scheduler.Choice;
import dev.racetest.scheduler.Operation;
import dev.racetest.scheduler.Operation.Access;
import dev.racetest.scheduler.Outcome;
import dev.racetest.scheduler.Strategy;
import dev.racetest.scheduler.TestBody;
import dev.racetest.instrument.hooks.Hooks;
import dev.racetest.instrument.hooks.SyncPointKind;
import dev.racetest.instrument.hooks.SyncSites;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a strategy that observes every step is told each step does to shared state. */
@Timeout(60)
class OperationsTests {

    private static final int READ = site(SyncPointKind.FIELD_READ, "Cell.value");
    private static final int WRITE = site(SyncPointKind.FIELD_WRITE, "Cell.value");
    private static final int OTHER_WRITE = site(SyncPointKind.FIELD_WRITE, "Cell.other");
    private static final int LOCK = site(SyncPointKind.MONITOR_ENTER, "synchronized");
    private static final int START = site(SyncPointKind.THREAD_START, "Thread.start");
    private static final int JOIN = site(SyncPointKind.THREAD_JOIN, "Thread.join");

    /** A write of the inherited field {@code Base.shared}, named through the subclass, and a read named through the base. */
    private static final int WRITE_THROUGH_SUBCLASS = SyncSites.register(SyncPointKind.FIELD_WRITE,
            "dev.racetest.scheduler.runtime.Program", "run", "Program.java", 1, "Sub.shared", "Base.shared", false).id();
    private static final int READ_THROUGH_BASE = SyncSites.register(SyncPointKind.FIELD_READ,
            "dev.racetest.scheduler.runtime.Program", "run", "Program.java", 2, "Base.shared", "Base.shared", false).id();

    private static int site(SyncPointKind kind, String target) {
        return SyncSites.register(kind, "dev.racetest.scheduler.runtime.Program", "run", "Program.java", 1, target).id();
    }

    static final class Cell {
        int value;
        int other;
    }

    /** Always runs the lowest-numbered candidate, and writes down every step's operation. */
    private static final class Recorder implements Strategy {
        final List<Operation> steps = new ArrayList<>();

        @Override
        public boolean beginExecution(int index) {
            return index == 0;
        }

        @Override
        public int choose(Choice choice) {
            return 0;
        }

        @Override
        public long executionSeed() {
            return 1;
        }

        @Override
        public boolean observesSteps() {
            return true;
        }

        @Override
        public void stepTaken(Choice choice, int position) {
            steps.add(choice.operation(position));
        }
    }

    private static List<Operation> run(TestBody body) {
        Recorder recorder = new Recorder();
        recorder.beginExecution(0);
        Outcome outcome = new Execution(recorder, 10_000, Duration.ofSeconds(10), false).run(body);
        assertThat(outcome).isInstanceOf(Outcome.Passed.class);
        return recorder.steps;
    }

    private static Thread start(Runnable task) {
        Thread thread = new Thread(task);
        Hooks.threadCreated(thread);
        Hooks.threadStart(thread, START);
        return thread;
    }

    @Test
    void fieldAccessesAreReadsAndWritesOfOneFieldOfOneObject() throws Exception {
        List<Operation> steps = run(() -> {
            Cell cell = new Cell();
            Hooks.fieldRead(cell, READ);
            Hooks.fieldWrite(cell, WRITE);
            Hooks.fieldWrite(cell, OTHER_WRITE);
            Hooks.fieldWrite(new Cell(), WRITE);
        });

        assertThat(steps).extracting(Operation::access)
                .containsExactly(Access.NONE, Access.READ, Access.WRITE, Access.WRITE, Access.WRITE);
        Operation read = steps.get(1);
        Operation write = steps.get(2);
        Operation otherField = steps.get(3);
        Operation otherObject = steps.get(4);
        assertThat(read.location()).isEqualTo(write.location());
        assertThat(otherField.object()).isEqualTo(write.object());
        assertThat(otherField.facet()).isNotEqualTo(write.facet());
        assertThat(otherObject.object()).isNotEqualTo(write.object());
        // As if by other threads: only the read and the write of the same field conflict.
        Operation byOther = new Operation(9, Access.READ, read.location(), -1);
        assertThat(write.conflictsWith(byOther)).isTrue();
        assertThat(read.conflictsWith(byOther)).isFalse();
        assertThat(otherField.conflictsWith(byOther)).isFalse();
        assertThat(otherObject.conflictsWith(byOther)).isFalse();
    }

    @Test
    void anInheritedFieldIsOneLocationWhicheverClassTheAccessNamesItThrough() {
        List<Operation> steps = run(() -> {
            Cell cell = new Cell();
            Hooks.fieldWrite(cell, WRITE_THROUGH_SUBCLASS);
            Hooks.fieldRead(cell, READ_THROUGH_BASE);
            Hooks.fieldWrite(null, WRITE_THROUGH_SUBCLASS);
            Hooks.fieldRead(null, READ_THROUGH_BASE);
        });

        assertThat(steps.get(1).location()).isEqualTo(steps.get(2).location());
        assertThat(steps.get(3).location()).isEqualTo(steps.get(4).location());
        assertThat(steps.get(3).object()).isNotEqualTo(steps.get(1).object());
    }

    @Test
    void anInterruptConflictsWithEveryStepOfTheInterruptedThreadOnly() {
        Operation interrupt = new Operation(0, Access.INTERRUPT, 0, 1);

        assertThat(interrupt.conflictsWith(new Operation(1, Access.NONE, 0, -1))).isTrue();
        assertThat(new Operation(1, Access.READ, 7L << 32, -1).conflictsWith(interrupt)).isTrue();
        assertThat(interrupt.conflictsWith(new Operation(2, Access.WRITE, 7L << 32, -1))).isFalse();
        assertThat(interrupt.conflictsWith(new Operation(2, Access.UNKNOWN, 0, -1))).isTrue();
    }

    @Test
    void monitorsAreSyncOperationsAndJoinsNameTheThreadTheyWaitFor() throws Exception {
        Object lock = new Object();
        List<Operation> steps = run(() -> {
            Thread child = start(() -> {
                Hooks.monitorEnter(lock, LOCK);
                Hooks.monitorExit(lock, LOCK);
            });
            Hooks.threadJoin(child, JOIN);
        });

        // The body begins, starts the child and waits for it; the child begins and takes the lock.
        assertThat(steps).extracting(Operation::threadId, Operation::access).containsExactly(
                tuple(0, Access.NONE), tuple(0, Access.NONE), tuple(1, Access.NONE), tuple(1, Access.SYNC),
                tuple(0, Access.JOIN));
        assertThat(steps.get(4).joinedThread()).isEqualTo(1);
        assertThat(steps.get(3).facet()).isEqualTo(Operation.MONITOR);
        assertThat(steps.get(3).conflictsWith(new Operation(5, Access.SYNC, steps.get(3).location(), -1))).isTrue();
        assertThat(steps.get(4).conflictsWith(steps.get(3))).isFalse();
    }
}
