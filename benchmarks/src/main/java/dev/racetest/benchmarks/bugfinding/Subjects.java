package dev.racetest.benchmarks.bugfinding;

import java.util.List;

/** The programs the benchmark runs: the classic bug programs, then every buggy example. */
final class Subjects {

    private static final String BUGS = "dev.racetest.benchmarks.bugs.";
    private static final String EXAMPLES = "dev.racetest.examples.";

    private Subjects() {
    }

    static List<Subject> all() {
        return List.of(
                classic("use-before-init", "UseBeforeInit", "run", true),
                classic("check-then-book (2 sections)", "SplitCheckThenBook", "run", true),
                classic("wrong lock", "WrongLock", "run", true),
                classic("reorder-3", "ReorderChecks", "threeSetters", true),
                classic("reorder-10", "ReorderChecks", "tenSetters", false),
                classic("reorder-50", "ReorderChecks", "fiftySetters", false),
                classic("token ring", "TokenRing", "run", true),
                classic("stealing deque, last element", "StealingDequeLastElement", "run", true),
                classic("split append (sync buffer)", "SplitAppend", "run", true),
                classic("unsynchronized stack", "UnsynchronizedStack", "run", true),
                classic("unsynchronized queue", "UnsynchronizedQueue", "run", true),
                classic("lazy initialisation", "LazyInitialisation", "run", true),
                // Every buggy example of the examples module (ExamplesTests lists the same six); the
                // correct twins are left out, since there is no bug to find.
                example("ex: lost-update counter", "counter.HitCounterRaceTest", "plainCounterCountsEveryHit", true),
                example("ex: payout check-then-act", "payout.PayoutRaceTest", "balanceNeverGoesNegative", true),
                example("ex: transfer deadlock", "transfer.TransferRaceTest", "opposingTransfersComplete", true),
                example("ex: quote timeout", "quote.QuoteRaceTest", "everyQuoteHasAPrice", true),
                example("ex: sleep warm-up", "warmup.WarmUpRaceTest", "pricesAreReadyAfterStartUp", true),
                example("ex: lazy settings", "settings.SettingsRaceTest", "settingsLoadOnce", true));
    }

    private static Subject classic(String name, String simpleName, String method, boolean dporFeasible) {
        // Their state is all in instances, so loading once per program changes nothing but the speed.
        return new Subject(name, "classic", BUGS + simpleName, method, dporFeasible, false);
    }

    private static Subject example(String name, String relativeName, String method, boolean dporFeasible) {
        // As the engine runs them by default; the lazy settings' bug lives in a static field.
        return new Subject(name, "example", EXAMPLES + relativeName, method, dporFeasible, true);
    }
}
