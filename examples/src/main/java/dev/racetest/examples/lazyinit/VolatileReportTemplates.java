package dev.racetest.examples.lazyinit;

/**
 * The correct twin of {@link ReportTemplates}: the same double-checked locking with the field
 * {@code volatile}, so the unlocked read sees the loaded object or nothing.
 */
public final class VolatileReportTemplates {

    private final Object lock = new Object();
    private volatile ReportTemplates.Templates templates;

    public ReportTemplates.Templates get() {
        ReportTemplates.Templates current = templates;
        if (current == null) {
            synchronized (lock) {
                current = templates;
                if (current == null) {
                    current = new ReportTemplates.Templates();
                    current.load();
                    templates = current;
                }
            }
        }
        return current;
    }
}
