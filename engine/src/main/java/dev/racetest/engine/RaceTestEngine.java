package dev.racetest.engine;

import dev.racetest.engine.discovery.RaceTestDiscovery;
import dev.racetest.engine.execution.RaceTestExecutor;

import java.util.Optional;

import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;

/**
 * The racetest {@link TestEngine}: discovers {@link dev.racetest.RaceTest @RaceTest} methods and
 * explores each one's interleavings with the racetest scheduler.
 *
 * <p>Registered through {@code META-INF/services}, so any JUnit Platform launcher (Maven Surefire,
 * Gradle, IDEs) runs it beside JUnit Jupiter; in a class that mixes {@code @Test} and
 * {@code @RaceTest} methods each engine runs its own. Configuration is described in
 * {@link dev.racetest.engine.config.RaceTestConfiguration}.
 */
public final class RaceTestEngine implements TestEngine {

    /** The engine id, the first segment of every racetest unique id. */
    public static final String ENGINE_ID = "racetest";

    @Override
    public String getId() {
        return ENGINE_ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("dev.racetest");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("racetest-engine");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        EngineDescriptor engine = new EngineDescriptor(uniqueId, "racetest");
        RaceTestDiscovery.discover(request, engine);
        return engine;
    }

    @Override
    public void execute(ExecutionRequest request) {
        new RaceTestExecutor(request).execute();
    }
}
