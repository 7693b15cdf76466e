package dev.racetest.scheduler.strategy;

import dev.racetest.scheduler.Choice;

import java.util.SplittableRandom;

/**
 * Decides, for the sampling strategies, when a waiting thread's timeout expires or it wakes
 * spuriously ({@link Choice.Move#TIME_OUT}, {@link Choice.Move#WAKE_SPURIOUSLY}), and which waiter
 * a {@code notify} wakes.
 *
 * <p>A wait ending is not an ordinary candidate for a priority scheme: a waiting thread that drew a
 * high priority would time out at the first chance in every execution, and the bug where the timeout
 * fires late, after some work, would never be seen. So while some thread could run, a decision that
 * offers wait endings takes one with a probability that mixes two halves, drawn at each such decision:
 * <ul>
 *   <li>half the time {@code 1/k}, {@code k} the expected number of decisions ({@link LengthEstimate}):
 *       over an execution offering one at every decision a wait ends about once, at a point spread over
 *       the whole execution (late timeouts);</li>
 *   <li>half the time {@code 1/(r+1)} with {@code r} threads able to run, as if the wait endings were
 *       one more thread of a random walk: a timeout racing a short piece of work (a request handler's
 *       {@code Future.get(timeout)}) fires early in a good share of the executions, where the {@code 1/k}
 *       half alone let the bug-finding benchmark's quote example need 17 executions to random walk's 2.5.</li>
 * </ul>
 * Which of the wait endings is taken, and which waiter a {@code notify} wakes, is uniform. With no
 * thread that could run, a wait must end, and which one is uniform too.
 */
final class WaitEndings {

    /** What {@link #choose} returns when the decision should go to a thread that runs. */
    static final int RUN_INSTEAD = -1;

    private WaitEndings() {
    }

    /**
     * Returns the position of the wait ending this decision takes, or {@link #RUN_INSTEAD} to let the
     * caller choose among the candidates whose move is {@link Choice.Move#RUN}. Draws from {@code
     * random} only when the decision offers a wait ending.
     */
    static int choose(Choice choice, SplittableRandom random, int expectedDecisions) {
        int runners = 0;
        for (int position = 0; position < choice.size(); position++) {
            if (runs(choice, position)) {
                runners++;
            }
        }
        int endings = choice.size() - runners;
        if (endings == 0) {
            return RUN_INSTEAD;
        }
        if (runners > 0) {
            int oneIn = random.nextBoolean() ? Math.max(1, expectedDecisions) : runners + 1;
            if (random.nextInt(oneIn) != 0) {
                return RUN_INSTEAD;
            }
        }
        int nth = random.nextInt(endings);
        for (int position = 0; position < choice.size(); position++) {
            if (!runs(choice, position) && nth-- == 0) {
                return position;
            }
        }
        throw new AssertionError("unreachable: " + endings + " wait endings counted");
    }

    /** Returns the waiter a {@code notify} wakes: any of them, uniformly. */
    static int chooseWaiter(Choice choice, SplittableRandom random) {
        return random.nextInt(choice.size());
    }

    /** Returns whether the candidate at {@code position} performs its operation if chosen. */
    static boolean runs(Choice choice, int position) {
        return choice.move(position) == Choice.Move.RUN;
    }
}
