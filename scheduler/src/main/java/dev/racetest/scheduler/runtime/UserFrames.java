package dev.racetest.scheduler.runtime;

import java.util.ArrayList;
import java.util.List;

/** Keeps the frames of a stack that belong to the user's code, dropping the JDK's and racetest's own. */
final class UserFrames {

    private UserFrames() {
    }

    static List<StackTraceElement> of(StackTraceElement[] stack) {
        List<StackTraceElement> frames = new ArrayList<>();
        for (StackTraceElement frame : stack) {
            String className = frame.getClassName();
            if (!className.startsWith("java.") && !className.startsWith("jdk.") && !className.startsWith("sun.")
                    && !className.startsWith("dev.racetest.instrument.") && !className.startsWith("dev.racetest.scheduler.")) {
                frames.add(frame);
            }
        }
        return frames;
    }
}
