package dev.racetest.engine.discovery;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.support.discovery.SelectorResolver.Resolution.unresolved;

import dev.racetest.engine.descriptor.RaceTestClassDescriptor;

import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Resolve class selectors, and unique ids that end in a class segment, to a
 * {@link RaceTestClassDescriptor} whose children are found by selecting each of its
 * {@code @RaceTest} methods.
 *
 * <p>A class without {@code @RaceTest} methods stays unresolved, so a class mixing {@code @Test}
 * and {@code @RaceTest} methods is shared: JUnit Jupiter takes the one, racetest the other.
 */
final class ClassSelectorResolver implements SelectorResolver {

    @Override
    public Resolution resolve(ClassSelector selector, Context context) {
        Class<?> testClass = selector.getJavaClass();
        if (!RaceTestMethods.isCandidate(testClass)) {
            return unresolved();
        }
        return context.addToParent(parent -> Optional.of(new RaceTestClassDescriptor(parent.getUniqueId(), testClass)))
                .map(descriptor -> Resolution.match(Match.exact(descriptor, () -> methodSelectors(testClass))))
                .orElse(unresolved());
    }

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        List<UniqueId.Segment> segments = selector.getUniqueId().getSegments();
        UniqueId.Segment last = segments.getLast();
        if (segments.size() != 2 || !RaceTestClassDescriptor.SEGMENT_TYPE.equals(last.getType())) {
            return unresolved();
        }
        return ReflectionSupport.tryToLoadClass(last.getValue()).toOptional()
                .filter(RaceTestMethods::isCandidate)
                .map(testClass -> Resolution.selectors(Set.of(selectClass(testClass))))
                .orElse(unresolved());
    }

    private static Set<DiscoverySelector> methodSelectors(Class<?> testClass) {
        Set<DiscoverySelector> selectors = new LinkedHashSet<>();
        for (Method method : RaceTestMethods.find(testClass)) {
            selectors.add(selectMethod(testClass, method));
        }
        return selectors;
    }
}
