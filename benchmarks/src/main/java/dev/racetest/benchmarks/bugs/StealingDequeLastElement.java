package dev.racetest.benchmarks.bugs;

import java.util.ArrayList;
import java.util.List;

/**
 * A work-stealing deque (after Chase and Lev) whose owner pops at the tail and whose thief steals at
 * the head, with the one compare-and-set the algorithm needs left out: when a single element is left,
 * the owner and the thief must race for it on {@code head}, and here both simply take it.
 */
public final class StealingDequeLastElement {

    private static final int TASKS = 2;

    public void run() throws InterruptedException {
        Deque deque = new Deque();
        for (int task = 0; task < TASKS; task++) {
            deque.push(task);
        }
        List<Integer> stolen = new ArrayList<>();
        Thread thief = new Thread(() -> takeUnlessEmpty(deque.steal(), stolen), "thief");
        thief.start();
        List<Integer> popped = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            takeUnlessEmpty(deque.pop(), popped);
        }
        thief.join();
        List<Integer> taken = new ArrayList<>(popped);
        taken.addAll(stolen);
        if (taken.size() != TASKS || taken.stream().distinct().count() != TASKS) {
            throw new AssertionError("tasks taken: " + taken + " (owner " + popped + ", thief " + stolen
                    + "), expected each of 0.." + (TASKS - 1) + " once");
        }
    }

    private static void takeUnlessEmpty(int task, List<Integer> into) {
        if (task != Deque.EMPTY) {
            into.add(task);
        }
    }

    private static final class Deque {
        static final int EMPTY = -1;

        private final int[] tasks = new int[8];
        private int head;
        private int tail;

        /** Owner only. */
        void push(int task) {
            tasks[tail] = task;
            tail = tail + 1;
        }

        /** Owner only. */
        int pop() {
            int last = tail - 1;
            tail = last;
            int first = head;
            if (last < first) {
                tail = first;
                return EMPTY;
            }
            int task = tasks[last];
            if (last > first) {
                return task;
            }
            // The last element: Chase-Lev takes it only if compareAndSet(head, first, first + 1) wins
            // against a thief. Bug: it takes it unconditionally.
            head = first + 1;
            tail = first + 1;
            return task;
        }

        /** Any thread but the owner. */
        int steal() {
            int first = head;
            int end = tail;
            if (first >= end) {
                return EMPTY;
            }
            int task = tasks[first];
            head = first + 1; // bug: should be compareAndSet(head, first, first + 1), giving up on failure
            return task;
        }
    }
}
