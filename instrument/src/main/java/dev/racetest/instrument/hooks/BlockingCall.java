package dev.racetest.instrument.hooks;

/** How a JDK call bracketed by {@link SyncPointHandler#blockingCallBegin} ended. */
public final class BlockingCall {

    /** It returned by itself: another thread released it, or it never had to wait. */
    public static final int COMPLETED = 0;
    /** racetest ended it because its timeout expired on the virtual clock. */
    public static final int TIMED_OUT = 1;
    /** racetest woke it spuriously, as the JDK allows for {@code park} and {@code Condition.await}. */
    public static final int SPURIOUS = 2;

    private BlockingCall() {
    }
}
