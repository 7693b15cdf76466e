package dev.racetest.instrument.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The bookkeeping of a controlled condition, step by step on one thread: who may take a signal, and
 * what the lock's queries count.
 */
class ConditionSignalsTests {

    private final ConditionSignals signals = new ConditionSignals();

    @Test
    void aSignalGoesToWhicheverOfferedWaiterLooksFirstAndToNoOther() {
        ConditionSignals.Waiter first = signals.enter();
        ConditionSignals.Waiter second = signals.enter();

        assertThat(signals.signal()).as("someone to wake").isTrue();
        assertThat(signals.takeSignal(second)).isTrue();
        assertThat(signals.takeSignal(first)).as("already taken").isFalse();
        assertThat(signals.takeSignal(second)).as("the taker stays signalled").isTrue();
    }

    @Test
    void aSignalIsNotOfferedToAThreadThatBeganWaitingAfterIt() {
        ConditionSignals.Waiter early = signals.enter();
        signals.signal();
        ConditionSignals.Waiter late = signals.enter();

        assertThat(signals.takeSignal(late)).isFalse();
        assertThat(signals.takeSignal(early)).isTrue();
    }

    @Test
    void aSignalWithNobodyWaitingIsLost() {
        assertThat(signals.signal()).isFalse();
        ConditionSignals.Waiter waiter = signals.enter();

        assertThat(signals.takeSignal(waiter)).isFalse();
        assertThat(signals.wakeUps()).isZero();
    }

    @Test
    void aSecondSignalForTheOnlyWaiterDoesNothing() {
        ConditionSignals.Waiter waiter = signals.enter();
        signals.signal();

        assertThat(signals.signal()).as("the first signal covers the only waiter").isFalse();
        assertThat(signals.wakeUps()).isOne();
        assertThat(signals.takeSignal(waiter)).isTrue();
    }

    @Test
    void twoSignalsWakeTwoWaitersWhicheverLooksFirst() {
        ConditionSignals.Waiter first = signals.enter();
        ConditionSignals.Waiter second = signals.enter();
        signals.signal();
        ConditionSignals.Waiter third = signals.enter();
        signals.signal();

        // The second signal went to all three; the first waiter takes its oldest free offer, the first signal.
        assertThat(signals.takeSignal(first)).isTrue();
        assertThat(signals.takeSignal(third)).as("the second signal is still free").isTrue();
        assertThat(signals.takeSignal(second)).as("both taken").isFalse();
        assertThat(signals.wakeUps()).isEqualTo(2);
    }

    @Test
    void theWaitingCountLeavesOutTheWaitersASignalIsOnItsWayTo() {
        ConditionSignals.Waiter first = signals.enter();
        ConditionSignals.Waiter second = signals.enter();
        assertThat(signals.waitingCount()).isEqualTo(2);

        signals.signal();
        assertThat(signals.waitingCount()).as("one of the two will take it").isOne();

        signals.takeSignal(second);
        signals.leave(second);
        assertThat(signals.waitingCount()).isOne();
        assertThat(signals.takeSignal(first)).isFalse();
    }

    @Test
    void signalAllSignalsEveryWaiterButNotLaterOnes() {
        ConditionSignals.Waiter first = signals.enter();
        ConditionSignals.Waiter second = signals.enter();

        assertThat(signals.signalAll()).isTrue();
        ConditionSignals.Waiter late = signals.enter();

        assertThat(signals.takeSignal(first)).isTrue();
        assertThat(signals.takeSignal(second)).isTrue();
        assertThat(signals.takeSignal(late)).isFalse();
        assertThat(signals.waitingCount()).isOne();
    }

    @Test
    void signalAllWithEveryWaiterSignalledWakesNobody() {
        signals.enter();
        signals.signalAll();

        assertThat(signals.signalAll()).isFalse();
        assertThat(signals.wakeUps()).isOne();
    }

    @Test
    void aWaiterRemembersAnInterrupt() {
        ConditionSignals.Waiter waiter = signals.enter();
        assertThat(waiter.wasInterrupted()).isFalse();

        waiter.recordInterrupt();

        assertThat(waiter.wasInterrupted()).isTrue();
    }
}
