package dev.racetest.instrument.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.DecimalFormat;
import java.text.ListFormat;
import java.text.SimpleDateFormat;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Vector;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Which receiver classes API-level race detection tracks, and how. */
class ApiClassTests {

    /** A user's map: its own {@code put} is instrumented code, its inherited {@code get} is the JDK's. */
    static final class CountingMap extends HashMap<String, Integer> {
        @Override
        public Integer put(String key, Integer value) {
            return super.put(key, value);
        }
    }

    @Test
    void theJdksClassesThatAreNotThreadSafeAndTheirJdkSubclassesAreTracked() {
        for (Object tracked : List.of(new HashMap<>(), new LinkedHashMap<>(), new ArrayList<>(), new BitSet(),
                EnumSet.noneOf(DayOfWeek.class), new StringBuilder(), new SimpleDateFormat("yyyy"),
                new DecimalFormat("0.0"))) {
            assertThat(ApiClass.of(tracked.getClass()).kind()).as(tracked.getClass().getName()).isEqualTo(ApiClass.TRACKED);
        }
    }

    @Test
    void threadSafeImmutableAndWrappingClassesAreNot() {
        for (Object untracked : List.of(new ConcurrentHashMap<>(), new Vector<>(), new StringBuffer(), List.of(1),
                Map.of(), Collections.unmodifiableMap(new HashMap<>()), Collections.synchronizedList(new ArrayList<>()),
                ListFormat.getInstance(), "a string")) {
            assertThat(ApiClass.of(untracked.getClass()).kind()).as(untracked.getClass().getName()).isEqualTo(ApiClass.NONE);
        }
    }

    @Test
    void viewsAndIteratorsOfJavaUtilAreViewCandidates() {
        HashMap<String, Integer> map = new HashMap<>(Map.of("a", 1));
        for (Object view : List.of(map.keySet(), map.values(), map.entrySet().iterator(), map.entrySet().iterator().next(),
                new ArrayList<>(List.of(1)).subList(0, 1), new ArrayList<>().listIterator())) {
            assertThat(ApiClass.of(view.getClass()).kind()).as(view.getClass().getName()).isEqualTo(ApiClass.VIEW);
        }
        assertThat(ApiClass.of(Map.entry("a", 1).getClass()).kind()).isEqualTo(ApiClass.NONE);
    }

    @Test
    void aUsersSubclassCountsTheMethodsItDoesNotDeclare() {
        ApiClass subclass = ApiClass.of(CountingMap.class);

        assertThat(subclass.kind()).isEqualTo(ApiClass.SUBCLASS);
        assertThat(subclass.counts("get")).isTrue();
        assertThat(subclass.counts("put")).isFalse();
    }
}
