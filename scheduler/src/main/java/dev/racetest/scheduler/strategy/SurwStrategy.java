package dev.racetest.scheduler.strategy;

import dev.racetest.instrument.hooks.SyncPointKind;
import dev.racetest.instrument.hooks.SyncSite;
import dev.racetest.scheduler.Choice;
import dev.racetest.scheduler.Seeds;
import dev.racetest.scheduler.Strategy;

import java.util.SplittableRandom;

/**
 * Selectively uniform random walk (Zhao, Wolff, Mathur and Roychoudhury, "Selectively Uniform
 * Concurrency Testing", ASPLOS 2025).
 *
 * <p>A random walk that picks the next thread uniformly favours interleavings where threads switch
 * early: of two threads of 10 steps each, the first one's last step almost always comes before the
 * second one's middle. Picking each thread with probability proportional to the number of events it
 * has left makes every interleaving equally likely (for threads that never block). SURW applies that
 * only to the events that matter, the <em>interesting</em> ones, so the orders among those are sampled
 * near-uniformly and the rest follows along. {@link InterestingEvents} says exactly what is counted:
 * accesses at instructions that touched a location another thread also touched (with a write, or a
 * monitor on both sides) in an earlier execution, per thread id, a thread standing for the threads it
 * has yet to start too.
 *
 * <p>At a decision, the thread holding the turn keeps running until it has performed one interesting
 * event; then the turn goes to a running candidate drawn with probability proportional to its
 * remaining events (at least 1, so every interleaving stays possible). Each draw thus places one
 * interesting event, as in the paper's walk, and the uninteresting steps in between do not dilute the
 * weights. The turn is redrawn early when its holder blocks, is about to {@code yield} or
 * {@code onSpinWait}, or has taken {@value #MAX_DULL_RUN} steps in a row without an interesting event
 * (a spin loop on nothing shared, or a long local computation: holding the turn there would only delay
 * the others, and a bound much lower would split ordinary local code between draws). Timeouts,
 * spurious wake-ups and which waiter a {@code notify} wakes are drawn as {@link WaitEndings} says.
 *
 * <p>Execution {@code i} is a function of the run's seed, {@code i} (through
 * {@link Seeds#executionSeed}) and this strategy's earlier executions.
 */
public final class SurwStrategy implements Strategy {

    /** Steps without an interesting event after which the turn is redrawn. */
    static final int MAX_DULL_RUN = 64;

    private final long runSeed;
    private LengthEstimate length = new LengthEstimate();
    private InterestingEvents events = new InterestingEvents();

    private long executionSeed;
    private SplittableRandom random;
    /** The thread holding the turn, or -1. */
    private int turn = -1;
    /** Whether {@link #turn} has performed its interesting event. */
    private boolean turnSpent;
    /** Steps {@link #turn} has taken since it got the turn, none of them interesting. */
    private int dullRun;

    public SurwStrategy(long runSeed) {
        this.runSeed = runSeed;
    }

    @Override
    public boolean beginExecution(int index) {
        events.beginExecution();
        length.beginExecution();
        executionSeed = Seeds.executionSeed(runSeed, index);
        random = new SplittableRandom(executionSeed);
        turn = -1;
        turnSpent = false;
        dullRun = 0;
        return true;
    }

    @Override
    public int choose(Choice choice) {
        if (choice.decision() == Choice.Decision.NOTIFY_WAITER) {
            return WaitEndings.chooseWaiter(choice, random);
        }
        events.sawCandidates(choice);
        length.countDecision();
        int ending = WaitEndings.choose(choice, random, length.expected());
        if (ending != WaitEndings.RUN_INSTEAD) {
            return ending;
        }
        if (!turnSpent && dullRun < MAX_DULL_RUN) {
            for (int position = 0; position < choice.size(); position++) {
                if (choice.threadId(position) == turn && WaitEndings.runs(choice, position)
                        && !isYielding(choice.pendingSite(position))) {
                    return position;
                }
            }
        }
        long total = 0;
        for (int position = 0; position < choice.size(); position++) {
            if (WaitEndings.runs(choice, position)) {
                total += events.remaining(choice.threadId(position));
            }
        }
        long draw = random.nextLong(total);
        for (int position = 0; position < choice.size(); position++) {
            if (WaitEndings.runs(choice, position)) {
                draw -= events.remaining(choice.threadId(position));
                if (draw < 0) {
                    turn = choice.threadId(position);
                    turnSpent = false;
                    dullRun = 0;
                    return position;
                }
            }
        }
        throw new AssertionError("unreachable: the draw is below the total weight " + total);
    }

    @Override
    public boolean observesSteps() {
        return true; // interesting events are counted on every step, chosen or not
    }

    @Override
    public void stepTaken(Choice choice, int position) {
        boolean interesting = events.stepTaken(choice, position);
        if (choice.threadId(position) == turn) {
            if (interesting) {
                turnSpent = true;
            } else {
                dullRun++;
            }
        }
    }

    /** Returns the weight {@code thread} would have in a draw now, for tests. */
    int remaining(int thread) {
        return events.remaining(thread);
    }

    private static boolean isYielding(SyncSite site) {
        return site != null && site.kind() == SyncPointKind.THREAD_YIELD;
    }

    /** A fork knows which instructions conflict and how long each thread runs, as learned so far. */
    @Override
    public Strategy fork() {
        SurwStrategy fork = new SurwStrategy(runSeed);
        fork.length = length.fork();
        fork.events = events.forkLearned();
        return fork;
    }

    @Override
    public void absorb(Strategy fork) {
        SurwStrategy ran = (SurwStrategy) fork;
        length.absorb(ran.length);
        events.learnFrom(ran.events);
    }

    @Override
    public long executionSeed() {
        return executionSeed;
    }
}
