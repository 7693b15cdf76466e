package dev.racetest.substitutes;

import dev.racetest.instrument.hooks.Hooks;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

/**
 * Stand in for {@code ExecutorService.close()} at rewritten call sites.
 *
 * <p>The JDK's {@code close()} waits with {@code awaitTermination(1, DAYS)} from inside the JDK, on
 * the real clock and out of reach of the rewriting that puts timed waits on virtual time. So when the
 * calling thread is controlled and the receiver's {@code close()} is the JDK's, the same algorithm runs
 * here, in instrumented code: shut down, wait for termination (a call site the timed-call rewriting
 * sees), and on an interrupt shut down now and keep waiting, re-asserting the interrupt at the end. A
 * {@code close()} of the user's own, or of racetest's controlled executors, is instrumented already
 * and is called as is, as is every {@code close()} on an uncontrolled thread and that of a JDK
 * {@code ForkJoinPool} (whose threads racetest cannot control anyway; the controlled pools that stand
 * in for it are not JDK classes).
 */
public final class ExecutorClosing {

    /** Whether a class's public {@code close()} is implemented by the JDK. */
    private static final ClassValue<Boolean> JDK_CLOSE = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            try {
                return isJdkClass(type.getMethod("close").getDeclaringClass());
            } catch (NoSuchMethodException e) {
                return false;
            }
        }
    };

    private ExecutorClosing() {
    }

    /** Replaces {@code executor.close()}. */
    public static void close(ExecutorService executor) {
        // A JDK ForkJoinPool is closed by the JDK: its close() of the common pool does nothing, and the
        // pools racetest controls are not JDK classes.
        if (Hooks.boundHandler() == null || !JDK_CLOSE.get(executor.getClass()) || executor instanceof ForkJoinPool) {
            executor.close();
            return;
        }
        boolean terminated = executor.isTerminated();
        if (terminated) {
            return;
        }
        executor.shutdown();
        boolean interrupted = false;
        while (!terminated) {
            try {
                terminated = executor.awaitTermination(1L, TimeUnit.DAYS);
            } catch (InterruptedException e) {
                if (!interrupted) {
                    executor.shutdownNow();
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isJdkClass(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        return loader == null || loader == ClassLoader.getPlatformClassLoader();
    }
}
