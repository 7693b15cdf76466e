package dev.racetest.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.fixtures.instrument.ExecutorFixture;
import dev.racetest.instrument.hooks.Hooks;
import dev.racetest.instrument.hooks.PassThroughHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Run {@link ExecutorFixture} through the instrumenting loader: on a plain thread it must get exactly
 * the JDK's executors, and on a thread that looks controlled (a {@link PassThroughHandler}, whose hooks
 * keep the JDK's behaviour, so everything runs for real) the controlled ones, which must behave the
 * same.
 */
@Timeout(60)
class ExecutorSubstitutionTests {

    private static final ThreadFactory FACTORY = task -> new Thread(task, "from-the-user");
    private static final RejectedExecutionHandler HANDLER = new ThreadPoolExecutor.DiscardPolicy();

    /** A fresh loader per test, so the substitutes' statics (pool numbers) start afresh, as per execution. */
    private final Object fixture = newFixture();
    private final PassThroughHandler passThrough = new PassThroughHandler();
    /** When set, every fixture call runs with {@link #passThrough} bound. */
    private boolean controlled;

    private static Object newFixture() {
        try {
            return Fixtures.newLoader().loadClass(ExecutorFixture.class.getName()).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object call(String method, Object... arguments) throws Exception {
        Method target = Arrays.stream(fixture.getClass().getMethods())
                .filter(candidate -> candidate.getName().equals(method))
                .findFirst().orElseThrow();
        if (controlled) {
            Hooks.bind(passThrough.handler());
        }
        try {
            return target.invoke(fixture, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            Hooks.unbind();
        }
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> callForList(String method, Object... arguments) throws Exception {
        return (List<T>) call(method, arguments);
    }

    private static void shutDown(List<?> executors) {
        for (Object executor : executors) {
            if (executor instanceof ExecutorService service) {
                service.shutdownNow();
            }
        }
    }

    private static List<String> names(List<?> objects) {
        return objects.stream().map(object -> object.getClass().getName()).toList();
    }

    @AfterEach
    void unbind() {
        Hooks.unbind();
    }

    @Nested
    class Uncontrolled {

        @Test
        void factoriesReturnTheJdkExecutors() throws Exception {
            List<Object> made = callForList("factories", FACTORY);
            try {
                assertThat(names(made)).containsExactly(
                        ThreadPoolExecutor.class.getName(),
                        ThreadPoolExecutor.class.getName(),
                        "java.util.concurrent.Executors$AutoShutdownDelegatedExecutorService",
                        ScheduledThreadPoolExecutor.class.getName(),
                        "java.util.concurrent.Executors$DelegatedScheduledExecutorService",
                        "java.util.concurrent.ThreadPerTaskExecutor",
                        ForkJoinPool.class.getName(),
                        "java.util.concurrent.Executors$DefaultThreadFactory");
                assertThat(((ThreadPoolExecutor) made.get(1)).getThreadFactory()).isSameAs(FACTORY);
            } finally {
                shutDown(made);
            }
        }

        @Test
        void constructorsGetTheJdkArgumentsAndScheduledPoolsStayJdkPools() throws Exception {
            List<ExecutorService> made = callForList("constructors", FACTORY, HANDLER);
            try {
                List<ThreadPoolExecutor> pools = made.stream().map(ThreadPoolExecutor.class::cast).toList();
                assertThat(pools.subList(0, 4)).allSatisfy(pool ->
                        assertThat(pool.getQueue()).isInstanceOf(LinkedBlockingQueue.class));
                assertThat(pools.get(0).getThreadFactory().getClass().getName())
                        .isEqualTo("java.util.concurrent.Executors$DefaultThreadFactory");
                assertThat(pools.get(1).getThreadFactory()).isSameAs(FACTORY);
                assertThat(pools.get(2).getRejectedExecutionHandler()).isSameAs(HANDLER);
                assertThat(pools.get(3).getThreadFactory()).isSameAs(FACTORY);
                assertThat(pools.get(3).getRejectedExecutionHandler()).isSameAs(HANDLER);
                assertThat(pools.get(4).getClass().getName())
                        .isEqualTo("dev.racetest.substitutes.ControlledScheduledExecutor");
                assertThat(pools.get(4).getQueue().getClass().getName())
                        .isEqualTo("java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue");
                assertThat(pools.get(5).getCorePoolSize()).isEqualTo(2);
                assertThat(pools.get(5).getThreadFactory()).isSameAs(FACTORY);
            } finally {
                shutDown(made);
            }
        }

        @Test
        void poolsComputeAsTheJdkDoes() throws Exception {
            assertThat(callForList("fixedPool")).first().isEqualTo(42);
            assertThat(call("countingPool")).isEqualTo(2);
            assertThat(callForList("threadPerTask")).containsExactly(0, 10, 20, 1, true);
        }

        @Test
        void scheduledPoolsScheduleAsTheJdkDoes() throws Exception {
            List<Object> scheduled = callForList("scheduledPool");
            assertThat(scheduled.getFirst()).asString().matches("pool-\\d+-thread-1");
            assertThat(scheduled.subList(1, scheduled.size())).containsExactly(true, false, 1, true, true, false);
            assertThat(callForList("periodicTask")).containsExactly(true, true, false, true, true, true);
        }

        @Test
        void buildersStartThreads() throws Exception {
            AtomicCounter ran = new AtomicCounter();

            assertThat(callForList("builders", ran)).containsExactly("", "platform-built", "virtual-built");
            assertThat(ran.count()).isEqualTo(3);
        }

        @Test
        void closeTerminatesJdkExecutors() throws Exception {
            ExecutorService service = Executors.newFixedThreadPool(1);
            ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
            service.execute(() -> { });
            pool.execute(() -> { });

            call("closeAll", service, pool);

            assertThat(service.isTerminated()).isTrue();
            assertThat(pool.isTerminated()).isTrue();
        }
    }

    @Nested
    class Controlled {

        Controlled() {
            controlled = true;
        }

        @Test
        void factoriesReturnControlledExecutors() throws Exception {
            List<Object> made = callForList("factories", FACTORY);
            try {
                assertThat(names(made)).containsExactly(
                        ThreadPoolExecutor.class.getName(),
                        ThreadPoolExecutor.class.getName(),
                        "java.util.concurrent.Executors$DelegatedExecutorService",
                        "dev.racetest.substitutes.ControlledScheduledExecutor",
                        "java.util.concurrent.Executors$DelegatedScheduledExecutorService",
                        "dev.racetest.substitutes.ControlledThreadPerTaskExecutor",
                        "dev.racetest.substitutes.ControlledForkJoinPool",
                        "dev.racetest.substitutes.PoolThreadFactory");
                ThreadPoolExecutor fixed = (ThreadPoolExecutor) made.getFirst();
                assertThat(fixed.getQueue().getClass().getSimpleName()).isEqualTo("ForwardingBlockingQueue");
                assertThat(fixed.getThreadFactory().getClass().getSimpleName()).isEqualTo("ControlledThreadFactory");
                assertThat(((ForkJoinPool) made.get(6)).getAsyncMode()).isTrue();
                assertThat(((ForkJoinPool) made.get(6)).getParallelism()).isEqualTo(2);
            } finally {
                shutDown(made);
            }
        }

        @Test
        void constructorsGetControlledArgumentsAndKeepTheHandler() throws Exception {
            List<ExecutorService> made = callForList("constructors", FACTORY, HANDLER);
            try {
                List<ThreadPoolExecutor> pools = made.stream().map(ThreadPoolExecutor.class::cast).toList();
                assertThat(pools.subList(0, 4)).allSatisfy(pool -> {
                    assertThat(pool.getQueue().getClass().getSimpleName()).isEqualTo("ForwardingBlockingQueue");
                    assertThat(pool.getThreadFactory().getClass().getSimpleName()).isEqualTo("ControlledThreadFactory");
                });
                assertThat(pools.get(2).getRejectedExecutionHandler()).isSameAs(HANDLER);
                assertThat(pools.get(3).getRejectedExecutionHandler()).isSameAs(HANDLER);
                assertThat(pools.get(4).getClass().getName())
                        .isEqualTo("dev.racetest.substitutes.ControlledScheduledExecutor");
                assertThat(pools.get(4).getThreadFactory().getClass().getSimpleName()).isEqualTo("PoolThreadFactory");
                assertThat(pools.get(5).getThreadFactory()).isSameAs(FACTORY);
            } finally {
                shutDown(made);
            }
        }

        @Test
        void fixedPoolWorkersAreAdoptedAndNumberedWithinTheExecution() throws Exception {
            List<Object> result = callForList("fixedPool");

            assertThat(result.getFirst()).isEqualTo(42);
            assertThat(result.get(1)).asString().matches("pool-1-thread-[12]");
            assertThat(passThrough.adopted()).extracting(Thread::getName)
                    .containsExactly("pool-1-thread-1", "pool-1-thread-2");
        }

        @Test
        void poolSubclassGetsAdoptedWorkersAndStillRunsItsHooks() throws Exception {
            assertThat(call("countingPool")).isEqualTo(2);
            assertThat(passThrough.adopted()).extracting(Thread::getName).containsExactly("pool-1-thread-1");
        }

        @Test
        void scheduledPoolRunsItsOwnWorkersWithTheJdkSemantics() throws Exception {
            List<Object> scheduled = callForList("scheduledPool");

            assertThat(scheduled).containsExactly("pool-1-thread-1", true, false, 1, true, true, false);
            assertThat(passThrough.started()).extracting(Thread::getName).containsExactly("pool-1-thread-1");
            assertThat(passThrough.adopted()).isEmpty();
        }

        @Test
        void periodicTasksRepeatCancelAndLeaveTheQueue() throws Exception {
            assertThat(callForList("periodicTask")).containsExactly(true, true, false, true, true, true);
        }

        @Test
        void threadPerTaskStartsOneVirtualThreadPerTaskAndCloseWaitsForThem() throws Exception {
            assertThat(callForList("threadPerTask")).containsExactly(0, 10, 20, 1, true);
            assertThat(passThrough.started()).hasSize(4).allMatch(Thread::isVirtual);
        }

        @Test
        void buildersStartThroughTheStartHook() throws Exception {
            AtomicCounter ran = new AtomicCounter();

            assertThat(callForList("builders", ran)).containsExactly("", "platform-built", "virtual-built");
            assertThat(ran.count()).isEqualTo(3);
            assertThat(passThrough.started()).extracting(Thread::getName)
                    .containsExactly("", "platform-built", "virtual-built");
        }

        @Test
        void closeOfJdkExecutorsWaitsInInstrumentedCode() throws Exception {
            ExecutorService service = Executors.newFixedThreadPool(1);
            ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
            service.execute(() -> { });
            pool.execute(() -> { });

            call("closeAll", service, pool);

            assertThat(service.isTerminated()).isTrue();
            assertThat(pool.isTerminated()).isTrue();
            assertThat(passThrough.adopted()).extracting(Thread::getName).containsExactly("pool-1-thread-1");
            // The waits for termination were call sites in instrumented code, which can run on virtual time.
            assertThat(passThrough.waitedOn()).contains(service, pool);
        }
    }

    /** A task that counts its runs; a {@code Runnable} from the parent loader, so the fixture can take it. */
    static final class AtomicCounter implements Runnable {
        private final AtomicInteger runs = new AtomicInteger();

        @Override
        public void run() {
            runs.incrementAndGet();
        }

        int count() {
            return runs.get();
        }
    }
}
