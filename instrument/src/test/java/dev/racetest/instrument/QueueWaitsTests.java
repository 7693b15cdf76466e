package dev.racetest.instrument;

import static java.util.concurrent.TimeUnit.NANOSECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.racetest.instrument.hooks.BlockingCall;
import dev.racetest.instrument.hooks.Hooks;
import dev.racetest.instrument.hooks.QueueWaits;
import dev.racetest.instrument.hooks.SyncPointKind;
import dev.racetest.instrument.hooks.SyncSites;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The queue wait hooks under a {@link ScriptedWaitHandler}, uncontrolled, and on queues that are not the
 * JDK's code, which must be called exactly as written.
 */
class QueueWaitsTests {

    private static final int SITE = SyncSites.register(SyncPointKind.BLOCKING_CALL, QueueWaitsTests.class.getName(),
            "test", null, -1, "BlockingQueue.poll").id();

    @AfterEach
    void unbind() {
        Hooks.unbind();
        Thread.interrupted();
    }

    private static ScriptedWaitHandler controlled(int ending) {
        ScriptedWaitHandler handler = new ScriptedWaitHandler(ending);
        Hooks.bind(handler);
        return handler;
    }

    @Test
    void pollTimesOutWithNullAndCompletesWithTheHead() throws InterruptedException {
        BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        ScriptedWaitHandler timingOut = controlled(BlockingCall.TIMED_OUT);
        assertThat(QueueWaits.poll(queue, 7, SECONDS, SITE)).isNull();
        assertThat(timingOut.begins()).containsExactly(new ScriptedWaitHandler.Begin(queue, 7_000_000_000L, false, false));
        assertThat(timingOut.ends()).isOne();

        Hooks.unbind();
        controlled(BlockingCall.COMPLETED);
        queue.add("head");
        assertThat(QueueWaits.poll(queue, 7, SECONDS, SITE)).isEqualTo("head");
    }

    @Test
    void offerToAFullQueueTimesOutWithFalse() throws InterruptedException {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(1);
        queue.add("full");
        controlled(BlockingCall.TIMED_OUT);
        assertThat(QueueWaits.offer(queue, "more", 1, SECONDS, SITE)).isFalse();

        Hooks.unbind();
        controlled(BlockingCall.COMPLETED);
        queue.clear();
        assertThat(QueueWaits.offer(queue, "more", 1, SECONDS, SITE)).isTrue();
        assertThat(queue).containsExactly("more");
    }

    @Test
    void dequeEndsTimeOutWithNullAndFalse() throws InterruptedException {
        LinkedBlockingDeque<Object> deque = new LinkedBlockingDeque<>(1);
        ScriptedWaitHandler handler = controlled(BlockingCall.TIMED_OUT);
        assertThat(QueueWaits.pollFirst(deque, 1, SECONDS, SITE)).isNull();
        assertThat(QueueWaits.pollLast(deque, 1, SECONDS, SITE)).isNull();
        deque.add("full");
        assertThat(QueueWaits.offerFirst(deque, "x", 1, SECONDS, SITE)).isFalse();
        assertThat(QueueWaits.offerLast(deque, "x", 1, SECONDS, SITE)).isFalse();
        assertThat(handler.begins()).hasSize(4);
        assertThat(handler.ends()).isEqualTo(4);
    }

    @Test
    void transferWithoutAConsumerTimesOutWithFalse() throws InterruptedException {
        LinkedTransferQueue<Object> queue = new LinkedTransferQueue<>();
        controlled(BlockingCall.TIMED_OUT);

        assertThat(QueueWaits.tryTransfer(queue, "x", 1, SECONDS, SITE)).isFalse();
        assertThat(queue).as("a transfer that timed out leaves nothing behind").isEmpty();
    }

    @Test
    void completionServicePollTimesOutWithNull() throws InterruptedException {
        ExecutorCompletionService<Object> service = new ExecutorCompletionService<>(Runnable::run);
        controlled(BlockingCall.TIMED_OUT);
        assertThat(QueueWaits.poll(service, 1, SECONDS, SITE)).isNull();

        Hooks.unbind();
        controlled(BlockingCall.COMPLETED);
        service.submit(() -> "done");
        assertThat(QueueWaits.poll(service, 1, SECONDS, SITE).isDone()).isTrue();
    }

    @Test
    void aRealInterruptStillThrows() {
        ScriptedWaitHandler handler = controlled(BlockingCall.COMPLETED);
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> QueueWaits.poll(new LinkedBlockingQueue<>(), 1, SECONDS, SITE))
                .isInstanceOf(InterruptedException.class);
        assertThat(handler.ends()).isOne();
    }

    @Test
    void uncontrolledPollIsTheJdks() throws InterruptedException {
        assertThat(QueueWaits.poll(new LinkedBlockingQueue<>(), 1, NANOSECONDS, SITE)).isNull();
    }

    @Test
    void aUsersOwnQueueIsCalledAsWritten() throws InterruptedException {
        ScriptedWaitHandler handler = controlled(BlockingCall.TIMED_OUT);
        OwnPoll queue = new OwnPoll();

        assertThat(QueueWaits.poll(queue, 7, SECONDS, SITE)).isEqualTo("own poll");

        assertThat(queue.timeout).as("its own poll got the real arguments").isEqualTo(7);
        assertThat(handler.begins()).isEmpty();
        assertThat(handler.libraryCalls()).isEmpty();
    }

    @Test
    void aUserSubclassThatKeepsTheJdkPollIsTakenOver() throws InterruptedException {
        ScriptedWaitHandler handler = controlled(BlockingCall.TIMED_OUT);
        InheritedPoll queue = new InheritedPoll();

        assertThat(QueueWaits.poll(queue, 7, SECONDS, SITE)).isNull();
        assertThat(handler.begins()).extracting(ScriptedWaitHandler.Begin::target).containsExactly(queue);
    }

    /** A user's queue that overrides the timed poll: not the JDK's code. */
    static final class OwnPoll extends LinkedBlockingQueue<Object> {
        long timeout;

        @Override
        public Object poll(long timeout, TimeUnit unit) {
            this.timeout = timeout;
            return "own poll";
        }
    }

    /** A user's queue that inherits the JDK's timed poll. */
    static final class InheritedPoll extends LinkedBlockingQueue<Object> {
        @Override
        public String toString() {
            return "inherited";
        }
    }
}
