package dev.racetest.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.fixtures.instrument.IdentityFixture;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Run {@link IdentityFixture} rewritten, with identity hash codes from an {@link AnsweringHandler} and without one. */
class IdentityHashRewriterTests {

    private final InstrumentingClassLoader loader = Fixtures.newLoader();
    private final Class<?> fixture = load(IdentityFixture.class);

    private Class<?> load(Class<?> type) {
        try {
            return loader.loadClass(type.getName());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object run(AnsweringHandler handler, String method) throws Exception {
        return handler == null ? fixture.getMethod(method).invoke(null)
                : handler.call(() -> fixture.getMethod(method).invoke(null));
    }

    @Test
    void identityHashCodeHashCodeAndToStringAgreeOnTheHandlersAnswer() throws Exception {
        AnsweringHandler handler = new AnsweringHandler();

        Object hashes = run(handler, "keyHashes");

        int answer = AnsweringHandler.hashAnswer(1, 0);
        assertThat(handler.hashed).as("asked once, then remembered").hasSize(1);
        assertThat(hashes).isEqualTo(List.of(answer, answer, answer,
                IdentityFixture.Key.class.getName() + "@" + Integer.toHexString(answer)));
    }

    @Test
    void objectsOfClassesNotRewrittenHashThroughTheHandlerAtRewrittenCallSites() throws Exception {
        AnsweringHandler handler = new AnsweringHandler();

        int[] hashes = (int[]) run(handler, "foreignHashes");

        assertThat(hashes).containsExactly(AnsweringHandler.hashAnswer(1, 0), AnsweringHandler.hashAnswer(1, 1), 0);
    }

    @Test
    void methodReferencesHashThroughTheHandler() throws Exception {
        int[] hashes = (int[]) run(new AnsweringHandler(), "references");

        int lock = AnsweringHandler.hashAnswer(1, 0);
        int key = AnsweringHandler.hashAnswer(1, 1);
        assertThat(hashes).as("the bound key::hashCode stays, and reaches the synthetic override")
                .containsExactly(lock, lock, key, key);
    }

    @Test
    void declaredHashCodesAreKeptAndSuperHashCodeIsTheIdentityOne() throws Exception {
        AnsweringHandler handler = new AnsweringHandler();

        int[] hashes = (int[]) run(handler, "declaredHashes");

        assertThat(hashes).containsExactly(5, AnsweringHandler.hashAnswer(1, 0) + 1);
    }

    @Test
    void hashMapIterationOrderFollowsTheHandlersAnswers() throws Exception {
        AnsweringHandler first = new AnsweringHandler();
        AnsweringHandler second = new AnsweringHandler();
        AnsweringHandler otherAnswers = new AnsweringHandler();
        otherAnswers.hashBase = 1_000;

        Object order = run(first, "iterationOrder");

        assertThat(order).isEqualTo(expectedOrder(1, 50)).isNotEqualTo(expectedOrder(1_000, 50));
        assertThat(run(second, "iterationOrder")).isEqualTo(order);
        assertThat(run(otherAnswers, "iterationOrder")).isEqualTo(expectedOrder(1_000, 50));
    }

    /** Return the iteration order of a {@code HashMap} whose i-th key hashes to the i-th answer. */
    private static List<Integer> expectedOrder(int hashBase, int count) {
        record Hashed(int hash) {
            @Override
            public int hashCode() {
                return hash;
            }
        }
        Map<Hashed, Integer> map = new HashMap<>();
        for (int i = 0; i < count; i++) {
            map.put(new Hashed(AnsweringHandler.hashAnswer(hashBase, i)), i);
        }
        List<Integer> order = new ArrayList<>(map.values());
        assertThat(order).as("the answers scramble the order").isNotEqualTo(order.stream().sorted().toList());
        return order;
    }

    @Test
    void anObjectKeepsItsFirstHashCodeForLife() throws Exception {
        Object key = load(IdentityFixture.Key.class).getConstructor().newInstance();
        AnsweringHandler first = new AnsweringHandler();
        AnsweringHandler later = new AnsweringHandler();
        later.hashBase = 1_000;
        var hashesOf = fixture.getMethod("hashesOf", Object.class);

        int[] controlled = first.call(() -> (int[]) hashesOf.invoke(null, key));
        int[] inLaterExecution = later.call(() -> (int[]) hashesOf.invoke(null, key));
        int[] uncontrolled = (int[]) hashesOf.invoke(null, key);

        int answer = AnsweringHandler.hashAnswer(1, 0);
        assertThat(controlled).containsExactly(answer, answer);
        assertThat(inLaterExecution).containsExactly(answer, answer);
        assertThat(uncontrolled).containsExactly(answer, answer);
        assertThat(key.hashCode()).as("the JDK's call").isEqualTo(answer);
        assertThat(later.hashed).isEmpty();
    }

    @Test
    void uncontrolledThreadsGetTheJvmsIdentityHashCodes() throws Exception {
        Object key = load(IdentityFixture.Key.class).getConstructor().newInstance();
        Object lock = new Object();
        var hashesOf = fixture.getMethod("hashesOf", Object.class);

        int[] hashes = (int[]) hashesOf.invoke(null, key);
        int[] lockHashes = (int[]) hashesOf.invoke(null, lock);

        assertThat(hashes).containsExactly(System.identityHashCode(key), System.identityHashCode(key));
        assertThat(lockHashes).containsExactly(lock.hashCode(), lock.hashCode());
    }
}
