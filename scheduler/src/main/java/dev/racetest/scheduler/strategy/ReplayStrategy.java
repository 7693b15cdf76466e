package dev.racetest.scheduler.strategy;

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

    @Override
    public int choose(Choice choice) {
        int decision = choice.decisionIndex();
        if (decision >= schedule.length()) {
            throw new ReplayDivergedException("the schedule has " + schedule.length()
                    + " decisions but the program asked for more");
        }
        int expected = schedule.choice(decision);
        for (int position = 0; position < choice.size(); position++) {
            if (choice.threadId(position) == expected) {
                return position;
            }
        }
        StringBuilder enabled = new StringBuilder();
        for (int position = 0; position < choice.size(); position++) {
            enabled.append(position == 0 ? "T" : ", T").append(choice.threadId(position));
        }
        throw new ReplayDivergedException("the schedule runs T" + expected + " next, but only " + enabled
                + " can run; the code under test changed or behaves nondeterministically");
    }

    @Override
    public long executionSeed() {
        return schedule.executionSeed();
    }
}
