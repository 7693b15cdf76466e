package dev.racetest.examples;

import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;

/** One example test's result, as the main job prints it. */
record ExampleResult(String displayName, boolean failed, String message, Map<String, String> entries) {

    private static final String REPLAY_OPTION = "-Dracetest.replay=";

    /** Returns the value of the replay option printed in the failure report, if any. */
    Optional<String> replayValue() {
        for (String line : message.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith(REPLAY_OPTION)) {
                return Optional.of(trimmed.substring(REPLAY_OPTION.length()).strip());
            }
        }
        return Optional.empty();
    }

    /** Returns the first line of the failure message: the verdict. */
    String headline() {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    void print(PrintStream out) {
        String stats = entries.isEmpty() ? "" : "  (" + entries.getOrDefault("racetest.executions", "?") + " executions, "
                + entries.getOrDefault("racetest.interleavings", "?") + " distinct interleavings)";
        if (!failed) {
            out.println("PASSED    " + displayName + stats);
            out.println();
            return;
        }
        out.println("BUG FOUND " + displayName + stats);
        for (String line : message.split("\n")) {
            out.println("  | " + line);
        }
        out.println();
    }
}
