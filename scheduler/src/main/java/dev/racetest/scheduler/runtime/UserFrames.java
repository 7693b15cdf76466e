package dev.racetest.scheduler.runtime;

import java.util.ArrayList;
import java.util.List;

/** Keeps the frames of a stack that belong to the user's code, dropping the JDK's and racetest's own. */
final class UserFrames {

    /** racetest's stand-ins for JDK classes, which are instrumented, and so look like user code. */
    private static final String SUBSTITUTES = "dev.racetest.substitutes.";

    private UserFrames() {
    }

    /** Returns whether the class with this binary name is one of racetest's substitutes. */
    static boolean isSubstitute(String className) {
        return className.startsWith(SUBSTITUTES);
    }

    /**
     * Returns the frame to report for a thread stopped on {@code stack}: its innermost user frame outside
     * the substitutes, so that a wait inside a substitute (a {@code ControlledCondition}'s monitor) is
     * reported at the user's call rather than inside racetest; when there is none (a pool's worker, all
     * substitutes), its innermost user frame; {@code null} when it has no user frame at all.
     */
    static StackTraceElement innermostCaller(StackTraceElement[] stack) {
        List<StackTraceElement> frames = of(stack);
        for (StackTraceElement frame : frames) {
            if (!isSubstitute(frame.getClassName())) {
                return frame;
            }
        }
        return frames.isEmpty() ? null : frames.getFirst();
    }

    /**
     * Returns the substitute frame the user's code called into on {@code stack} (such as
     * {@code ControlledCondition.await}, for a {@code Condition.await()} the user wrote), or {@code null}
     * when the thread is not inside a substitute called from user code.
     */
    static StackTraceElement substituteEntry(StackTraceElement[] stack) {
        List<StackTraceElement> frames = of(stack);
        for (int i = 1; i < frames.size(); i++) {
            if (!isSubstitute(frames.get(i).getClassName())) {
                StackTraceElement callee = frames.get(i - 1);
                return isSubstitute(callee.getClassName()) ? callee : null;
            }
        }
        return null;
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

    /** Returns {@code frame} as a site's location reads, such as {@code Account.withdraw(Account.java:42)}. */
    static String location(StackTraceElement frame) {
        String className = frame.getClassName();
        String file = frame.getFileName() == null ? "Unknown Source" : frame.getFileName();
        String line = frame.getLineNumber() < 0 ? "" : ":" + frame.getLineNumber();
        String simpleClass = className.substring(className.lastIndexOf('.') + 1);
        return simpleClass + "." + frame.getMethodName() + "(" + file + line + ")";
    }
}
