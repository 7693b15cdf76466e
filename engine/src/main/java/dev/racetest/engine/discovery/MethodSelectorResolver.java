package dev.racetest.engine.discovery;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.support.discovery.SelectorResolver.Resolution.unresolved;

import dev.racetest.engine.descriptor.RaceTestClassDescriptor;
import dev.racetest.engine.descriptor.RaceTestMethodDescriptor;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Resolve method selectors, and unique ids that end in a method segment, to a
 * {@link RaceTestMethodDescriptor} under its class.
 *
 * <p>A {@code @RaceTest} method racetest cannot run still becomes a test, which fails with the
 * sentence that says why, and is reported as a {@link DiscoveryIssue.Severity#WARNING WARNING}
 * discovery issue: a warning, because an error would abort the whole run, and one broken
 * declaration must not stop every other test.
 */
final class MethodSelectorResolver implements SelectorResolver {

    private final DiscoveryIssueReporter issues;

    MethodSelectorResolver(DiscoveryIssueReporter issues) {
        this.issues = issues;
    }

    @Override
    public Resolution resolve(MethodSelector selector, Context context) {
        Class<?> testClass = selector.getJavaClass();
        Method method = selector.getJavaMethod();
        if (!RaceTestMethods.isRaceTest(method) || !RaceTestMethods.isCandidate(testClass)) {
            return unresolved();
        }
        return context.addToParent(() -> selectClass(testClass), parent -> Optional.of(descriptor(parent, testClass, method)))
                .map(descriptor -> Resolution.match(Match.exact(descriptor)))
                .orElse(unresolved());
    }

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        List<UniqueId.Segment> segments = selector.getUniqueId().getSegments();
        if (segments.size() != 3
                || !RaceTestClassDescriptor.SEGMENT_TYPE.equals(segments.get(1).getType())
                || !RaceTestMethodDescriptor.SEGMENT_TYPE.equals(segments.get(2).getType())) {
            return unresolved();
        }
        String methodSegment = segments.get(2).getValue();
        return ReflectionSupport.tryToLoadClass(segments.get(1).getValue()).toOptional()
                .filter(RaceTestMethods::isCandidate)
                .flatMap(testClass -> RaceTestMethods.find(testClass).stream()
                        .filter(method -> RaceTestMethodDescriptor.segmentValue(method).equals(methodSegment))
                        .findFirst()
                        .map(method -> Resolution.selectors(Set.of(selectMethod(testClass, method)))))
                .orElse(unresolved());
    }

    private TestDescriptor descriptor(TestDescriptor parent, Class<?> testClass, Method method) {
        UniqueId id = parent.getUniqueId().append(RaceTestMethodDescriptor.SEGMENT_TYPE,
                RaceTestMethodDescriptor.segmentValue(method));
        Optional<? extends TestDescriptor> existing = parent.getChildren().stream()
                .filter(child -> child.getUniqueId().equals(id))
                .findFirst();
        if (existing.isPresent()) {
            // Resolved before (the class and the method were both selected): keep one issue per method.
            return existing.get();
        }
        String problem = RaceTestMethods.problem(testClass, method).orElse(null);
        if (problem != null) {
            issues.reportIssue(DiscoveryIssue.builder(DiscoveryIssue.Severity.WARNING, problem)
                    .source(MethodSource.from(testClass, method)));
        }
        return new RaceTestMethodDescriptor(parent.getUniqueId(), testClass, method, problem);
    }
}
