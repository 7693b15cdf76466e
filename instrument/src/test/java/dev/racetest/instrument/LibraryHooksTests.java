package dev.racetest.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.instrument.hooks.BlockingCall;
import dev.racetest.instrument.hooks.Hooks;
import dev.racetest.instrument.hooks.LibraryHooks;
import dev.racetest.instrument.hooks.SyncPointKind;
import dev.racetest.instrument.hooks.SyncSites;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which receivers make the library hooks a preemption point. */
class LibraryHooksTests {

    private static final int SITE = SyncSites.register(SyncPointKind.LIBRARY_CALL, LibraryHooksTests.class.getName(),
            "test", null, -1, "Map.put").id();

    private final ScriptedWaitHandler handler = new ScriptedWaitHandler(BlockingCall.COMPLETED);

    @AfterEach
    void unbind() {
        Hooks.unbind();
        Hooks.setUncontrolledThreadListener(null);
    }

    @Test
    void collectionCallsArePreemptionPointsOnConcurrentCollectionsOnly() {
        ConcurrentHashMap<String, Integer> concurrent = new ConcurrentHashMap<>(Map.of("a", 1));
        Map<String, Integer> subclass = new ConcurrentHashMap<>() { };
        CopyOnWriteArrayList<String> list = new CopyOnWriteArrayList<>(List.of("x"));
        Hooks.bind(handler);

        LibraryHooks.collectionCall(concurrent, SITE);
        LibraryHooks.collectionCall(concurrent.keySet(), SITE);
        LibraryHooks.collectionCall(list.iterator(), SITE);
        LibraryHooks.collectionCall(subclass, SITE);
        LibraryHooks.collectionCall(new HashMap<>(), SITE);
        LibraryHooks.collectionCall(new ArrayList<>(), SITE);
        LibraryHooks.collectionCall(null, SITE);

        assertThat(handler.libraryCalls()).hasSize(4).startsWith(concurrent).endsWith(subclass);
    }

    @Test
    void interfaceCallsArePreemptionPointsWhenTheJdkRunsThem() {
        ReentrantLock lock = new ReentrantLock();
        Callable<Integer> own = () -> 1;
        Hooks.bind(handler);

        LibraryHooks.interfaceCall(lock, SITE);
        LibraryHooks.interfaceCall(lock.newCondition(), SITE);
        LibraryHooks.interfaceCall(own, SITE);

        assertThat(handler.libraryCalls()).hasSize(2).startsWith(lock);
    }

    @Test
    void libraryCallsAlwaysAre() {
        Hooks.bind(handler);

        LibraryHooks.libraryCall(null, SITE);

        assertThat(handler.libraryCalls()).containsExactly((Object) null);
    }

    @Test
    void uncontrolledThreadsAreReportedAtPreemptionPointsOnly() {
        List<Integer> reported = new ArrayList<>();
        Hooks.setUncontrolledThreadListener((thread, site) -> reported.add(site));

        LibraryHooks.collectionCall(new HashMap<>(), SITE);
        LibraryHooks.collectionCall(new ConcurrentHashMap<>(), SITE);
        LibraryHooks.libraryCall(null, SITE);

        assertThat(reported).containsExactly(SITE, SITE);
    }
}
