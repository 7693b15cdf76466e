package dev.racetest.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.substitutes.ControlledDelayQueue;
import java.util.List;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link ControlledDelayQueue} used outside racetest's control, where it must answer as the JDK's
 * {@code DelayQueue}: due elements in due order, nothing before it is due, and a waiting {@code take()}
 * woken by an {@code offer}. (Under control, the conformance suite checks it on the virtual clock.)
 */
@Timeout(60)
class DelayQueueSubstituteTests {

    private record Due(String name, long dueNanos) implements Delayed {
        static Due in(String name, long delay, TimeUnit unit) {
            return new Due(name, System.nanoTime() + unit.toNanos(delay));
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }
    }

    @Test
    void dueElementsComeOutInDueOrderAndLaterOnesStay() throws InterruptedException {
        Due hour = Due.in("hour", 1, TimeUnit.HOURS);
        ControlledDelayQueue<Due> queue = new ControlledDelayQueue<>(List.of(hour, Due.in("second", -1, TimeUnit.SECONDS)));
        queue.put(Due.in("first", -2, TimeUnit.SECONDS));

        assertThat(queue.take().name()).isEqualTo("first");
        assertThat(queue.poll(1, TimeUnit.SECONDS).name()).isEqualTo("second");
        assertThat(queue.poll(1, TimeUnit.MILLISECONDS)).isNull();
        assertThat(queue.poll()).isNull();
        assertThat(queue.peek()).isSameAs(hour);
        assertThat(queue).hasSize(1);
    }

    @Test
    void aWaitingTakeIsWokenByAnOffer() throws InterruptedException {
        ControlledDelayQueue<Due> queue = new ControlledDelayQueue<>();
        AtomicReference<String> taken = new AtomicReference<>();
        Thread consumer = new Thread(() -> {
            try {
                taken.set(queue.take().name());
            } catch (InterruptedException e) {
                taken.set("interrupted");
            }
        });
        consumer.start();
        while (consumer.getState() != Thread.State.WAITING) {
            Thread.onSpinWait(); // until the consumer waits in take(), so the offer must wake it
        }
        queue.offer(Due.in("now", 0, TimeUnit.SECONDS));
        consumer.join();

        assertThat(taken).hasValue("now");
    }

    @Test
    void aWaitingTakeEndsWithAnInterrupt() throws InterruptedException {
        ControlledDelayQueue<Due> queue = new ControlledDelayQueue<>();
        queue.add(Due.in("hour", 1, TimeUnit.HOURS));
        AtomicReference<String> taken = new AtomicReference<>();
        Thread consumer = new Thread(() -> {
            try {
                taken.set(queue.take().name());
            } catch (InterruptedException e) {
                taken.set("interrupted");
            }
        });
        consumer.start();
        while (consumer.getState() != Thread.State.TIMED_WAITING) {
            Thread.onSpinWait(); // until the consumer waits for the head's delay
        }
        consumer.interrupt();
        consumer.join();

        assertThat(taken).hasValue("interrupted");
    }
}
