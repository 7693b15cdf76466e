package dev.racetest.scheduler.runtime;

import dev.racetest.instrument.hooks.SyncPointKind;
import dev.racetest.instrument.hooks.SyncSite;
import dev.racetest.instrument.hooks.SyncSites;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * Says, for an execution that ran out of steps, which threads kept looping, over which source lines,
 * and whether anything changed meanwhile, from the thread and site of its last steps (a window of at most
 * 64 steps, kept by {@link StepLog} without allocating).
 *
 * <p>The rules, kept simple so the report can be trusted:
 * <ul>
 *   <li>a thread <em>spins</em> when it took at least a quarter of the window's steps (so one thread
 *       alone, or two livelocked ones, but not a bystander that stepped once);</li>
 *   <li>its <em>loop</em> is the method its steps fell in most often, and the range of lines those steps
 *       covered: {@code Worker.run(Worker.java:14-18)};</li>
 *   <li>the program is <em>not progressing</em> when no step of the window wrote a field or array element
 *       and none made a call whose effect racetest cannot see (an atomic, a library call, a thread start...):
 *       reads, monitor enters and exits, yields and sleeps change nothing another iteration could see
 *       differently. When some step wrote, the writers are named: the threads are busy and may be making
 *       progress (a livelock, or a step bound too low). When the only possible changes are calls racetest
 *       cannot see into, it says it cannot tell.</li>
 * </ul>
 */
final class SpinReport {

    private static final int MOST = 3;

    /** The spinning threads with their loops, and whether the program progressed, as sentences. */
    record Spin(List<String> loops, String progress) {
    }

    private SpinReport() {
    }

    /**
     * Analyses the last {@code count} steps; entry {@code i} of the ring buffers is step {@code i}
     * modulo their length, and the last step was {@code lastStep}.
     */
    static Spin analyse(int[] sites, int[] threads, int lastStep, int count, IntFunction<String> threadLabel) {
        int mask = sites.length - 1;
        Map<Integer, Integer> stepsPerThread = new TreeMap<>();
        Map<Integer, Integer> writesPerThread = new TreeMap<>();
        boolean unseen = false;
        for (int i = 0; i < count; i++) {
            int slot = (lastStep - i) & mask;
            stepsPerThread.merge(threads[slot], 1, Integer::sum);
            if (sites[slot] < 0) {
                continue;
            }
            switch (effect(SyncSites.get(sites[slot]).kind())) {
                case WRITE -> writesPerThread.merge(threads[slot], 1, Integer::sum);
                case UNSEEN -> unseen = true;
                default -> {
                }
            }
        }
        List<String> loops = new ArrayList<>();
        for (Map.Entry<Integer, Integer> entry : stepsPerThread.entrySet()) {
            if (entry.getValue() * 4 >= count && entry.getKey() >= 0) {
                String loop = loopOf(sites, threads, lastStep, count, entry.getKey());
                loops.add(threadLabel.apply(entry.getKey()) + (loop == null ? " kept taking steps" : " loops in " + loop)
                        + " (" + entry.getValue() + " of the last " + count + " steps)");
            }
        }
        return new Spin(loops, progress(writesPerThread, unseen, count, threadLabel));
    }

    private static String progress(Map<Integer, Integer> writes, boolean unseen, int count,
                                   IntFunction<String> threadLabel) {
        if (!writes.isEmpty()) {
            List<String> writers = new ArrayList<>();
            writes.forEach((thread, times) -> writers.add(threadLabel.apply(thread) + " (" + times + ")"));
            return "the last " + count + " steps wrote memory (" + String.join(", ", writers) + "): the threads are"
                    + " busy and may be making progress, as in a livelock, or the step bound is too low";
        }
        if (unseen) {
            return "no step in the last " + count + " wrote a field or array element, but some made calls whose"
                    + " effect racetest cannot see (atomics, library calls), so it cannot tell whether the program"
                    + " progresses";
        }
        return "the program is not progressing: no thread wrote anything in the last " + count + " steps, the loop"
                + " only re-reads the same locations waiting for a value nobody writes";
    }

    /** The method a thread's steps fell in most often, with the range of lines they covered there. */
    private static String loopOf(int[] sites, int[] threads, int lastStep, int count, int thread) {
        int mask = sites.length - 1;
        Map<String, List<SyncSite>> byMethod = new LinkedHashMap<>();
        for (int i = count - 1; i >= 0; i--) {
            int slot = (lastStep - i) & mask;
            if (threads[slot] == thread && sites[slot] >= 0) {
                SyncSite site = SyncSites.get(sites[slot]);
                byMethod.computeIfAbsent(site.className() + "." + site.methodName(), key -> new ArrayList<>()).add(site);
            }
        }
        List<SyncSite> most = null;
        for (List<SyncSite> candidate : byMethod.values()) {
            if (most == null || candidate.size() > most.size()) {
                most = candidate;
            }
        }
        if (most == null) {
            return null;
        }
        int from = Integer.MAX_VALUE;
        int to = -1;
        for (SyncSite site : most) {
            if (site.line() >= 0) {
                from = Math.min(from, site.line());
                to = Math.max(to, site.line());
            }
        }
        SyncSite any = most.getFirst();
        String location = any.location(); // Class.method(File.java:line)
        if (to < 0) {
            return location;
        }
        String file = any.sourceFile() == null ? "Unknown Source" : any.sourceFile();
        String lines = from == to ? Integer.toString(from) : from + "-" + to;
        return location.substring(0, location.indexOf('(')) + "(" + file + ":" + lines + ")";
    }

    private enum Effect { NONE, WRITE, UNSEEN }

    private static Effect effect(SyncPointKind kind) {
        return switch (kind) {
            case FIELD_WRITE, VOLATILE_WRITE, ARRAY_WRITE -> Effect.WRITE;
            case FIELD_READ, VOLATILE_READ, ARRAY_READ, MONITOR_ENTER, MONITOR_EXIT, THREAD_YIELD, THREAD_SLEEP -> Effect.NONE;
            default -> Effect.UNSEEN;
        };
    }

    /** The sites the last {@code count} steps (ending at {@code lastStep}) returned to most often. */
    static List<String> mostFrequentLocations(int[] recentSites, int lastStep, int count) {
        int mask = recentSites.length - 1;
        Map<Integer, Integer> frequency = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            int site = recentSites[(lastStep - i) & mask];
            if (site >= 0) {
                frequency.merge(site, 1, Integer::sum);
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
