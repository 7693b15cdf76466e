package dev.racetest.benchmarks.bugs;

import java.util.ArrayList;
import java.util.List;

/**
 * A linked stack without synchronisation: two threads each push an element and pop one. A push can
 * overwrite another's {@code top}, losing an element, and two pops can return the same one.
 */
public final class UnsynchronizedStack {

    private Node top;

    public void run() throws InterruptedException {
        int[] popped = new int[2];
        Thread first = new Thread(() -> popped[0] = pushThenPop(1), "worker-1");
        Thread second = new Thread(() -> popped[1] = pushThenPop(2), "worker-2");
        first.start();
        second.start();
        first.join();
        second.join();
        List<Integer> all = new ArrayList<>();
        for (int value : popped) {
            if (value != 0) {
                all.add(value);
            }
        }
        for (Node node = top; node != null; node = node.next) {
            all.add(node.value);
        }
        all.sort(null);
        if (!all.equals(List.of(1, 2))) {
            throw new AssertionError("popped and left on the stack: " + all + ", expected [1, 2]");
        }
    }

    private int pushThenPop(int value) {
        top = new Node(value, top); // bug: reads and writes top with nothing in between held
        Node popped = top;
        if (popped == null) {
            return 0;
        }
        top = popped.next;
        return popped.value;
    }

    private record Node(int value, Node next) {
    }
}
