package dev.racetest.engine.config;

import java.lang.reflect.Method;
import java.util.Objects;

/**
 * The test a {@code racetest.replay} value names, and the schedule token to replay in it.
 *
 * @param className  the binary name of the test class, such as {@code com.acme.BankTests}
 * @param methodName the name of the {@code @RaceTest} method, such as {@code transfer}
 * @param token      the schedule token, not yet checked
 */
public record ReplayTarget(String className, String methodName, String token) {

    /** The accepted form, for error messages. */
    static final String FORM = "fully.qualified.Class#method:TOKEN, as printed in a racetest failure report";

    /** Check that no part is null. */
    public ReplayTarget {
        Objects.requireNonNull(className, "className must not be null");
        Objects.requireNonNull(methodName, "methodName must not be null");
        Objects.requireNonNull(token, "token must not be null");
    }

    /**
     * Parse {@code com.acme.BankTests#transfer:rt1.AQID...}; a method name may end in {@code ()}.
     *
     * @throws IllegalArgumentException without a message when the value does not have that form
     */
    static ReplayTarget parse(String value) {
        String trimmed = value.strip();
        int hash = trimmed.indexOf('#');
        int colon = trimmed.indexOf(':', hash + 1);
        if (hash <= 0 || colon < 0) {
            throw new IllegalArgumentException();
        }
        String className = trimmed.substring(0, hash).strip();
        String methodName = trimmed.substring(hash + 1, colon).strip();
        if (methodName.endsWith("()")) {
            methodName = methodName.substring(0, methodName.length() - 2);
        }
        String token = trimmed.substring(colon + 1).strip();
        if (className.isEmpty() || methodName.isEmpty() || token.isEmpty()) {
            throw new IllegalArgumentException();
        }
        return new ReplayTarget(className, methodName, token);
    }

    /** Return whether this names {@code method} run as a test of {@code testClass}. */
    public boolean names(Class<?> testClass, Method method) {
        return className.equals(testClass.getName()) && methodName.equals(method.getName());
    }
}
