package dev.racetest.scheduler.runtime;

import dev.racetest.instrument.hooks.SyncSites;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Finds where a thread that ran out of steps was spinning, from the sites of its last steps. */
final class SpinReport {

    private static final int MOST = 3;

    private SpinReport() {
    }

    static List<String> mostFrequentLocations(int[] recentSites, int count) {
        Map<Integer, Integer> frequency = new HashMap<>();
        for (int i = 0; i < count; i++) {
            if (recentSites[i] >= 0) {
                frequency.merge(recentSites[i], 1, Integer::sum);
            }
        }
        List<Map.Entry<Integer, Integer>> entries = new ArrayList<>(frequency.entrySet());
        entries.sort(Map.Entry.<Integer, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<String> locations = new ArrayList<>();
        for (Map.Entry<Integer, Integer> entry : entries.subList(0, Math.min(MOST, entries.size()))) {
            var site = SyncSites.get(entry.getKey());
            locations.add(site.describe() + " at " + site.location() + " (" + entry.getValue() + " of the last " + count + " steps)");
        }
        return locations;
    }
}
