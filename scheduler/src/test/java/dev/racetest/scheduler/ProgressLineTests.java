package dev.racetest.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class ProgressLineTests {

    private static Statistics figures(int executions, double coveredShare, double fractionDone) {
        return new Statistics(executions, 0, executions / 2, 40, 20, 3, 1234.4, coveredShare, fractionDone);
    }

    @Test
    void anExhaustiveRunShowsItsShareDoneAndAnEta() {
        ProgressLine line = new ProgressLine("AccountTests#transfer", Duration.ofSeconds(10), false, System.err);

        assertThat(line.format(figures(5_000, Double.NaN, 0.25), Duration.ofSeconds(90))).isEqualTo(
                "racetest AccountTests#transfer: 5,000 executions (1,234/s), 2,500 distinct, ~25.0% of the space,"
                        + " ETA 4m30s, 1m30s elapsed");
    }

    @Test
    void aSamplingRunShowsHowOftenItRepeatsItself() {
        ProgressLine line = new ProgressLine("T#m", Duration.ofSeconds(10), false, System.err);

        assertThat(line.format(figures(100, 0.875, Double.NaN), Duration.ofSeconds(12))).isEqualTo(
                "racetest T#m: 100 executions (1,234/s), 50 distinct, 88% of new executions repeat an earlier"
                        + " interleaving, 12s elapsed");
    }

    @Test
    void aShortRunPrintsNothingAndOffPrintsNever() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        ProgressLine hourly = new ProgressLine("T#m", Duration.ofHours(1), false, print);
        ProgressLine off = new ProgressLine("T#m", Duration.ZERO, false, print);

        assertThat(hourly.due()).isFalse();
        assertThat(off.due()).isFalse();
        off.finish();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aLineShownInALogEndsWithANewLineAndWaitsAnIntervalBeforeTheNext() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProgressLine line = new ProgressLine("T#m", Duration.ofHours(1), false,
                new PrintStream(out, true, StandardCharsets.UTF_8));

        line.show(figures(100, 0.5, Double.NaN));

        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("racetest T#m: 100 executions").endsWith("\n");
        assertThat(line.due()).isFalse();
    }
}
