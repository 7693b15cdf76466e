package dev.racetest.engine.discovery;

import dev.racetest.engine.config.RaceTestConfiguration;
import dev.racetest.engine.config.ReplayTarget;
import dev.racetest.engine.descriptor.RaceTestClassDescriptor;
import dev.racetest.engine.descriptor.RaceTestMethodDescriptor;

import java.util.Objects;

import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;

/**
 * Discover race tests: package, class path root and module selectors are scanned for candidate
 * classes, which resolve like class selectors; classes, methods and unique ids resolve through
 * {@link ClassSelectorResolver} and {@link MethodSelectorResolver}.
 *
 * <p>The tree is engine, then one container per test class, then one test per {@code @RaceTest}
 * method. Thread-safe: the resolver holds no state between requests.
 */
public final class RaceTestDiscovery {

    private static final EngineDiscoveryRequestResolver<EngineDescriptor> RESOLVER =
            EngineDiscoveryRequestResolver.<EngineDescriptor>builder()
                    .addClassContainerSelectorResolver(RaceTestMethods::isCandidate)
                    .addSelectorResolver(context -> new ClassSelectorResolver())
                    .addSelectorResolver(context -> new MethodSelectorResolver(context.getIssueReporter()))
                    .addTestDescriptorVisitor(context -> TestDescriptor::prune)
                    .build();

    private RaceTestDiscovery() {
    }

    /** Resolve the selectors of {@code request} into children of {@code engine}. */
    public static void discover(EngineDiscoveryRequest request, EngineDescriptor engine) {
        Objects.requireNonNull(request, "request must not be null");
        Objects.requireNonNull(engine, "engine must not be null");
        RESOLVER.resolve(request, engine);
        checkReplayTarget(request, engine);
    }

    /**
     * Warn when {@code racetest.replay} names a discovered class but none of its race tests: the
     * replay would otherwise be silently ignored. A class that was not discovered at all is not
     * reported, since one {@code -D} reaches every module of a multi-module build.
     */
    private static void checkReplayTarget(EngineDiscoveryRequest request, EngineDescriptor engine) {
        ReplayTarget target = new RaceTestConfiguration(request.getConfigurationParameters())
                .replayTargetIfValid().orElse(null);
        if (target == null) {
            return;
        }
        String className = target.className();
        String methodName = target.methodName();
        for (TestDescriptor child : engine.getChildren()) {
            if (child instanceof RaceTestClassDescriptor container && container.testClass().getName().equals(className)
                    && container.getChildren().stream().noneMatch(test -> test instanceof RaceTestMethodDescriptor method
                    && method.method().getName().equals(methodName))) {
                DiscoveryIssueReporter.forwarding(request.getDiscoveryListener(), engine.getUniqueId())
                        .reportIssue(DiscoveryIssue.builder(DiscoveryIssue.Severity.WARNING, RaceTestConfiguration.REPLAY
                                        + " names " + className + "#" + methodName + ", but " + className
                                        + " has no selected @RaceTest method " + methodName
                                        + ", so nothing is replayed: copy the replay line from the failure report again.")
                                .source(ClassSource.from(container.testClass())));
            }
        }
    }
}
