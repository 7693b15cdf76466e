package dev.racetest.scheduler.strategy;

import dev.racetest.instrument.hooks.SyncSite;
import dev.racetest.scheduler.Choice;
import dev.racetest.scheduler.ReplayDivergedException;
import dev.racetest.scheduler.Schedule;
import dev.racetest.scheduler.Strategy;

/**
 * Follows a recorded {@link Schedule} for exactly one execution, and says where the program stops
 * matching it (code changed, or a source of nondeterminism racetest does not control yet).
 */
public final class ReplayStrategy implements Strategy {

    private final Schedule schedule;

    public ReplayStrategy(Schedule schedule) {
        this.schedule = schedule;
    }

    @Override
    public boolean beginExecution(int index) {
        return index == 0;
    }

    /**
     * Returns the position of the thread the schedule names; when the program no longer offers it,
     * throws with where (decision and step, both counted from 1) and what was expected versus found.
     */
    @Override
    public int choose(Choice choice) {
        int decision = choice.decisionIndex();
        int step = choice.stepIndex() + 1;
        if (decision >= schedule.length()) {
            throw new ReplayDivergedException("at step " + step + " the program asked for decision " + (decision + 1)
                    + " but the schedule has only " + schedule.length() + "; the code under test now makes more"
                    + " scheduling decisions than when the schedule was recorded");
        }
        int expected = schedule.choice(decision);
        for (int position = 0; position < choice.size(); position++) {
            if (choice.threadId(position) == expected) {
                return position;
            }
        }
        StringBuilder found = new StringBuilder();
        for (int position = 0; position < choice.size(); position++) {
            found.append(position == 0 ? "T" : ", T").append(choice.threadId(position));
            SyncSite site = choice.pendingSite(position);
            if (site != null) {
                found.append(" (at ").append(site.location()).append(')');
            }
        }
        String what = choice.decision() == Choice.Decision.NOTIFY_WAITER
                ? "the schedule has the notify wake T" + expected + ", but only " + found + " wait"
                : "the schedule runs T" + expected + " next, but only " + found + " can run";
        throw new ReplayDivergedException("at step " + step + " " + what
                + "; the code under test changed or behaves nondeterministically");
    }

    @Override
    public long executionSeed() {
        return schedule.executionSeed();
    }
}
