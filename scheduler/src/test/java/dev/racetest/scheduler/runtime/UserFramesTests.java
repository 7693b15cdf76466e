package dev.racetest.scheduler.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which frame of a stopped thread's stack a report names, and how. */
class UserFramesTests {

    private static StackTraceElement frame(String className, String method, int line) {
        String file = className.substring(className.lastIndexOf('.') + 1) + ".java";
        return new StackTraceElement(className, method, file, line);
    }

    @Test
    void aWaitInsideASubstituteIsReportedAtTheUsersCall() {
        StackTraceElement[] stack = {
                frame("java.lang.Object", "wait", 10),
                frame("dev.racetest.substitutes.ConditionMonitor", "awaitSignal", 20),
                frame("dev.racetest.substitutes.ControlledCondition", "await", 30),
                frame("dev.racetest.instrument.hooks.LockWaits", "await", 40),
                frame("com.acme.Stage", "awaitStage", 46),
                frame("com.acme.Stage", "run", 12)};

        assertThat(UserFrames.innermostCaller(stack)).isEqualTo(stack[4]);
    }

    @Test
    void aStackOfSubstitutesOnlyIsReportedAtItsInnermostOne() {
        StackTraceElement[] stack = {
                frame("java.util.concurrent.locks.LockSupport", "park", 10),
                frame("dev.racetest.substitutes.ForwardingBlockingQueue", "take", 20),
                frame("dev.racetest.substitutes.PoolThreadFactory", "run", 30)};

        assertThat(UserFrames.innermostCaller(stack)).isEqualTo(stack[1]);
    }

    @Test
    void aStackWithNoUserFrameHasNone() {
        assertThat(UserFrames.innermostCaller(new StackTraceElement[] {frame("java.lang.Thread", "run", 1)})).isNull();
    }

    @Test
    void aFrameReadsLikeASiteLocation() {
        assertThat(UserFrames.location(new StackTraceElement("com.acme.Outer$Inner", "call", "Outer.java", 42)))
                .isEqualTo("Outer$Inner.call(Outer.java:42)");
        assertThat(UserFrames.location(new StackTraceElement("com.acme.Gen", "call", null, -1)))
                .isEqualTo("Gen.call(Unknown Source)");
    }
}
