package dev.racetest.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.fixtures.instrument.MethodReferenceFixture;
import dev.racetest.instrument.hooks.Hooks;
import dev.racetest.instrument.hooks.PassThroughHandler;
import dev.racetest.instrument.hooks.SyncPointHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Run {@link MethodReferenceFixture} through the instrumenting loader and check that each method or
 * constructor reference does what the rewritten call would: reads the handler's clocks and seeds,
 * gives the substitute, calls the hook.
 */
class MethodReferenceRedirectionTests {

    /** Far from today, so a reference that still read the real clock would give another date. */
    private static final long MILLIS = 1_000_000_000_000L;
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private final Class<?> fixture = load();

    private static Class<?> load() {
        try {
            return Fixtures.newLoader().loadClass(MethodReferenceFixture.class.getName());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void unbind() {
        Hooks.unbind();
    }

    /** Call the fixture's static {@code method} with {@code handler} bound, or none when it is {@code null}. */
    private Object call(SyncPointHandler handler, String method, Object... arguments) throws Exception {
        Method target = Arrays.stream(fixture.getMethods())
                .filter(candidate -> candidate.getName().equals(method))
                .findFirst().orElseThrow();
        if (handler != null) {
            Hooks.bind(handler);
        }
        try {
            return target.invoke(null, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            Hooks.unbind();
        }
    }

    private static List<Object> objects(Object list) {
        return List.copyOf((List<?>) list);
    }

    @Test
    void clockReferencesReadTheVirtualClock() throws Exception {
        AnsweringHandler handler = new AnsweringHandler();
        handler.nanoTime = 123_456L;
        handler.currentTimeMillis = MILLIS;

        List<Object> reads = handler.call(() -> objects(call(null, "clocks", TOKYO)));

        Clock virtual = Clock.fixed(Instant.ofEpochMilli(MILLIS), ZoneId.systemDefault());
        assertThat(reads).containsExactly(123_456L, MILLIS, LocalDate.now(virtual), LocalDate.now(virtual.withZone(TOKYO)));
    }

    @Test
    void markedAndInterfaceReferencesAreRedirectedButSerializableOnesAreNot() throws Exception {
        AnsweringHandler handler = new AnsweringHandler();
        handler.nanoTime = 123_456L;

        long before = System.nanoTime();
        long[] reads = handler.call(() -> (long[]) call(null, "otherShapes"));
        long after = System.nanoTime();

        assertThat(reads[0]).isEqualTo(123_456L);
        assertThat(reads[1]).isEqualTo(123_456L);
        // Its serialized form names System.nanoTime, so it must stay a reference to it.
        assertThat(reads[2]).isBetween(before, after);
    }

    @Test
    void randomReferencesDrawFromTheHandlersSeeds() throws Exception {
        AnsweringHandler handler = new AnsweringHandler();
        handler.firstSeed = 42;

        List<Object> draws = handler.call(() -> objects(call(null, "randoms")));

        // Seeds are handed out in order: Random::new, SplittableRandom::new, then the thread's generator.
        Random threads = new Random(44);
        assertThat(draws).containsExactly(new Random(42).nextLong(), new SplittableRandom(43).nextLong(),
                threads.nextDouble(), threads.nextLong());
    }

    @Test
    void identityHashReferencesAskTheHandler() throws Exception {
        AnsweringHandler handler = new AnsweringHandler();
        Object object = new Object();

        int[] hashes = handler.call(() -> (int[]) call(null, "hashes", object));

        // An object keeps the code it was given first, so the handler is asked once.
        int answer = AnsweringHandler.hashAnswer(handler.hashBase, 0);
        assertThat(hashes).containsExactly(answer, answer);
        assertThat(handler.hashed).containsExactly(object);
    }

    @Test
    void newConditionReferenceGivesTheControlledCondition() throws Exception {
        Object condition = call(new PassThroughHandler().handler(), "condition", new ReentrantLock());

        assertThat(condition.getClass().getName()).isEqualTo("dev.racetest.substitutes.ControlledCondition");
    }

    @Test
    void threadConstructorReferenceReportsTheNewThread() throws Exception {
        List<Thread> created = new ArrayList<>();
        RecordingHandler recording = new RecordingHandler();
        SyncPointHandler handler = (SyncPointHandler) Proxy.newProxyInstance(SyncPointHandler.class.getClassLoader(),
                new Class<?>[] {SyncPointHandler.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("threadCreated")) {
                        created.add((Thread) arguments[0]);
                    }
                    try {
                        return method.invoke(recording, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });

        Thread thread = (Thread) call(handler, "thread", (Runnable) () -> { });

        assertThat(created).containsExactly(thread);
    }

    @Test
    void poolReferencesMakeControlledPools() throws Exception {
        @SuppressWarnings("unchecked")
        List<ExecutorService> pools = (List<ExecutorService>) call(new PassThroughHandler().handler(), "pools");

        assertThat(((ThreadPoolExecutor) pools.get(0)).getQueue().getClass().getName())
                .isEqualTo("dev.racetest.substitutes.ForwardingBlockingQueue");
        assertThat(pools.get(1).getClass().getName()).isEqualTo("dev.racetest.substitutes.ControlledScheduledExecutor");
        assertThat(((ThreadPoolExecutor) pools.get(2)).getQueue().getClass().getName())
                .isEqualTo("dev.racetest.substitutes.ForwardingBlockingQueue");
    }

    @Test
    void atomicReferenceIsASyncPointAtTheReferencesLine() throws Exception {
        RecordingHandler handler = new RecordingHandler();
        AtomicInteger counter = new AtomicInteger();

        assertThat(call(handler, "increment", counter)).isEqualTo(1);

        int line = Fixtures.line(MethodReferenceFixture.class, "increment");
        assertThat(handler.lines()).containsExactly("ATOMIC AtomicInteger.incrementAndGet @" + line);
        assertThat(handler.events().getFirst().subject()).isSameAs(counter);
    }

    @Test
    void uncontrolledReferencesDoWhatTheJdkDoes() throws Exception {
        LocalDate before = LocalDate.now();
        List<?> reads = (List<?>) call(null, "clocks", TOKYO);
        LocalDate after = LocalDate.now();
        Object condition = call(null, "condition", new ReentrantLock());

        assertThat((LocalDate) reads.get(2)).isBetween(before, after);
        assertThat(condition.getClass().getName())
                .isEqualTo("java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject");
    }

    @Test
    void rewrittenFixtureVerifies() {
        assertThat(Fixtures.verificationProblems(Fixtures.fullRewrite(MethodReferenceFixture.class))).isEmpty();
        assertThat(Fixtures.verificationProblems(Fixtures.fullRewrite(MethodReferenceFixture.Timed.class))).isEmpty();
    }
}
