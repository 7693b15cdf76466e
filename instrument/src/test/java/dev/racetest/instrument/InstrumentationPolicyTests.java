package dev.racetest.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class InstrumentationPolicyTests {

    private final InstrumentationPolicy defaults = InstrumentationPolicy.defaults();

    @Test
    void defaultsInstrumentUserCode() {
        assertThat(defaults.instruments("com.acme.Account")).isTrue();
        assertThat(defaults.instruments("com.acme.Account$Ledger")).isTrue();
        assertThat(defaults.instruments("Unpackaged")).isTrue();
    }

    @Test
    void defaultsInstrumentSubpackagesOfTheRootPackage() {
        assertThat(defaults.instruments("dev.racetest.examples.BankTransfer")).isTrue();
        assertThat(defaults.instruments("dev.racetest.fixtures.instrument.Counter")).isTrue();
    }

    @Test
    void defaultsExcludeTheRootPackageItselfAndRacetestModules() {
        assertThat(defaults.instruments("dev.racetest.RaceTest")).isFalse();
        assertThat(defaults.instruments("dev.racetest.RaceTest$Strategy")).isFalse();
        assertThat(defaults.instruments("dev.racetest.instrument.hooks.Hooks")).isFalse();
        assertThat(defaults.instruments("dev.racetest.scheduler.Scheduler")).isFalse();
        assertThat(defaults.instruments("dev.racetest.engine.execution.RaceTestExecutor")).isFalse();
    }

    @Test
    void defaultsExcludeTheJdkAndTheHarnessLibraries() {
        List<String> excluded = List.of("java.util.HashMap", "javax.net.ssl.SSLContext", "jdk.internal.misc.Unsafe",
                "sun.misc.Unsafe", "com.sun.net.httpserver.HttpServer", "org.junit.jupiter.api.Test",
                "junit.framework.TestCase", "org.opentest4j.AssertionFailedError", "org.apiguardian.api.API",
                "org.assertj.core.api.Assertions", "net.bytebuddy.ByteBuddy", "org.objectweb.asm.ClassReader",
                "org.jctools.queues.MpscArrayQueue");
        assertThat(excluded).noneMatch(defaults::instruments);
        assertThat(InstrumentationPolicy.defaultExcludes()).hasSize(16);
    }

    @Test
    void includesNarrowAndExcludesWin() {
        InstrumentationPolicy policy = defaults.withIncludes(List.of("com.acme.", "org.junit."))
                .withExcludes(List.of("com.acme.generated."));

        assertThat(policy.instruments("com.acme.Account")).isTrue();
        assertThat(policy.instruments("com.other.Account")).isFalse();
        assertThat(policy.instruments("com.acme.generated.Proxy")).isFalse();
        assertThat(policy.instruments("org.junit.jupiter.api.Test")).as("default excludes win").isFalse();
    }

    @Test
    void substitutesAreRewrittenWhateverIncludesAndExcludesSay() {
        InstrumentationPolicy policy = defaults.withIncludes(List.of("com.acme."))
                .withExcludes(List.of("dev.racetest."));

        assertThat(policy.instruments("dev.racetest.substitutes.ControlledForkJoinPool")).isTrue();
        assertThat(policy.instruments("dev.racetest.examples.Account")).isFalse();
    }

    @Test
    void withersReplaceTheirComponent() {
        InstrumentationPolicy policy = defaults.withExcludes(List.of("a.")).withExcludes(List.of("b."));

        assertThat(policy.excludes()).containsExactly("b.");
        assertThat(policy.includes()).isEmpty();
    }

    @Test
    void rejectsBlankPrefixes() {
        assertThatThrownBy(() -> defaults.withIncludes(List.of("com.acme.", " ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("includes must not contain null or blank prefixes");
        assertThatThrownBy(() -> defaults.withExcludes(List.of("")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("excludes must not contain null or blank prefixes");
        assertThatThrownBy(() -> new InstrumentationPolicy(null, List.of()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("includes must not be null");
    }
}
