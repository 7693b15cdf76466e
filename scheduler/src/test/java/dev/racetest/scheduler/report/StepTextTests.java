package dev.racetest.scheduler.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The short forms of operations and locations that the swimlane table shows. */
class StepTextTests {

    @Test
    void anObjectsOwnFieldIsWrittenObjectFirst() {
        assertThat(StepText.operation("read PayoutService.balance of PayoutService#1")).isEqualTo("read PayoutService#1.balance");
        assertThat(StepText.operation("volatile write Flag.ready of Flag#12")).isEqualTo("volatile write Flag#12.ready");
        assertThat(StepText.operation("atomic AtomicInteger.getAndIncrement of AtomicInteger#1"))
                .isEqualTo("atomic AtomicInteger#1.getAndIncrement");
    }

    @Test
    void anInheritedFieldKeepsItsDeclaringClass() {
        assertThat(StepText.operation("write Base.count of Derived#2")).isEqualTo("write Base.count of Derived#2");
    }

    @Test
    void aLibraryCallNamesTheObjectsClassNotTheInterface() {
        assertThat(StepText.operation("calls Map.get ConcurrentHashMap#1")).isEqualTo("calls ConcurrentHashMap#1.get");
        assertThat(StepText.operation("waits in ExecutorService.awaitTermination ThreadPoolExecutor#1"))
                .isEqualTo("waits in ThreadPoolExecutor#1.awaitTermination");
    }

    @Test
    void otherOperationsStayAsRecorded() {
        assertThat(StepText.operation("starts")).isEqualTo("starts");
        assertThat(StepText.operation("locks Account#2")).isEqualTo("locks Account#2");
        assertThat(StepText.operation("array read String[]#1[0]")).isEqualTo("array read String[]#1[0]");
    }

    @Test
    void aLocationShortensToItsFileAndLine() {
        assertThat(StepText.shortLocation("PayoutService.payout(PayoutService.java:18)")).isEqualTo("PayoutService.java:18");
        assertThat(StepText.shortLocation("Outer$Inner.lambda$run$0(Outer.java:7)")).isEqualTo("Outer.java:7");
        assertThat(StepText.shortLocation("")).isEmpty();
    }

    @Test
    void aKindIsTheOperationsVerb() {
        assertThat(StepText.kind("read PayoutService.balance of PayoutService#1")).isEqualTo("read");
        assertThat(StepText.kind("volatile write Flag.ready of Flag#1")).isEqualTo("volatile write");
        assertThat(StepText.kind("waits in Future.get FutureTask#1")).isEqualTo("waits in");
        assertThat(StepText.kind("starts")).isEqualTo("starts");
    }

    @Test
    void anOperationTooLongIsCutInItsObjectsClassNameToKeepWhatIsDone() {
        assertThat(StepText.fitOperation("waits in ThreadPoolExecutor#1.awaitTermination", 34))
                .isEqualTo("waits in Thr...#1.awaitTermination").hasSize(34);
        // When the class name cannot give enough, the end goes.
        assertThat(StepText.fitOperation("calls ConcurrentHashMap#1.computeIfAbsentWithAVeryLongName", 30))
                .isEqualTo("calls ConcurrentHashMap#1.c...");
        assertThat(StepText.fitOperation("calls Map#1.get", 10)).isEqualTo("calls M...");
    }

    @Test
    void textLongerThanItsWidthEndsInAnEllipsis() {
        assertThat(StepText.fit("calls ThreadPoolExecutor#1.awaitTermination", 20)).isEqualTo("calls ThreadPoolE...").hasSize(20);
        assertThat(StepText.fit("locks Account#2", 20)).isEqualTo("locks Account#2");
    }
}
