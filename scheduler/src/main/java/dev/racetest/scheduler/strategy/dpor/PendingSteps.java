package dev.racetest.scheduler.strategy.dpor;

import dev.racetest.scheduler.Operation;
import dev.racetest.scheduler.Operation.Access;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** The steps threads were about to take when an execution ended, for the race analysis. */
final class PendingSteps {

    private PendingSteps() {
    }

    /**
     * Returns the steps threads were about to take when the execution ended, as far as known: the
     * operation a thread last showed as a candidate after its last step; or, for a thread that never
     * showed one (blocked right after its last step) and that nobody joined (so it may not have ended),
     * an {@link Access#UNKNOWN} step. The test body is taken to have ended unless it showed a step.
     */
    static List<Event> of(List<Event> events, List<Frame> frames, ThreadTable threadTable) {
        int threadCount = threadTable.threadCount();
        BitSet joined = new BitSet();
        for (Event event : events) {
            if (event.operation.access() == Access.JOIN && event.operation.joinedThread() >= 0) {
                joined.set(event.operation.joinedThread());
            }
        }
        List<Event> pending = new ArrayList<>();
        for (int thread = 0; thread < threadCount; thread++) {
            int last = threadTable.lastEvent(thread);
            if (last < 0) {
                continue; // never ran: its first step touches nothing
            }
            Operation operation = null;
            byte role = Event.OTHER;
            for (int i = frames.size() - 1; i > events.get(last).frame && operation == null; i--) {
                Frame frame = frames.get(i);
                int position = frame.waiter ? -1 : frame.positionOf(thread);
                if (position >= 0) {
                    operation = frame.operations[position];
                    role = frame.roles[position];
                }
            }
            if (operation == null) {
                if (thread == 0 || joined.get(thread)) {
                    continue;
                }
                operation = new Operation(thread, Access.UNKNOWN, 0, -1);
            }
            pending.add(new Event(thread, operation, threadTable.stepsTaken(thread), -1, last, -1, 0, role));
        }
        return pending;
    }
}
