package dev.racetest.libraries;

/**
 * Make the JVM link a class, which runs its bytecode verifier, without initialising the class.
 *
 * <p>{@code Class.forName(name, false, loader)} only loads. Reflecting on the declared fields links
 * the class first (HotSpot's {@code JVM_GetClassDeclaredFields} does), so a bad class throws its
 * {@link VerifyError} here; a class a field type names may then be missing, which is an outcome of
 * the class path, not of the bytes, and is compared with what the original bytes do.
 */
final class Linking {

    private Linking() {
    }

    /** Return {@code "linked"}, or the linkage error the JVM threw, as type and message. */
    static String outcome(ClassLoader loader, String binaryName) {
        try {
            Class.forName(binaryName, false, loader).getDeclaredFields();
            return "linked";
        } catch (ClassNotFoundException | LinkageError e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    /** Return whether an outcome says the bytes themselves are bad, whatever the class path. */
    static boolean isBadBytes(String outcome) {
        return outcome.startsWith(VerifyError.class.getName()) || outcome.startsWith(ClassFormatError.class.getName())
                || outcome.startsWith(UnsupportedClassVersionError.class.getName());
    }
}
