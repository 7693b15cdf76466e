package dev.racetest.examples.lazyinit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.RaceTest;

import java.util.function.Supplier;

/** Two report threads ask for the templates at once; both must get loaded ones. */
class DoubleCheckedLockingRaceTest {

    /** Bug: double-checked locking without {@code volatile}. racetest reports the data race on {@code templates}. */
    @RaceTest
    void templatesAreLoadedOnce() throws InterruptedException {
        ReportTemplates templates = new ReportTemplates();
        assertBothSeeLoadedTemplates(templates::get);
    }

    /** Correct twin: passes every execution. */
    @RaceTest
    void volatileTemplatesAreLoadedOnce() throws InterruptedException {
        VolatileReportTemplates templates = new VolatileReportTemplates();
        assertBothSeeLoadedTemplates(templates::get);
    }

    private static void assertBothSeeLoadedTemplates(Supplier<ReportTemplates.Templates> get) throws InterruptedException {
        String[] headers = new String[2];
        Thread first = new Thread(() -> headers[0] = get.get().header(), "report-1");
        Thread second = new Thread(() -> headers[1] = get.get().header(), "report-2");
        first.start();
        second.start();
        first.join();
        second.join();
        assertThat(headers).as("headers both reports saw").containsOnly("Quarterly report");
    }
}
