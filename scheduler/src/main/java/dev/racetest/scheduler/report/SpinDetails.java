package dev.racetest.scheduler.report;

import dev.racetest.scheduler.Outcome;

/** The details of a livelock report: who spins where, whether anything changed, and the hottest sites. */
final class SpinDetails {

    private SpinDetails() {
    }

    static void append(StringBuilder out, Outcome.StepLimitExceeded limit) {
        if (!limit.spinning().isEmpty()) {
            out.append("\nSpinning:\n");
            for (String loop : limit.spinning()) {
                out.append("  ").append(loop).append('\n');
            }
        }
        if (!limit.progress().isEmpty()) {
            out.append("Progress: ").append(limit.progress()).append('\n');
        }
        out.append("\nThe last steps kept returning to:\n");
        for (String location : limit.spinningAt()) {
            out.append("  ").append(location).append('\n');
        }
        out.append("Raise racetest.maxSteps if the test legitimately needs more steps.\n");
    }
}
