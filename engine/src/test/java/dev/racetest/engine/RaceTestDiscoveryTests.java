package dev.racetest.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.racetest.fixtures.InvalidDeclarationsFixture;
import dev.racetest.fixtures.discovery.InheritingFixture;
import dev.racetest.fixtures.discovery.NoRaceTestsFixture;
import dev.racetest.fixtures.discovery.TwoRaceTestsFixture;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.EngineTestKit;

class RaceTestDiscoveryTests {

    private static final UniqueId ENGINE = UniqueId.forEngine(RaceTestEngine.ENGINE_ID);

    @Test
    void classSelectorFindsTheClassesRaceTestsButNotItsNestedClasses() {
        EngineDiscoveryResults results = discover(selectClass(TwoRaceTestsFixture.class));

        assertThat(testNames(results)).containsExactly("first()", "second()");
        TestDescriptor container = results.getEngineDescriptor().getChildren().iterator().next();
        assertThat(container.getSource()).contains(ClassSource.from(TwoRaceTestsFixture.class));
        assertThat(container.getType()).isEqualTo(TestDescriptor.Type.CONTAINER);
        assertThat(results.getDiscoveryIssues()).isEmpty();
    }

    @Test
    void methodSelectorFindsOneTestWithAMethodSource() throws NoSuchMethodException {
        EngineDiscoveryResults results = discover(selectMethod(TwoRaceTestsFixture.class, "first"));

        List<TestDescriptor> tests = tests(results);
        assertThat(tests).hasSize(1);
        assertThat(tests.getFirst().getSource())
                .contains(MethodSource.from(TwoRaceTestsFixture.class, TwoRaceTestsFixture.class.getDeclaredMethod("first")));
    }

    @Test
    void methodSelectorOfAPlainMethodFindsNothing() {
        assertThat(tests(discover(selectMethod(TwoRaceTestsFixture.class, "notATest")))).isEmpty();
    }

    @Test
    void packageSelectorFindsConcreteAndStaticNestedClassesAndSkipsAbstractOnes() {
        EngineDiscoveryResults results = discover(selectPackage("dev.racetest.fixtures.discovery"));

        // TwoRaceTestsFixture: first, second; its NestedFixture: nested;
        // InheritingFixture: inherited (from the abstract base), own. The abstract base and the class
        // without race tests add nothing.
        assertThat(results.getEngineDescriptor().getChildren())
                .extracting(TestDescriptor::getDisplayName)
                .containsExactlyInAnyOrder("TwoRaceTestsFixture", "TwoRaceTestsFixture$NestedFixture", "InheritingFixture");
        assertThat(testNames(results))
                .containsExactlyInAnyOrder("first()", "second()", "nested()", "inherited()", "own()");
    }

    @Test
    void inheritedRaceTestsRunInTheSubclassAndAnUnannotatedOverrideHidesOne() {
        EngineDiscoveryResults results = discover(selectClass(InheritingFixture.class));

        assertThat(testNames(results)).containsExactly("inherited()", "own()");
        assertThat(tests(results).getFirst().getSource().orElseThrow())
                .isInstanceOfSatisfying(MethodSource.class,
                        source -> assertThat(source.getClassName()).isEqualTo(InheritingFixture.class.getName()));
    }

    @Test
    void uniqueIdSelectorsFindAClassOrOneMethod() {
        UniqueId classId = ENGINE.append("class", TwoRaceTestsFixture.class.getName());

        assertThat(testNames(discover(selectUniqueId(classId)))).containsExactly("first()", "second()");
        assertThat(testNames(discover(selectUniqueId(classId.append("method", "second()"))))).containsExactly("second()");
        assertThat(tests(discover(selectUniqueId(classId.append("method", "missing()"))))).isEmpty();
    }

    @Test
    void uniqueIdsOfDiscoveredTestsSelectTheSameTestsAgain() {
        List<TestDescriptor> tests = tests(discover(selectClass(TwoRaceTestsFixture.class)));

        for (TestDescriptor test : tests) {
            assertThat(tests(discover(selectUniqueId(test.getUniqueId()))))
                    .extracting(TestDescriptor::getUniqueId)
                    .containsExactly(test.getUniqueId());
        }
    }

    @Test
    void classWithoutRaceTestsIsLeftToOtherEngines() {
        EngineDiscoveryResults results = discover(selectClass(NoRaceTestsFixture.class));

        assertThat(results.getEngineDescriptor().getChildren()).isEmpty();
        assertThat(results.getDiscoveryIssues()).isEmpty();
    }

    @Test
    void invalidDeclarationsBecomeTestsAndWarnings() {
        EngineDiscoveryResults results = discover(selectClass(InvalidDeclarationsFixture.class),
                selectClass(InvalidDeclarationsFixture.InnerFixture.class));

        assertThat(testNames(results)).containsExactlyInAnyOrder("total()", "transfer(int)", "valid()", "insideInner()");
        assertThat(results.getDiscoveryIssues())
                .allSatisfy(issue -> assertThat(issue.severity()).isEqualTo(DiscoveryIssue.Severity.WARNING))
                .extracting(DiscoveryIssue::message)
                .containsExactlyInAnyOrder(
                        "@RaceTest method 'transfer(int)' in dev.racetest.fixtures.InvalidDeclarationsFixture must take "
                                + "no parameters: racetest calls it once per execution with none.",
                        "@RaceTest method 'total()' in dev.racetest.fixtures.InvalidDeclarationsFixture must return "
                                + "void, not int: racetest ignores results, so check them inside the method instead.",
                        "@RaceTest method 'insideInner()' in dev.racetest.fixtures.InvalidDeclarationsFixture$InnerFixture "
                                + "cannot run because InnerFixture is an inner class: declare it static so racetest can "
                                + "create it without an enclosing instance.");
    }

    @Test
    void selectingAClassAndOneOfItsMethodsReportsEachIssueOnce() {
        EngineDiscoveryResults results = discover(selectClass(InvalidDeclarationsFixture.class),
                selectMethod(InvalidDeclarationsFixture.class, "transfer", "int"));

        assertThat(tests(results)).hasSize(3);
        assertThat(results.getDiscoveryIssues()).hasSize(2);
    }

    @Test
    void replayNamingAMissingMethodOfADiscoveredClassIsAWarning() {
        EngineDiscoveryResults results = EngineTestKit.engine(new RaceTestEngine())
                .enableImplicitConfigurationParameters(false)
                .configurationParameter("racetest.replay", TwoRaceTestsFixture.class.getName() + "#frist:rt1.AAAA")
                .selectors(selectClass(TwoRaceTestsFixture.class))
                .discover();

        assertThat(results.getDiscoveryIssues()).singleElement().satisfies(issue -> {
            assertThat(issue.severity()).isEqualTo(DiscoveryIssue.Severity.WARNING);
            assertThat(issue.message()).isEqualTo("racetest.replay names " + TwoRaceTestsFixture.class.getName()
                    + "#frist, but " + TwoRaceTestsFixture.class.getName() + " has no selected @RaceTest method frist, "
                    + "so nothing is replayed: copy the replay line from the failure report again.");
        });
    }

    private static EngineDiscoveryResults discover(DiscoverySelector... selectors) {
        return EngineTestKit.engine(new RaceTestEngine())
                .enableImplicitConfigurationParameters(false)
                .selectors(selectors)
                .discover();
    }

    private static List<TestDescriptor> tests(EngineDiscoveryResults results) {
        return results.getEngineDescriptor().getDescendants().stream()
                .filter(TestDescriptor::isTest)
                .map(TestDescriptor.class::cast)
                .toList();
    }

    private static List<String> testNames(EngineDiscoveryResults results) {
        return tests(results).stream().map(TestDescriptor::getDisplayName).toList();
    }
}
