package dev.racetest.scheduler.strategy;

import dev.racetest.instrument.hooks.SyncSite;
import dev.racetest.scheduler.Choice;
import dev.racetest.scheduler.Operation;
import dev.racetest.scheduler.Operation.Access;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link SurwStrategy} learns from one execution for the next: which instructions touch
 * conflicting locations (their steps are the interesting events), how many such events each thread
 * performs, and which thread starts which; and, during an execution, how many each thread has left.
 *
 * <p>An <b>interesting event</b> is a step that reads, writes or synchronises on a location
 * ({@link Access#READ}, {@link Access#WRITE}, {@link Access#SYNC}) at an instruction (its
 * {@link SyncSite}) that, in an earlier execution, touched a location another thread also touched, with
 * a write or a monitor on both sides; an instruction no earlier execution reached counts as
 * interesting, so the first execution treats every such step as interesting. Instructions, not
 * locations, carry the lesson over, because location numbers depend on the order objects are first
 * mentioned, which changes with the schedule. Steps with no location (starts, yields, joins, steps
 * resuming inside the JDK) are never interesting.
 *
 * <p>A thread is known by its id (ids follow creation order, so it is the same thread in most tests).
 * Its <b>own expected events</b> sum, over the instructions interesting now, the most steps it took at
 * that instruction in one earlier execution: kept per instruction because what is interesting is
 * learned as executions go. A thread stands for the threads it has yet to start as well (its parent is
 * the thread that ran the step before its first appearance), since running it is what brings their
 * events about: its <b>remaining events</b> are its own expected events minus those performed, plus the
 * expected events (own and descendants') of its children not yet started. A thread id no earlier
 * execution had is expected to be as long as the longest known thread (1 when none is known).
 */
final class InterestingEvents {

    // Learned from earlier executions.
    private final BitSet seenSites = new BitSet();
    private final BitSet conflictingSites = new BitSet();
    /** Per thread id: the most steps with a location it took at each site id in one earlier execution. */
    private final List<Map<Integer, Integer>> mostStepsPerSite = new ArrayList<>();
    /** Per thread id: the thread that started it in the latest execution that had it; -1 for the test body. */
    private int[] parents = new int[0];
    private int[] ownExpected = new int[0];
    /** Per thread id: its own expected events plus those of every thread it starts, directly or not. */
    private int[] treeExpected = new int[0];
    private int longestThread = 1;

    // The current execution.
    private final BitSet sitesNow = new BitSet();
    /** What the execution did to each location, by {@link Operation#location()}; iterated only to merge into bit sets. */
    private final HashMap<Long, LocationUse> locations = new HashMap<>();
    private final List<Map<Integer, Integer>> stepsPerSite = new ArrayList<>();
    private final BitSet started = new BitSet();
    private int[] parentsNow = new int[8];
    private int[] performed = new int[8];
    /** Per thread id: expected events of its children (and their descendants) not started yet. */
    private int[] unstartedChildren = new int[0];

    /** Folds the execution that just ended (if any) into what is known and prepares a new one. */
    void beginExecution() {
        learnFrom(this);
        sitesNow.clear();
        locations.clear();
        stepsPerSite.clear();
        started.clear();
        Arrays.fill(performed, 0);
    }

    /**
     * Folds the execution {@code ran} just ran (this one, or a fork of it) into what is known, and
     * works out again what each thread is expected to do.
     */
    void learnFrom(InterestingEvents ran) {
        seenSites.or(ran.sitesNow);
        for (LocationUse use : ran.locations.values()) {
            if (use.conflicting()) {
                conflictingSites.or(use.sites);
            }
        }
        for (int thread = 0; thread < ran.stepsPerSite.size(); thread++) {
            if (thread == mostStepsPerSite.size()) {
                mostStepsPerSite.add(new HashMap<>());
            }
            Map<Integer, Integer> most = mostStepsPerSite.get(thread);
            ran.stepsPerSite.get(thread).forEach((site, steps) -> most.merge(site, steps, Math::max));
        }
        int known = mostStepsPerSite.size();
        int previouslyKnown = parents.length;
        parents = Arrays.copyOf(parents, known);
        for (int thread = 0; thread < known; thread++) {
            if (ran.started.get(thread)) {
                parents[thread] = ran.parentsNow[thread];
            } else if (thread >= previouslyKnown) {
                parents[thread] = -1;
            }
        }
        ownExpected = new int[known];
        longestThread = 1;
        for (int thread = 0; thread < known; thread++) {
            for (Map.Entry<Integer, Integer> site : mostStepsPerSite.get(thread).entrySet()) {
                if (isInteresting(site.getKey())) {
                    ownExpected[thread] += site.getValue();
                }
            }
            longestThread = Math.max(longestThread, ownExpected[thread]);
        }
        treeExpected = ownExpected.clone();
        unstartedChildren = new int[known];
        for (int thread = known - 1; thread >= 0; thread--) { // children have higher ids than their parents
            int parent = parents[thread];
            if (parent >= 0 && parent < thread) {
                treeExpected[parent] += treeExpected[thread];
                unstartedChildren[parent] += treeExpected[thread];
            }
        }
    }

    /** Returns a copy that knows what this one has learned, to run an execution elsewhere ({@link dev.racetest.scheduler.Strategy#fork()}). */
    InterestingEvents forkLearned() {
        InterestingEvents copy = new InterestingEvents();
        copy.seenSites.or(seenSites);
        copy.conflictingSites.or(conflictingSites);
        for (Map<Integer, Integer> most : mostStepsPerSite) {
            copy.mostStepsPerSite.add(new HashMap<>(most));
        }
        copy.parents = parents.clone();
        copy.ownExpected = ownExpected.clone();
        copy.treeExpected = treeExpected.clone();
        copy.unstartedChildren = unstartedChildren.clone();
        copy.longestThread = longestThread;
        return copy;
    }

    /** Notes the candidates of a decision; one seen for the first time was started by the previous step's thread. */
    void sawCandidates(Choice choice) {
        for (int position = 0; position < choice.size(); position++) {
            int thread = choice.threadId(position);
            if (!started.get(thread)) {
                started.set(thread);
                parentsNow = grow(parentsNow, thread);
                parentsNow[thread] = choice.previousThreadId();
                if (thread < parents.length && parents[thread] >= 0) {
                    unstartedChildren[parents[thread]] -= treeExpected[thread];
                }
            }
        }
    }

    /**
     * Records the step the candidate at {@code position} is about to take, and returns whether it is an
     * interesting event.
     */
    boolean stepTaken(Choice choice, int position) {
        sawCandidates(choice);
        int thread = choice.threadId(position);
        while (stepsPerSite.size() <= thread) {
            stepsPerSite.add(new HashMap<>()); // a thread that took a step is known, located steps or not
        }
        SyncSite site = choice.pendingSite(position);
        Operation operation = choice.operation(position);
        if (site == null || !hasLocation(operation.access())) {
            return false;
        }
        sitesNow.set(site.id());
        locations.computeIfAbsent(operation.location(), ignored -> new LocationUse()).record(operation, site.id());
        stepsPerSite.get(thread).merge(site.id(), 1, Integer::sum);
        if (!isInteresting(site.id())) {
            return false;
        }
        performed = grow(performed, thread);
        performed[thread]++;
        return true;
    }

    /**
     * Returns the interesting events {@code thread} and the threads it has yet to start are expected
     * to have left, at least 1.
     */
    int remaining(int thread) {
        if (thread >= ownExpected.length) {
            return Math.max(1, longestThread - performedBy(thread));
        }
        return Math.max(1, ownExpected[thread] - performedBy(thread) + unstartedChildren[thread]);
    }

    private int performedBy(int thread) {
        return thread < performed.length ? performed[thread] : 0;
    }

    private boolean isInteresting(int site) {
        return !seenSites.get(site) || conflictingSites.get(site);
    }

    private static boolean hasLocation(Access access) {
        return access == Access.READ || access == Access.WRITE || access == Access.SYNC;
    }

    private static int[] grow(int[] array, int index) {
        return index < array.length ? array : Arrays.copyOf(array, Math.max(index + 1, array.length * 2));
    }

    /** Who touched one location in one execution, and from which instructions. */
    private static final class LocationUse {
        private int firstThread = -1;
        private boolean sharedByThreads;
        private boolean written;
        private boolean synchronised;
        private final BitSet sites = new BitSet();

        void record(Operation operation, int site) {
            if (firstThread < 0) {
                firstThread = operation.threadId();
            } else if (firstThread != operation.threadId()) {
                sharedByThreads = true;
            }
            written |= operation.access() == Access.WRITE;
            synchronised |= operation.access() == Access.SYNC;
            sites.set(site);
        }

        /** Whether two threads touched the location in a way whose order matters. */
        boolean conflicting() {
            return sharedByThreads && (written || synchronised);
        }
    }
}
