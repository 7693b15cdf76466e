package dev.racetest.conformance.atomics;

import dev.racetest.RaceTest;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/**
 * Must pass: a Treiber stack whose head is updated with an {@code AtomicReferenceFieldUpdater}
 * compare-and-set loop, and a size kept with an {@code AtomicIntegerFieldUpdater}; two threads push at
 * once and nothing is lost.
 */
public class FieldUpdaterStackFixture {

    static final class Node {
        final int value;
        final Node next;

        Node(int value, Node next) {
            this.value = value;
            this.next = next;
        }
    }

    private static final AtomicReferenceFieldUpdater<FieldUpdaterStackFixture, Node> HEAD =
            AtomicReferenceFieldUpdater.newUpdater(FieldUpdaterStackFixture.class, Node.class, "head");
    private static final AtomicIntegerFieldUpdater<FieldUpdaterStackFixture> SIZE =
            AtomicIntegerFieldUpdater.newUpdater(FieldUpdaterStackFixture.class, "size");

    private volatile Node head;
    private volatile int size;

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void everyPushIsKept() throws InterruptedException {
        Thread first = new Thread(() -> push(1), "first");
        Thread second = new Thread(() -> push(2), "second");
        first.start();
        second.start();
        push(4);
        first.join();
        second.join();
        int sum = 0;
        int nodes = 0;
        for (Node node = head; node != null; node = node.next) {
            sum += node.value;
            nodes++;
        }
        if (sum != 7 || nodes != 3 || size != 3) {
            throw new AssertionError(nodes + " nodes summing to " + sum + ", size " + size);
        }
    }

    private void push(int value) {
        Node current;
        do {
            current = HEAD.get(this);
        } while (!HEAD.compareAndSet(this, current, new Node(value, current)));
        SIZE.incrementAndGet(this);
    }
}
