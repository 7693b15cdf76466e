package dev.racetest.benchmarks.bugs;

import dev.racetest.scheduler.Choice;
import dev.racetest.scheduler.Operation;
import dev.racetest.scheduler.Strategy;

import java.util.List;

/**
 * A scripted strategy for showing that a schedule exists: runs the enabled thread that comes first in
 * a priority list, and moves one thread to the end of the list right after its first write. That is a
 * PCT schedule of depth 2 written out by hand, so the reorder programs' bug can be reached with any
 * number of setters without waiting for a sampling strategy to stumble on it.
 */
final class PriorityScript implements Strategy {

    private final List<Integer> order;
    private final int demotedAfterFirstWrite;
    private boolean demoted;

    /**
     * @param order                  thread ids, highest priority first; threads not listed come after, by id
     * @param demotedAfterFirstWrite the thread moved last once it has written; -1 for none
     */
    PriorityScript(List<Integer> order, int demotedAfterFirstWrite) {
        this.order = List.copyOf(order);
        this.demotedAfterFirstWrite = demotedAfterFirstWrite;
    }

    @Override
    public boolean beginExecution(int index) {
        demoted = false;
        return true;
    }

    @Override
    public int choose(Choice choice) {
        int best = 0;
        for (int position = 1; position < choice.size(); position++) {
            if (rank(choice.threadId(position)) < rank(choice.threadId(best))) {
                best = position;
            }
        }
        return best;
    }

    @Override
    public boolean observesSteps() {
        return true;
    }

    @Override
    public void stepTaken(Choice choice, int position) {
        if (!demoted && choice.threadId(position) == demotedAfterFirstWrite
                && choice.operation(position).access() == Operation.Access.WRITE) {
            demoted = true;
        }
    }

    @Override
    public long executionSeed() {
        return 0;
    }

    private long rank(int threadId) {
        if (demoted && threadId == demotedAfterFirstWrite) {
            return Long.MAX_VALUE;
        }
        int listed = order.indexOf(threadId);
        return listed >= 0 ? listed : (long) Integer.MAX_VALUE + threadId;
    }
}
