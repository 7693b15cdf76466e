package dev.racetest.benchmarks.bugs;

import java.util.ArrayList;
import java.util.List;

/**
 * A linked queue (with a sentinel) without synchronisation: two producers enqueue an element each
 * while a consumer dequeues one. Two enqueues can link after the same tail, losing an element; an
 * enqueue and a dequeue can miss each other's update.
 */
public final class UnsynchronizedQueue {

    private Node head = new Node(0);
    private Node tail = head;

    public void run() throws InterruptedException {
        int[] consumed = new int[1];
        Thread producerA = new Thread(() -> enqueue(1), "producer-1");
        Thread producerB = new Thread(() -> enqueue(2), "producer-2");
        Thread consumer = new Thread(() -> consumed[0] = dequeue(), "consumer");
        producerA.start();
        producerB.start();
        consumer.start();
        producerA.join();
        producerB.join();
        consumer.join();
        List<Integer> all = new ArrayList<>();
        if (consumed[0] != 0) {
            all.add(consumed[0]);
        }
        for (int value = dequeue(); value != 0; value = dequeue()) {
            all.add(value);
        }
        all.sort(null);
        if (!all.equals(List.of(1, 2))) {
            throw new AssertionError("dequeued " + all + ", expected [1, 2]");
        }
    }

    private void enqueue(int value) {
        Node node = new Node(value);
        Node last = tail;
        last.next = node; // bug: another enqueue may link after the same tail
        tail = node;
    }

    /** Returns 0 when the queue is empty. */
    private int dequeue() {
        Node first = head.next;
        if (first == null) {
            return 0;
        }
        head = first;
        return first.value;
    }

    private static final class Node {
        final int value;
        Node next;

        Node(int value) {
            this.value = value;
        }
    }
}
