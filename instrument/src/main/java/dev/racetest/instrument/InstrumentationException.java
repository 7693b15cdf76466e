package dev.racetest.instrument;

import java.util.Objects;

/**
 * Report a class that racetest could not rewrite, naming the class, the rewriter and the method.
 *
 * <p>The message is one sentence that tells the user how to carry on (exclude the class) without
 * reading a stack trace; the ASM failure stays available as the {@linkplain #getCause() cause}.
 *
 * <p>{@link InstrumentingClassLoader#loadClass} lets this exception propagate unchanged, both from
 * explicit calls and from the JVM resolving a class reference: the JVM only converts a
 * {@code ClassNotFoundException} into a {@code NoClassDefFoundError}, so an unchecked exception keeps
 * this message as the first line the user sees, where a wrapping {@code LinkageError} would bury it
 * one cause down.
 */
public final class InstrumentationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String className;
    private final String rewriter;
    private final String methodName;

    InstrumentationException(String className, String rewriter, String methodName, String cause,
                             Throwable throwable) {
        super(message(className, rewriter, methodName, cause), throwable);
        this.className = Objects.requireNonNull(className, "className must not be null");
        this.rewriter = Objects.requireNonNull(rewriter, "rewriter must not be null");
        this.methodName = methodName;
    }

    /** Return the binary name of the class that could not be rewritten. */
    public String className() {
        return className;
    }

    /** Return the simple name of the stage that failed, such as {@code MonitorRewriter} or {@code ClassWriter}. */
    public String rewriter() {
        return rewriter;
    }

    /** Return the name of the method being rewritten when the failure happened, or {@code null} if none was. */
    public String methodName() {
        return methodName;
    }

    private static String message(String className, String rewriter, String methodName, String cause) {
        String where = methodName == null
                ? "rewriter " + rewriter + " failed outside any method"
                : "rewriter " + rewriter + " failed in method " + methodName;
        return "racetest could not instrument class " + className + " (" + where + "): " + cause
                + ". Exclude it with racetest.instrument.exclude=" + className + " or report a bug.";
    }

    /** Render a cause on one line without a trailing period, so it fits inside the sentence. */
    static String describe(Throwable cause) {
        String text = cause.getMessage() == null
                ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        text = text.replaceAll("\\s+", " ").strip();
        while (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }
}
