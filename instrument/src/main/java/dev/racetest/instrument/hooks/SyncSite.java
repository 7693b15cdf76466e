package dev.racetest.instrument.hooks;

import java.util.Objects;

/**
 * One rewritten instruction in user code: what it does and where it stands in the source.
 *
 * <p>Sites are created at instrumentation time and referred to from rewritten bytecode by their
 * {@link #id()}, so a hook call carries a single {@code int} instead of strings.
 *
 * @param id         the index under which {@link SyncSites} knows this site
 * @param kind       what the instruction does
 * @param className  the binary name of the class holding the instruction, such as {@code com.acme.Account}
 * @param methodName the name of the method holding the instruction
 * @param sourceFile the source file name from the class file, or {@code null} when the class has none
 * @param line       the source line, or {@code -1} when the class has no line numbers
 * @param target     what the instruction acts on, for people: {@code "Account.balance"},
 *                   {@code "int[]"}, {@code "AtomicInteger.incrementAndGet"}, {@code "Thread.join"}
 * @param field      for a field access, the field as its declaring class names it, such as
 *                   {@code com.acme.Account.balance} (the instruction may name a subclass); {@code null}
 *                   for other sites, or when the declaring class could not be found
 * @param benignRace whether the accessed field is annotated {@code @dev.racetest.BenignRace}: the race
 *                   detector then does not report races on it
 */
public record SyncSite(int id, SyncPointKind kind, String className, String methodName,
                       String sourceFile, int line, String target, String field, boolean benignRace) {

    public SyncSite {
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(className, "className must not be null");
        Objects.requireNonNull(methodName, "methodName must not be null");
        Objects.requireNonNull(target, "target must not be null");
    }

    /** A site that is not a field access, or whose field's declaration is unknown. */
    public SyncSite(int id, SyncPointKind kind, String className, String methodName, String sourceFile, int line,
                    String target) {
        this(id, kind, className, methodName, sourceFile, line, target, null, false);
    }

    /** Returns the site as a stack-trace-like location, such as {@code Account.withdraw(Account.java:42)}. */
    public String location() {
        String simpleClass = className.substring(className.lastIndexOf('.') + 1);
        String file = sourceFile == null ? "Unknown Source" : sourceFile;
        return line < 0
                ? simpleClass + "." + methodName + "(" + file + ")"
                : simpleClass + "." + methodName + "(" + file + ":" + line + ")";
    }

    /** Returns what happens here, for people, such as {@code "write Account.balance"}. */
    public String describe() {
        return kind.verb() + " " + target;
    }
}
