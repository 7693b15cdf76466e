package dev.racetest.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.fixtures.instrument.ConditionFixture;
import dev.racetest.instrument.hooks.Hooks;
import dev.racetest.instrument.hooks.PassThroughHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Run {@link ConditionFixture} through the instrumenting loader: on a plain thread every condition is
 * the JDK's, and on a thread that looks controlled (a {@link PassThroughHandler}, so everything still
 * runs for real) the conditions of JDK locks are the instrumented {@code ControlledCondition}, which
 * the lock's queries answer for and which hands off like the JDK's.
 */
@Timeout(60)
class ConditionSubstitutionTests {

    private static final String CONTROLLED = "dev.racetest.substitutes.ControlledCondition";
    private static final String JDK = "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject";

    private final Object fixture = newFixture();
    private final PassThroughHandler passThrough = new PassThroughHandler();

    private static Object newFixture() {
        try {
            return Fixtures.newLoader().loadClass(ConditionFixture.class.getName()).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object call(boolean controlled, String method, Object... arguments) throws Exception {
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

    /** The lock subclass as the instrumenting loader defines it, which is what the fixture's method takes. */
    private Lock ownLock() throws ReflectiveOperationException {
        return (Lock) fixture.getClass().getClassLoader().loadClass(ConditionFixture.OwnLock.class.getName())
                .getConstructor().newInstance();
    }

    private List<String> conditionClasses(boolean controlled) throws Exception {
        List<?> made = (List<?>) call(controlled, "newConditions", new ReentrantLock(), new ReentrantReadWriteLock(),
                new ReentrantLock(), ownLock());
        return made.stream().map(condition -> condition.getClass().getName()).toList();
    }

    @AfterEach
    void unbind() {
        Hooks.unbind();
    }

    @Test
    void uncontrolledConditionsAreTheJdks() throws Exception {
        assertThat(conditionClasses(false)).containsExactly(JDK,
                "java.util.concurrent.locks.AbstractQueuedLongSynchronizer$ConditionObject", JDK, JDK);
    }

    @Test
    void controlledConditionsOfJdkLocksAreSubstitutedAndASubclassKeepsTheJdks() throws Exception {
        assertThat(conditionClasses(true)).containsExactly(CONTROLLED, CONTROLLED, CONTROLLED, JDK);
    }

    @Test
    void aControlledConditionIsTheInstrumentedOne() throws Exception {
        List<?> made = (List<?>) call(true, "newConditions", new ReentrantLock(), new ReentrantReadWriteLock(),
                new ReentrantLock(), ownLock());

        assertThat(made.getFirst().getClass().getClassLoader()).isSameAs(fixture.getClass().getClassLoader());
    }

    @Test
    void aMethodReferenceGivesTheControlledConditionToo() throws Exception {
        Supplier<?> reference = (Supplier<?>) call(true, "reference", new ReentrantLock());

        Hooks.bind(passThrough.handler());
        assertThat(reference.get().getClass().getName()).isEqualTo(CONTROLLED);
    }

    @Test
    void theLocksQueriesAnswerForControlledConditions() throws Exception {
        ReentrantLock lock = new ReentrantLock();
        ReentrantReadWriteLock readWrite = new ReentrantReadWriteLock();
        List<?> made = (List<?>) call(true, "newConditions", lock, readWrite, new ReentrantLock(), ownLock());

        Object answers = call(true, "queries", lock, made.get(0), readWrite, made.get(1));

        assertThat(answers).isEqualTo(List.of(false, 0, false, 0));
    }

    @Test
    void theLocksQueriesStillAnswerForTheJdksConditions() throws Exception {
        ReentrantLock lock = new ReentrantLock();
        ReentrantReadWriteLock readWrite = new ReentrantReadWriteLock();
        Condition condition = lock.newCondition();
        Condition writeCondition = readWrite.writeLock().newCondition();

        Object answers = call(true, "queries", lock, condition, readWrite, writeCondition);

        assertThat(answers).isEqualTo(List.of(false, 0, false, 0));
    }

    @Test
    void aControlledConditionHandsOffToAWaitingThread() throws Exception {
        List<?> seen = (List<?>) call(true, "handOff");

        assertThat(seen.getFirst().getClass().getName()).isEqualTo(CONTROLLED);
        assertThat(seen.subList(1, seen.size())).as("flag seen, lock held").isEqualTo(List.of(true, true));
    }

    @Test
    void anUncontrolledHandOffUsesTheJdksCondition() throws Exception {
        List<?> seen = (List<?>) call(false, "handOff");

        assertThat(seen.getFirst().getClass().getName()).isEqualTo(JDK);
        assertThat(seen.subList(1, seen.size())).isEqualTo(List.of(true, true));
    }
}
