package dev.racetest.examples.lazyinit;

/**
 * Loads the report templates on first use with double-checked locking, but without {@code volatile}:
 * the first check reads {@code templates} outside the lock, so a thread may see the reference before
 * the writes that filled the object in (the memory model allows it; JITs and ARM do it).
 */
public final class ReportTemplates {

    private final Object lock = new Object();
    private Templates templates;

    public Templates get() {
        Templates current = templates;
        if (current == null) {
            synchronized (lock) {
                current = templates;
                if (current == null) {
                    current = new Templates();
                    current.load();
                    templates = current;
                }
            }
        }
        return current;
    }

    /** What is loaded once. */
    public static final class Templates {
        private String header;

        void load() {
            header = "Quarterly report";
        }

        public String header() {
            return header;
        }
    }
}
