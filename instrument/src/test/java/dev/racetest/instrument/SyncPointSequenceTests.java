package dev.racetest.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.fixtures.instrument.Counter;
import dev.racetest.fixtures.instrument.SyncPoints;
import dev.racetest.fixtures.instrument.ThreadControlFixture;
import dev.racetest.instrument.hooks.Hooks;
import dev.racetest.instrument.hooks.SyncPointKind;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * Bind a {@link RecordingHandler} to the test thread and list, in order, the sync points that one
 * call of a rewritten fixture method passes, with the source lines its {@code // line:} markers name.
 */
class SyncPointSequenceTests {

    private final InstrumentingClassLoader loader = Fixtures.newLoader();
    private final RecordingHandler recorder = new RecordingHandler();

    @Test
    void synchronizedIncrementLocksReadsWritesAndUnlocks() throws Exception {
        Class<?> type = loader.loadClass(Counter.class.getName());
        Object counter = type.getConstructor().newInstance();

        record(() -> type.getMethod("increment").invoke(counter));

        int body = Fixtures.line(Counter.class, "increment");
        int exit = Fixtures.line(Counter.class, "increment-exit");
        assertThat(recorder.lines()).containsExactly(
                "MONITOR_ENTER synchronized Counter.increment @" + body,
                "FIELD_READ Counter.count @" + body,
                "FIELD_WRITE Counter.count @" + body,
                "MONITOR_EXIT synchronized Counter.increment @" + exit);
        assertThat(recorder.events()).allSatisfy(event -> assertThat(event.subject()).isSameAs(counter));
    }

    @Test
    void staticSynchronizedMethodLocksTheClass() throws Exception {
        Class<?> type = loader.loadClass(Counter.class.getName());

        Object holds = record(() -> type.getMethod("holdsClassLock").invoke(null));

        assertThat(holds).as("Thread.holdsLock answers from the handler").isEqualTo(true);
        assertThat(recorder.events()).extracting(RecordingHandler.Event::kind)
                .containsExactly(SyncPointKind.MONITOR_ENTER, SyncPointKind.MONITOR_EXIT);
        assertThat(recorder.events()).allSatisfy(event -> assertThat(event.subject()).isSameAs(type));
    }

    @Test
    void blockArrayAndAtomicAccessesAreListedInOrder() throws Exception {
        SyncPointsApi points = new SyncPointsApi(loader);
        int[] values = {0, 41};
        AtomicInteger counter = new AtomicInteger();

        record(() -> points.type.getMethod("mixed", int[].class, AtomicInteger.class)
                .invoke(points.instance, values, counter));

        assertThat(values[0]).isEqualTo(42);
        assertThat(recorder.lines()).containsExactly(
                "MONITOR_ENTER synchronized block in SyncPoints.mixed @" + line("mixed-enter"),
                "ARRAY_READ int[] @" + line("mixed-array"),
                "ARRAY_WRITE int[] @" + line("mixed-array"),
                "MONITOR_EXIT synchronized block in SyncPoints.mixed @" + line("mixed-exit"),
                "ATOMIC AtomicInteger.incrementAndGet @" + line("mixed-atomic"));
        assertThat(recorder.events().get(1).subject()).isSameAs(values);
        assertThat(recorder.events().get(4).subject()).isSameAs(counter);
    }

    @Test
    void volatileAndStaticFieldsAreDistinguished() throws Exception {
        SyncPointsApi points = new SyncPointsApi(loader);

        Object total = record(() -> points.type.getMethod("fields").invoke(points.instance));

        assertThat(total).as("total 6 + shared 1, plus size 6").isEqualTo(13L);
        assertThat(recorder.lines()).containsExactly(
                "VOLATILE_WRITE SyncPoints.ready @" + line("fields-volatile"),
                "FIELD_READ SyncPoints.total @" + line("fields-total"),
                "FIELD_READ SyncPoints.shared @" + line("fields-total"),
                "FIELD_WRITE SyncPoints.total @" + line("fields-total"),
                "FIELD_READ SyncPoints.total @" + line("fields-return"));
        assertThat(recorder.events().get(2).subject()).as("static field owner").isNull();
        assertThat(recorder.events().get(3).subject()).isSameAs(points.instance);
    }

    @Test
    void constructorAccessesBeforeSuperAreLeftAlone() throws Exception {
        SyncPointsApi points = new SyncPointsApi(loader);

        Object created = record(() -> points.type.getMethod("create", int.class).invoke(null, 3));

        assertThat(recorder.lines()).containsExactly("FIELD_WRITE SyncPoints.total @" + line("ctor-late"));
        assertThat(recorder.events().getFirst().subject()).isSameAs(created);
    }

    @Test
    void staticInitializerMemoryAccessesAreLeftAlone() throws Exception {
        record(() -> Class.forName(SyncPoints.class.getName(), true, loader));

        assertThat(recorder.events()).isEmpty();
        assertThat(recorder.initializers()).containsExactly("enter", "exit");
    }

    @Test
    void waitAndNotifyGoThroughTheHandler() throws Exception {
        SyncPointsApi points = new SyncPointsApi(loader);

        record(() -> points.type.getMethod("handshake").invoke(points.instance));

        assertThat(recorder.lines()).containsExactly(
                "MONITOR_ENTER synchronized block in SyncPoints.handshake @" + (line("handshake-notify") - 1),
                "NOTIFY_ALL Object.notifyAll @" + line("handshake-notify"),
                "WAIT Object.wait @" + line("handshake-wait"),
                "MONITOR_EXIT synchronized block in SyncPoints.handshake @" + (line("handshake-wait") + 1));
    }

    @Test
    void threadCallsGoThroughTheHandler() throws Exception {
        Class<?> type = loader.loadClass(ThreadControlFixture.class.getName());
        IntSupplier fixture = (IntSupplier) type.getConstructor().newInstance();

        Object result = record(fixture::getAsInt);

        assertThat(result).isEqualTo(127);
        assertThat(recorder.events()).extracting(RecordingHandler.Event::kind)
                .filteredOn(kind -> kind.name().startsWith("THREAD_"))
                .containsExactly(SyncPointKind.THREAD_START, SyncPointKind.THREAD_INTERRUPT,
                        SyncPointKind.THREAD_JOIN, SyncPointKind.THREAD_JOIN, SyncPointKind.THREAD_SLEEP,
                        SyncPointKind.THREAD_SLEEP, SyncPointKind.THREAD_SLEEP, SyncPointKind.THREAD_INTERRUPT);
    }

    private Object record(Callable<?> action) throws Exception {
        Hooks.bind(recorder);
        try {
            return action.call();
        } finally {
            Hooks.unbind();
        }
    }

    private static int line(String marker) {
        return Fixtures.line(SyncPoints.class, marker);
    }

    /** A {@code SyncPoints} built through the loader before recording starts, so set-up is not recorded. */
    private static final class SyncPointsApi {
        final Class<?> type;
        final Object instance;

        SyncPointsApi(ClassLoader loader) throws Exception {
            this.type = Class.forName(SyncPoints.class.getName(), true, loader);
            this.instance = type.getConstructor(int.class).newInstance(6);
        }
    }
}
