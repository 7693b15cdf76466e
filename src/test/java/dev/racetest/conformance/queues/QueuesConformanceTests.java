package dev.racetest.conformance.queues;

import static dev.racetest.conformance.Conformance.assertPassesEveryExecution;
import static dev.racetest.conformance.Conformance.assertReplayReproduces;
import static dev.racetest.conformance.Conformance.failureOf;
import static dev.racetest.conformance.Conformance.sourceLine;
import static dev.racetest.conformance.Conformance.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The blocking queues: {@code ArrayBlockingQueue}, {@code LinkedBlockingQueue},
 * {@code LinkedBlockingDeque}, {@code SynchronousQueue}, {@code DelayQueue},
 * {@code PriorityBlockingQueue} and {@code LinkedTransferQueue}.
 */
@Timeout(180)
class QueuesConformanceTests {

    @Test
    void isEmptyThenRemoveLosesToAnotherConsumer() {
        String report = failureOf(CheckThenRemoveFixture.class);
        assertThat(verdict(report)).isEqualTo("java.util.NoSuchElementException in thread main");
        assertThat(report).contains(sourceLine(CheckThenRemoveFixture.class, "remove"));
        assertReplayReproduces(CheckThenRemoveFixture.class, report);
    }

    @Test
    void arrayBlockingQueueHandOffPasses() {
        assertPassesEveryExecution(ArrayBlockingQueueHandOffFixture.class);
    }

    @Test
    void pollTimeoutShorterThanTheProducerFiresOnVirtualTime() {
        String report = failureOf(PollTimeoutTooShortFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.AssertionError in thread main: no job within 1 second");
        assertThat(report).contains(sourceLine(PollTimeoutTooShortFixture.class, "assert"));
        assertReplayReproduces(PollTimeoutTooShortFixture.class, report);
    }

    @Test
    void poisonPillsPass() {
        assertPassesEveryExecution(PoisonPillFixture.class);
    }

    @Test
    void pushingAtTheHeadReordersWaitingItems() {
        String report = failureOf(PushFrontReordersFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.AssertionError in thread main: processed [2, 1]");
        assertThat(report).contains(sourceLine(PushFrontReordersFixture.class, "assert"));
        assertReplayReproduces(PushFrontReordersFixture.class, report);
    }

    @Test
    void dequeOwnerAndThiefPass() {
        assertPassesEveryExecution(DequeBothEndsFixture.class);
    }

    @Test
    void offerToASynchronousQueueWithoutAWaitingConsumerIsLost() {
        String report = failureOf(OfferToSynchronousQueueFixture.class);
        assertThat(verdict(report)).isEqualTo("deadlock: 1 thread is blocked and none can go on");
        assertThat(report).contains("T0 main waits for ", sourceLine(OfferToSynchronousQueueFixture.class, "take"));
        assertReplayReproduces(OfferToSynchronousQueueFixture.class, report);
    }

    @Test
    void synchronousQueueHandOffPasses() {
        assertPassesEveryExecution(SynchronousHandOffFixture.class);
    }

    @Test
    void peekThenPollOnADelayQueueLosesToAnotherConsumer() {
        String report = failureOf(PeekThenPollDueTaskFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.AssertionError in thread main: the due task was taken between peek and poll");
        assertThat(report).contains(sourceLine(PeekThenPollDueTaskFixture.class, "assert"));
        assertReplayReproduces(PeekThenPollDueTaskFixture.class, report);
    }

    @Test
    void delayQueueReleasesTasksInDueOrderOnVirtualTime() {
        assertPassesEveryExecution(DelayQueueOrderFixture.class);
    }

    @Test
    void priorityDoesNotCoverItemsNotYetQueued() {
        String report = failureOf(PriorityOfItemsNotYetQueuedFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.AssertionError in thread main: took priority 5 before the urgent item");
        assertThat(report).contains(sourceLine(PriorityOfItemsNotYetQueuedFixture.class, "assert"));
        assertReplayReproduces(PriorityOfItemsNotYetQueuedFixture.class, report);
    }

    @Test
    void priorityQueueDrainedAfterTheProducersPasses() {
        assertPassesEveryExecution(PriorityDrainFixture.class);
    }

    @Test
    void transferReturnsBeforeTheJobIsProcessed() {
        String report = failureOf(TransferIsNotProcessedFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.AssertionError in thread main: transfer returned before the job was processed");
        assertThat(report).contains(sourceLine(TransferIsNotProcessedFixture.class, "assert"));
        assertReplayReproduces(TransferIsNotProcessedFixture.class, report);
    }

    @Test
    void tryTransferWithPutFallbackPasses() {
        assertPassesEveryExecution(TransferOrPutFixture.class);
    }
}
