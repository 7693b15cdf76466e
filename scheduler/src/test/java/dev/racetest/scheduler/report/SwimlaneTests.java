package dev.racetest.scheduler.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.scheduler.BlockedThread;
import dev.racetest.scheduler.Outcome;
import dev.racetest.scheduler.RaceAccess;
import dev.racetest.scheduler.TraceStep;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The swimlane table over hand-made traces: its layout, the marks, the folding and the widths. */
class SwimlaneTests {

    private static final Outcome ENDED = new Outcome.CannotContinue("the execution could not go on");

    private static List<String> table(List<TraceStep> trace, Outcome outcome) {
        return Swimlane.lines(trace, FailureMarks.of(outcome, trace), trace.size());
    }

    /** Returns the table's line for step {@code step} (or the fold line that starts at it). */
    private static String row(List<String> table, String step) {
        return table.stream().skip(2).filter(line -> line.substring(3).stripLeading().startsWith(step + " ")
                || line.substring(3).stripLeading().startsWith(step + "-")).findFirst().orElseThrow();
    }

    @Test
    void thePayoutRaceIsOneColumnPerThreadWithBothAccessesMarked() {
        List<String> table = table(Traces.payout(), Traces.payoutRace());

        assertThat(String.join("\n", table)).isEqualTo("""
                Interleaving, one column per thread (all 10 steps, some folded; >> where it failed, > the access it races with):
                   step  T0 main                        T1 payout-alice               T2 payout-bob                  source
                      1  starts
                      2  write PayoutService#1.balance                                                               PayoutService.java:12
                      3  start payout-alice                                                                          PayoutRaceTest.java:34
                      4  start payout-bob                                                                            PayoutRaceTest.java:35
                    5-6                                 ... T2, T1 start
                      7                                                               read PayoutService#1.balance   PayoutService.java:17
                      8                                                               read PayoutService#1.balance   PayoutService.java:18
                >     9                                                               write PayoutService#1.balance  PayoutService.payout(PayoutService.java:18)
                >>   10                                 read PayoutService#1.balance                                 PayoutService.payout(PayoutService.java:17)""");
    }

    @Test
    void aLongRunOfOneThreadFoldsIntoOneLineInItsColumnKeepingItsEdges() {
        List<TraceStep> trace = new Traces()
                .step(0, "starts", "").step(0, "start t1", "Main.main(Main.java:3)")
                .step(1, "starts", "").loop(1, 20, 5)
                .step(0, "write Other.x of Other#1", "Main.main(Main.java:4)")
                .loop(1, 3, 30).build();

        List<String> table = table(trace, ENDED);

        String header = table.get(1);
        String fold = row(table, "5");
        assertThat(fold).startsWith("   5-21  ").endsWith("... 17 steps (Loop.java:6-22)");
        assertThat(fold.indexOf("...")).as("in T1's column").isEqualTo(header.indexOf("T1 t1"));
        // The first step after the start, and the two before the switch to T0, stay.
        assertThat(row(table, "4")).endsWith("Loop.java:5");
        assertThat(row(table, "22")).endsWith("Loop.java:23");
        assertThat(row(table, "23")).endsWith("Loop.java:24");
        assertThat(row(table, "24")).contains("write Other#1.x");
        assertThat(table).hasSize(2 + 11);
    }

    @Test
    void aStretchTooShortToSaveALineIsShown() {
        // T1's run: 1 head step, 2 hidden, 2 tail steps; folding 2 steps into 1 line is not worth it.
        List<TraceStep> trace = new Traces().step(0, "start t1", "Main.main(Main.java:3)")
                .loop(1, 5, 10).step(0, "read Other.x of Other#1", "Main.main(Main.java:4)").build();

        List<String> table = table(trace, ENDED);

        assertThat(table).hasSize(2 + 7).noneMatch(line -> line.contains("..."));
    }

    @Test
    void aThreadThatThrewIsMarkedAtItsOwnLastStepWithItsFullLocation() {
        List<TraceStep> trace = new Traces().step(0, "start t1", "Main.main(Main.java:3)")
                .step(1, "read Box.value of Box#1", "Box.get(Box.java:7)")
                .step(0, "write Box.value of Box#1", "Box.set(Box.java:9)")
                .step(0, "join t1", "Main.main(Main.java:5)").build();

        List<String> table = table(trace, new Outcome.ThreadFailed(1, "t1", new IllegalStateException("empty")));

        assertThat(row(table, "2")).startsWith(">>    2").endsWith("read Box#1.value  Box.get(Box.java:7)");
        assertThat(table.get(0)).contains(">> where it failed").doesNotContain("races with");
        assertThat(table.stream().filter(line -> line.startsWith(">")).count()).isEqualTo(1);
        assertThat(row(table, "4")).startsWith("      4").endsWith("Main.java:5");
    }

    @Test
    void aDeadlockMarksWhereTheThreadsOnItsCycleStopped() {
        List<TraceStep> trace = new Traces().step(0, "start t1", "Main.main(Main.java:3)")
                .step(0, "start t2", "Main.main(Main.java:4)")
                .step(1, "locks Account#1", "Bank.transfer(Bank.java:10)")
                .step(2, "locks Account#2", "Bank.transfer(Bank.java:10)")
                .step(1, "locks Account#2", "Bank.transfer(Bank.java:11)")
                .step(2, "locks Account#1", "Bank.transfer(Bank.java:11)").build();
        Outcome deadlock = new Outcome.Deadlock(List.of(
                new BlockedThread(0, "main", "T1 t1 to end (in Thread.join)", null, List.of()),
                new BlockedThread(1, "t1", "lock on Account#2", null, List.of()),
                new BlockedThread(2, "t2", "lock on Account#1", null, List.of())), List.of("T1 t1", "T2 t2"));

        List<String> table = table(trace, deadlock);

        assertThat(table.stream().filter(line -> line.startsWith(">>")))
                .containsExactly(row(table, "5"), row(table, "6"));
        assertThat(row(table, "5")).endsWith("Bank.transfer(Bank.java:11)");
    }

    @Test
    void aStandstillWithoutALockCycleMarksEveryWaitingThread() {
        List<TraceStep> trace = new Traces().step(0, "start t1", "Main.main(Main.java:3)")
                .step(1, "waits in CountDownLatch.await CountDownLatch#1", "Worker.run(Worker.java:8)")
                .step(0, "waits in CountDownLatch.await CountDownLatch#2", "Main.main(Main.java:5)").build();
        Outcome deadlock = new Outcome.Deadlock(List.of(
                new BlockedThread(0, "main", "CountDownLatch#2", null, List.of()),
                new BlockedThread(1, "t1", "CountDownLatch#1", null, List.of())), List.of());

        List<String> table = table(trace, deadlock);

        assertThat(table.stream().filter(line -> line.startsWith(">>")))
                .containsExactly(row(table, "2"), row(table, "3"));
        assertThat(row(table, "2")).contains("waits in CountDownLatch#1.await");
    }

    @Test
    void longOperationsAndThreadNamesAreCutToTheColumnWidth() {
        String longName = "a-thread-with-a-very-long-descriptive-name";
        List<TraceStep> trace = List.of(
                new TraceStep(1, 0, "main", "calls ExecutorService.awaitTermination ThreadPoolExecutor#1", "Pool.close(Pool.java:54)"),
                new TraceStep(2, 1, longName, "read Box.value of Box#1", "Box.get(Box.java:7)"));

        List<String> table = table(trace, ENDED);

        String header = table.get(1);
        assertThat(header).contains("T1 " + longName.substring(0, Swimlane.MAX_CELL - 6) + "...");
        assertThat(row(table, "1")).contains("calls Thread...#1.awaitTermination  ");
        // The cut cell still leaves two spaces before the next column.
        assertThat(header.indexOf("T1 ") - header.indexOf("T0 ")).isEqualTo(Swimlane.MAX_CELL + 2);
    }

    @Test
    void manyThreadsShareTheWidthAndEachKeepsItsColumn() {
        Traces traces = new Traces();
        for (int round = 0; round < 2; round++) {
            for (int thread = 0; thread < 10; thread++) {
                traces.step(thread, "write Counter.hits of Counter#1", "Counter.hit(Counter.java:" + (20 + round) + ")");
            }
        }
        List<TraceStep> trace = traces.build();

        List<String> table = table(trace, ENDED);

        String header = table.get(1);
        int width = Math.clamp(Swimlane.LANES_WIDTH / 10, Swimlane.MIN_CELL, Swimlane.MAX_CELL);
        assertThat(width).isEqualTo(Swimlane.MIN_CELL);
        for (int thread = 0; thread < 10; thread++) {
            assertThat(header.indexOf("T" + thread + " ")).as("T%s's column", thread)
                    .isEqualTo(header.indexOf("T0 main") + thread * (width + 2));
        }
        for (TraceStep step : trace) {
            String line = row(table, String.valueOf(step.index()));
            assertThat(line.indexOf("write Cou...")).as("step %s", step.index())
                    .isEqualTo(header.indexOf("T" + step.threadId() + " "));
        }
        assertThat(table).allMatch(line -> line.length() <= 9 + 10 * (width + 2) + "Counter.hit(Counter.java:21)".length());
    }

    @Test
    void aLongTraceFoldsItsEarliestRowsToFitButKeepsTheRacingAccess() {
        Traces traces = new Traces().step(1, "write Box.value of Box#1", "Box.set(Box.java:9)");
        for (int i = 0; i < 300; i++) {
            traces.step(i % 2 == 0 ? 0 : 2, "calls Map.get ConcurrentHashMap#1", "Cache.get(Cache.java:" + i % 7 + ")");
        }
        traces.step(2, "read Box.value of Box#1", "Box.get(Box.java:7)");
        List<TraceStep> trace = traces.build();
        Outcome race = new Outcome.DataRace("Box.value",
                new RaceAccess(1, "t1", true, "Box.set(Box.java:9)", List.of()),
                new RaceAccess(2, "t2", false, "Box.get(Box.java:7)", List.of()));

        List<String> table = table(trace, race);

        assertThat(table).hasSize(Swimlane.MAX_LINES);
        assertThat(table.get(2)).startsWith(">      1").endsWith("Box.set(Box.java:9)");
        assertThat(table.get(3)).startsWith("   2-").contains(" earlier steps: T0 ", ", T2 ");
        assertThat(table.getLast()).startsWith(">>   302").endsWith("Box.get(Box.java:7)");
        // Every step is accounted for: shown, or counted in a fold.
        int counted = 0;
        for (String line : table.subList(2, table.size())) {
            String label = line.substring(3).stripLeading().split(" ")[0];
            String[] range = label.split("-");
            counted += range.length == 1 ? 1 : Integer.parseInt(range[1]) - Integer.parseInt(range[0]) + 1;
        }
        assertThat(counted).isEqualTo(trace.size());
    }

    @Test
    void anEmptyTraceHasNoTable() {
        assertThat(table(List.of(), ENDED)).isEmpty();
    }
}
