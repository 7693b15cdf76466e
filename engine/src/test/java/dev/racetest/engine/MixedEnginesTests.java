package dev.racetest.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import dev.racetest.fixtures.MixedEnginesFixture;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.junit.platform.testkit.engine.EngineTestKit;

/** racetest and JUnit Jupiter share a class: each runs its own methods and neither takes the other's. */
@Timeout(120)
class MixedEnginesTests {

    @TempDir
    Path reportDir;

    @Test
    void eachEngineRunsItsOwnMethod() {
        EngineTestKit.engine("junit-jupiter")
                .enableImplicitConfigurationParameters(false)
                .selectors(selectClass(MixedEnginesFixture.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(1).succeeded(1));
        RaceTestKit.racetest(reportDir)
                .selectors(selectClass(MixedEnginesFixture.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void oneLauncherRunsBothEnginesOverTheSameClass() {
        LauncherDiscoveryRequest request = request()
                .selectors(selectClass(MixedEnginesFixture.class))
                .configurationParameter("racetest.reportDir", reportDir.toString())
                .enableImplicitConfigurationParameters(false)
                .build();
        Launcher launcher = LauncherFactory.create();
        TestPlan plan = launcher.discover(request);
        SummaryGeneratingListener summary = new SummaryGeneratingListener();

        launcher.execute(plan, summary);

        assertThat(plan.getRoots()).extracting(TestIdentifier::getUniqueIdObject)
                .extracting(id -> id.getEngineId().orElseThrow())
                .contains("junit-jupiter", "racetest");
        TestExecutionSummary result = summary.getSummary();
        assertThat(result.getTestsFoundCount()).isEqualTo(2);
        assertThat(result.getTestsSucceededCount()).isEqualTo(2);
        assertThat(result.getTotalFailureCount()).isZero();
    }
}
