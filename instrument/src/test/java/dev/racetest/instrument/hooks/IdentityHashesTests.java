package dev.racetest.instrument.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Check that {@link IdentityHashes} hands out each object's first answer for good, under growth and contention. */
class IdentityHashesTests {

    /** A handler whose only answer is the next identity hash code, counting from {@code first}. */
    private static SyncPointHandler counting(int first, AtomicInteger asked) {
        return (SyncPointHandler) Proxy.newProxyInstance(SyncPointHandler.class.getClassLoader(),
                new Class<?>[] {SyncPointHandler.class}, (proxy, method, arguments) -> {
                    if (!method.getName().equals("identityHashCode")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return first + asked.getAndIncrement();
                });
    }

    @Test
    void everyObjectKeepsItsFirstAnswerThroughGrowth() {
        AtomicInteger asked = new AtomicInteger();
        SyncPointHandler first = counting(1_000_000, asked);
        SyncPointHandler second = counting(-1, new AtomicInteger());
        List<Object> objects = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            objects.add(new Object());
        }

        for (int i = 0; i < objects.size(); i++) {
            assertThat(IdentityHashes.of(objects.get(i), first)).isEqualTo(1_000_000 + i);
        }
        for (int i = 0; i < objects.size(); i++) {
            assertThat(IdentityHashes.of(objects.get(i), second)).isEqualTo(1_000_000 + i);
            assertThat(IdentityHashes.of(objects.get(i), null)).isEqualTo(1_000_000 + i);
        }
        assertThat(asked).hasValue(objects.size());
    }

    @Test
    void withoutAHandlerTheFirstAnswerIsTheJvmsAndSticks() {
        Object object = new Object();

        int uncontrolled = IdentityHashes.of(object, null);
        int later = IdentityHashes.of(object, counting(5, new AtomicInteger()));

        assertThat(uncontrolled).isEqualTo(System.identityHashCode(object));
        assertThat(later).isEqualTo(uncontrolled);
    }

    @Test
    void racingThreadsAgreeOnEveryAnswer() throws InterruptedException {
        List<Object> objects = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            objects.add(new Object());
        }
        int[][] seen = new int[4][objects.size()];
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < seen.length; t++) {
            int[] mine = seen[t];
            SyncPointHandler handler = counting(t * 1_000_000, new AtomicInteger());
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < mine.length; i++) {
                    mine[i] = IdentityHashes.of(objects.get(i), handler);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }

        for (int t = 1; t < seen.length; t++) {
            assertThat(seen[t]).containsExactly(seen[0]);
        }
    }
}
