package dev.racetest.instrument;

import static java.util.concurrent.TimeUnit.NANOSECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.racetest.instrument.hooks.BlockingCall;
import dev.racetest.instrument.hooks.FutureWaits;
import dev.racetest.instrument.hooks.Hooks;
import dev.racetest.instrument.hooks.SyncPointKind;
import dev.racetest.instrument.hooks.SyncSites;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The future and executor wait hooks under a {@link ScriptedWaitHandler}, and uncontrolled. The executor
 * tests run real (uncontrolled) pool threads; a task that must still be running when the wait times out
 * waits on a latch released only afterwards, so every outcome is deterministic.
 */
@Timeout(30)
class FutureWaitsTests {

    private static final int SITE = SyncSites.register(SyncPointKind.BLOCKING_CALL, FutureWaitsTests.class.getName(),
            "test", null, -1, "Future.get").id();

    private final ExecutorService pool = new ThreadPoolExecutor(2, 2, 0, SECONDS, new LinkedBlockingQueue<>());
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void tearDown() {
        Hooks.unbind();
        Thread.interrupted();
        release.countDown();
        pool.shutdownNow();
    }

    private static ScriptedWaitHandler controlled(int ending) {
        ScriptedWaitHandler handler = new ScriptedWaitHandler(ending);
        Hooks.bind(handler);
        return handler;
    }

    private Callable<Object> blocked() {
        return () -> {
            release.await();
            return "late";
        };
    }

    @Test
    void getTimesOutWithTimeoutExceptionAndPassesAResultThrough() throws Exception {
        CompletableFuture<Object> future = new CompletableFuture<>();
        ScriptedWaitHandler handler = controlled(BlockingCall.TIMED_OUT);
        assertThatThrownBy(() -> FutureWaits.get(future, 2, SECONDS, SITE)).isInstanceOf(TimeoutException.class);
        assertThatThrownBy(() -> FutureWaits.get(new FutureTask<>(() -> 1), 2, SECONDS, SITE))
                .isInstanceOf(TimeoutException.class);
        assertThat(handler.begins()).extracting(ScriptedWaitHandler.Begin::timeoutNanos)
                .containsExactly(2_000_000_000L, 2_000_000_000L);
        assertThat(handler.ends()).isEqualTo(2);

        Hooks.unbind();
        controlled(BlockingCall.COMPLETED);
        future.complete("value");
        assertThat(FutureWaits.get(future, 2, SECONDS, SITE)).isEqualTo("value");
    }

    @Test
    void getStillThrowsOnARealInterrupt() {
        controlled(BlockingCall.COMPLETED);
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> FutureWaits.get(new CompletableFuture<>(), 2, SECONDS, SITE))
                .isInstanceOf(InterruptedException.class);
    }

    @Test
    void uncontrolledGetIsTheJdks() {
        assertThatThrownBy(() -> FutureWaits.get(new CompletableFuture<>(), 1, NANOSECONDS, SITE))
                .isInstanceOf(TimeoutException.class);
    }

    @Test
    void awaitTerminationTimesOutWithFalse() throws InterruptedException {
        controlled(BlockingCall.TIMED_OUT);
        assertThat(FutureWaits.awaitTermination(pool, 1, SECONDS, SITE)).isFalse();

        Hooks.unbind();
        controlled(BlockingCall.COMPLETED);
        pool.shutdown();
        assertThat(FutureWaits.awaitTermination(pool, 1, SECONDS, SITE)).isTrue();
    }

    @Test
    void invokeAllWaitsForEveryTask() throws Exception {
        ScriptedWaitHandler handler = controlled(BlockingCall.COMPLETED);

        List<Future<Object>> futures = FutureWaits.invokeAll(pool, List.of(() -> 1, () -> 2), 5, SECONDS, SITE);

        assertThat(futures).extracting(Future::get).containsExactly(1, 2);
        assertThat(handler.ends()).isEqualTo(handler.begins().size());
    }

    @Test
    void invokeAllThatTimesOutCancelsTheTasksNotDone() throws Exception {
        ScriptedWaitHandler handler = controlled(BlockingCall.TIMED_OUT);

        List<Future<Object>> futures = FutureWaits.invokeAll(pool, List.of(blocked(), blocked()), 5, SECONDS, SITE);

        assertThat(futures).hasSize(2).allSatisfy(future -> assertThat(future.isCancelled()).isTrue());
        assertThat(handler.begins()).as("the first wait timed out, the second was not needed")
                .extracting(ScriptedWaitHandler.Begin::timeoutNanos).containsExactly(5_000_000_000L);
    }

    @Test
    void invokeAnyReturnsAResult() throws Exception {
        controlled(BlockingCall.COMPLETED);

        assertThat(FutureWaits.invokeAny(pool, List.of(() -> "any"), 5, SECONDS, SITE)).isEqualTo("any");
    }

    @Test
    void invokeAnyOfFailingTasksThrowsTheirFailure() {
        controlled(BlockingCall.COMPLETED);
        Callable<Object> failing = () -> {
            throw new IllegalStateException("boom");
        };

        assertThatThrownBy(() -> FutureWaits.invokeAny(pool, List.of(failing, failing), 5, SECONDS, SITE))
                .isInstanceOf(ExecutionException.class).hasRootCauseMessage("boom");
    }

    @Test
    void invokeAnyThatTimesOutThrowsTimeoutException() {
        ScriptedWaitHandler handler = controlled(BlockingCall.TIMED_OUT);

        assertThatThrownBy(() -> FutureWaits.invokeAny(pool, List.of(blocked()), 5, SECONDS, SITE))
                .isInstanceOf(TimeoutException.class);
        assertThat(handler.begins()).singleElement().satisfies(begin -> {
            assertThat(begin.timeoutNanos()).isEqualTo(5_000_000_000L);
            assertThat(begin.target()).as("waits for the first completed task").isInstanceOf(LinkedBlockingQueue.class);
        });
    }

    @Test
    void uncontrolledInvokeAllIsTheJdks() throws Exception {
        List<Future<Object>> futures = FutureWaits.invokeAll(pool, List.of(() -> 3), 5, SECONDS, SITE);

        assertThat(futures).extracting(Future::get).containsExactly(3);
    }
}
