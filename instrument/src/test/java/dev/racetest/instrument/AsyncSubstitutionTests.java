package dev.racetest.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.racetest.fixtures.instrument.AsyncFixture;
import dev.racetest.substitutes.ControlledForkJoinPool;
import dev.racetest.substitutes.ControlledTimer;
import dev.racetest.substitutes.TimerTaskStates;
import java.util.TimerTask;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Run the fork/join, async and timer substitutes outside racetest's control, where they must be the
 * JDK: {@link AsyncFixture} loaded through the instrumenting loader computes what the original computes,
 * on the JDK's own threads, and the substitute classes used directly answer as the JDK's.
 */
@Timeout(60)
class AsyncSubstitutionTests {

    /** Every check of {@link AsyncFixture} holds: 8 bits for each of its first three parts, 4 for the last. */
    private static final int EVERY_CHECK = 0xF_FF_FF_FF;

    @Test
    void instrumentedFixtureComputesWhatTheOriginalDoesOnTheJdksThreads() throws Exception {
        Class<?> instrumented = Fixtures.newLoader().loadClass(AsyncFixture.class.getName());
        assertThat(instrumented).isNotSameAs(AsyncFixture.class);

        int original = new AsyncFixture().getAsInt();
        int rewritten = ((IntSupplier) instrumented.getConstructor().newInstance()).getAsInt();

        assertThat(Integer.toBinaryString(original)).isEqualTo(Integer.toBinaryString(EVERY_CHECK));
        assertThat(Integer.toBinaryString(rewritten)).isEqualTo(Integer.toBinaryString(EVERY_CHECK));
    }

    @Test
    void uncontrolledPoolIsTheJdksPool() {
        ControlledForkJoinPool pool = new ControlledForkJoinPool(3);
        try {
            boolean[] inPool = new boolean[1];
            pool.invoke(new RecursiveAction() {
                @Override
                protected void compute() {
                    inPool[0] = ForkJoinTask.inForkJoinPool() && ForkJoinTask.getPool() == pool;
                }
            });
            assertThat(inPool[0]).isTrue();
            assertThat(pool.getParallelism()).isEqualTo(3);
            assertThat(pool.toString()).startsWith(ControlledForkJoinPool.class.getName() + "@").contains("Running");
        } finally {
            pool.shutdownNow();
        }
        assertThat(pool.isShutdown()).isTrue();
    }

    @Test
    void uncontrolledTimerIsTheJdksTimer() {
        ControlledTimer timer = new ControlledTimer("uncontrolled", true);
        TimerTask task = new TimerTask() {
            @Override
            public void run() {
            }
        };
        timer.schedule(task, 3_600_000);

        assertThat(TimerTaskStates.scheduledExecutionTime(task)).isEqualTo(task.scheduledExecutionTime()).isPositive();
        assertThat(TimerTaskStates.cancel(task)).isTrue();
        assertThat(TimerTaskStates.cancel(task)).isFalse();
        assertThat(timer.purge()).isOne();
        timer.cancel();
        assertThatThrownBy(() -> timer.schedule(task, 0)).isInstanceOf(IllegalStateException.class)
                .hasMessage("Timer already cancelled.");
    }
}
