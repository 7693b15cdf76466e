package dev.racetest.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Proves each example's verdict with the default configuration (default seed and budget, so the run
 * is deterministic): every buggy example (the README's table of seed scenarios) is found with the
 * right verdict, every correct twin passes its whole execution budget, and the replay line of each bug
 * reproduces it in execution 1. The
 * counter, payout and settings bugs are unsynchronised fields, so the race detector reports them at
 * their first unordered access, before the lost update shows; with {@code racetest.races=off} they are
 * found by their assertions, as the example's documentation describes.
 */
@Timeout(120)
class ExamplesTests {

    private static final String ENGINE = "racetest";

    @ParameterizedTest(name = "{0}#{1} is found as: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            dev.racetest.examples.counter.HitCounterRaceTest | plainCounterCountsEveryHit | data race on HitCounter.hits: T2 request-2 wrote at HitCounter.hit(HitCounter.java:12), T1 request-1 read at HitCounter.hit(HitCounter.java:12) without happens-before
            dev.racetest.examples.payout.PayoutRaceTest      | balanceNeverGoesNegative   | data race on PayoutService.balance: T2 payout-bob wrote at PayoutService.payout(PayoutService.java:18), T1 payout-alice read at PayoutService.payout(PayoutService.java:17) without happens-before
            dev.racetest.examples.transfer.TransferRaceTest  | opposingTransfersComplete  | deadlock: T1 alice-to-bob, T2 bob-to-alice wait for each other's locks
            dev.racetest.examples.quote.QuoteRaceTest        | everyQuoteHasAPrice        | java.lang.NullPointerException in thread main
            dev.racetest.examples.warmup.WarmUpRaceTest      | pricesAreReadyAfterStartUp | AssertionError in thread main: [price of GLOBEX after start-up] Expecting actual not to be null
            dev.racetest.examples.settings.SettingsRaceTest  | settingsLoadOnce           | data race on Settings.instance: T2 request-2 wrote at Settings.get(Settings.java:28), T1 request-1 read at Settings.get(Settings.java:27) without happens-before
            dev.racetest.examples.lazyinit.DoubleCheckedLockingRaceTest | templatesAreLoadedOnce | data race on ReportTemplates.templates: T2 report-2 wrote at ReportTemplates.get(ReportTemplates.java:21), T1 report-1 read at ReportTemplates.get(ReportTemplates.java:14) without happens-before
            dev.racetest.examples.cancel.CancelledImportRaceTest | cancelledImportLeavesNoThreadBehind | leak: the test body returned but thread T1 import-worker never ended (it waits for LinkedBlockingQueue#1.take() at ImportJob.work(ImportJob.java:42))
            dev.racetest.examples.handoff.OrderHandoffRaceTest | everyOrderIsHandedOver | deadlock: 3 threads are blocked and none can go on
            dev.racetest.examples.pool.PooledBufferRaceTest | eachCallerGetsItsOwnGreeting | data race on TextBuffer.length: T2 greet-bob read at TextBuffer.contents(TextBuffer.java:20), T1 greet-alice wrote at TextBuffer.clear(TextBuffer.java:10) without happens-before
            dev.racetest.examples.publish.QuotePublicationRaceTest | aReadQuoteIsComplete | data race on QuoteBoard.latest: T2 trading read at QuoteBoard.load(QuoteBoard.java:43), T1 pricing wrote at QuoteBoard.store(QuoteBoard.java:39) without happens-before
            dev.racetest.examples.initorder.InitialisationOrderRaceTest | bothEntryPointsSeeTheDefaultCurrency | java.lang.ExceptionInInitializerError in thread billing
            dev.racetest.examples.sessions.SessionRegistryRaceTest | everyLoginIsRegistered | data race on HashMap#1 (put): T2 login-bob wrote at SessionRegistry.register(SessionRegistry.java:17), T1 login-alice wrote at SessionRegistry.register(SessionRegistry.java:17) without happens-before
            dev.racetest.examples.mapped.MappedCounterRaceTest | sharedSlotCountsEveryHit | data race on ByteBuffer#1 [0, 8) (putLong / getLong): T2 counter-2 wrote at HitFile.increment(HitFile.java:43), T1 counter-1 read at HitFile.increment(HitFile.java:43) without happens-before
            dev.racetest.examples.stopflag.StopFlagRaceTest | pollerStopsWhenAsked | data race on Poller.stopped: T0 main wrote at Poller.stop(Poller.java:21), T1 poller read at Poller.isStopped(Poller.java:25) without happens-before
            """)
    void buggyExampleIsFoundAndItsReplayLineReproducesIt(String className, String method, String verdict) {
        String message = failureMessage(EngineTestKit.engine(ENGINE).selectors(selectMethod(className + "#" + method)).execute());
        assertThat(message).startsWith("racetest found a failure: ").contains(verdict)
                .contains(className + "." + method + ".trace.json; open it at https://ui.perfetto.dev");
        assertReadableSwimlane(message);

        String replayValue = replayValue(message);
        assertThat(replayValue).startsWith(className + "#" + method + ":rt1.");
        String replayed = failureMessage(EngineTestKit.engine(ENGINE)
                .selectors(selectMethod(className + "#" + method))
                .configurationParameter("racetest.replay", replayValue)
                .execute());
        assertThat(replayed).contains("Replayed from a schedule");
        assertThat(headline(replayed)).isEqualTo(headline(message));
    }

    @ParameterizedTest(name = "{0}#{1} is found without race detection as: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            dev.racetest.examples.counter.HitCounterRaceTest | plainCounterCountsEveryHit | AssertionFailedError in thread main: [hits counted] expected: 6 but was:
            dev.racetest.examples.payout.PayoutRaceTest      | balanceNeverGoesNegative   | AssertionFailedError in thread main: [balance after two payouts of 60 from 100] expected: 40L but was: -20L
            dev.racetest.examples.settings.SettingsRaceTest  | settingsLoadOnce           | AssertionFailedError in thread main: [settings loads] expected: 1 but was: 2
            """)
    void racyExampleStillBreaksItsAssertionWithoutRaceDetection(String className, String method, String verdict) {
        String message = failureMessage(EngineTestKit.engine(ENGINE).selectors(selectMethod(className + "#" + method))
                .configurationParameter("racetest.races", "off").execute());
        assertThat(message).startsWith("racetest found a failure: ").contains(verdict);
        assertReadableSwimlane(message);
    }

    /**
     * Asserts that the failure message is short enough to read in a terminal: its interleaving is a
     * swimlane table of at most 40 lines, one column per thread, with the failing step marked, and
     * everything around it (headline, the two accesses or the blocked threads, how to replay) takes at
     * most 25 more.
     */
    private static void assertReadableSwimlane(String message) {
        List<String> lines = message.lines().toList();
        int title = lines.indexOf(lines.stream().filter(line -> line.startsWith("Interleaving, one column per thread ("))
                .findFirst().orElseThrow(() -> new AssertionError("no swimlane table in:\n" + message)));
        List<String> table = lines.subList(title, lines.subList(title, lines.size()).indexOf("") + title);
        assertThat(table).as("the swimlane table").hasSizeLessThanOrEqualTo(40);
        assertThat(lines.size() - table.size()).as("the lines around the table").isLessThanOrEqualTo(25);
        assertThat(table.get(1)).as("its header").containsPattern("^ +step  T0 main  .*T1 .* source$");
        assertThat(table).as("the failing step").anyMatch(line -> line.startsWith(">>"));
    }

    /**
     * The last column is the fewest distinct interleavings the budget must have covered: the warm-up
     * twin's threads never compete (one sleeps or waits on the latch while the other runs), so it has
     * exactly one.
     */
    @ParameterizedTest(name = "{0}#{1} passes every execution")
    @CsvSource(delimiter = '|', textBlock = """
            dev.racetest.examples.counter.HitCounterRaceTest   | atomicCounterCountsEveryHit          | 2
            dev.racetest.examples.payout.PayoutRaceTest        | synchronizedBalanceNeverGoesNegative | 2
            dev.racetest.examples.transfer.TransferRaceTest    | orderedOpposingTransfersComplete     | 2
            dev.racetest.examples.quote.QuoteRaceTest          | everySafeQuoteHasAPrice              | 2
            dev.racetest.examples.warmup.WarmUpRaceTest        | pricesAreReadyAfterAWaitedStartUp    | 1
            dev.racetest.examples.settings.SettingsRaceTest    | holderSettingsLoadOnce               | 2
            dev.racetest.examples.lazyinit.DoubleCheckedLockingRaceTest | volatileTemplatesAreLoadedOnce  | 2
            dev.racetest.examples.cancel.CancelledImportRaceTest | interruptedImportLeavesNoThreadBehind | 2
            dev.racetest.examples.handoff.OrderHandoffRaceTest | everyOrderIsHandedOverWithNotifyAll  | 2
            dev.racetest.examples.pool.PooledBufferRaceTest    | eachCallerGetsItsOwnGreetingWhenReadBeforeRelease | 2
            dev.racetest.examples.publish.QuotePublicationRaceTest | aReleasedQuoteIsComplete         | 2
            dev.racetest.examples.initorder.InitialisationOrderRaceTest | bothEntryPointsSeeTheDefaultCurrencyWithALazyFee | 2
            dev.racetest.examples.stopflag.StopFlagRaceTest    | volatilePollerStopsWhenAsked         | 2
            dev.racetest.examples.sessions.SessionRegistryRaceTest | everyLoginIsRegisteredConcurrently | 2
            dev.racetest.examples.mapped.MappedCounterRaceTest | ownSlotsCountEveryHit                | 2
            """)
    void correctTwinPassesItsWholeBudget(String className, String method, int minInterleavings) {
        EngineExecutionResults results = EngineTestKit.engine(ENGINE)
                .selectors(selectMethod(className + "#" + method)).execute();

        results.testEvents().assertThatEvents().haveExactly(1, event(test(method), finishedSuccessfully()));
        Map<String, String> entries = reportEntries(results);
        assertThat(entries).containsEntry("racetest.executions", "1000");
        assertThat(Integer.parseInt(entries.get("racetest.interleavings"))).isGreaterThanOrEqualTo(minInterleavings);
    }

    private static String failureMessage(EngineExecutionResults results) {
        results.testEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(message(m -> true))));
        return results.testEvents().failed().stream()
                .map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow())
                .map(r -> r.getThrowable().orElseThrow().getMessage())
                .findFirst().orElseThrow();
    }

    private static Map<String, String> reportEntries(EngineExecutionResults results) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(Event::getPayload)
                .flatMap(java.util.Optional::stream)
                .filter(ReportEntry.class::isInstance)
                .map(ReportEntry.class::cast)
                .map(ReportEntry::getKeyValuePairs)
                .reduce(new java.util.HashMap<>(), (all, more) -> {
                    all.putAll(more);
                    return all;
                });
    }

    private static String replayValue(String message) {
        return message.lines().map(String::strip)
                .filter(line -> line.startsWith("-Dracetest.replay="))
                .map(line -> line.substring("-Dracetest.replay=".length()))
                .findFirst().orElseThrow(() -> new AssertionError("no replay line in:\n" + message));
    }

    private static String headline(String message) {
        return message.lines().findFirst().orElse("");
    }
}
