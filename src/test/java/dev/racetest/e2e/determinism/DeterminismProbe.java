package dev.racetest.e2e.determinism;

import dev.racetest.instrument.InstrumentationPolicy;
import dev.racetest.instrument.InstrumentingClassLoader;
import dev.racetest.scheduler.Strategy;
import dev.racetest.scheduler.TraceStep;
import dev.racetest.scheduler.runtime.Execution;
import dev.racetest.scheduler.strategy.RandomWalkStrategy;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.List;

/**
 * Runs {@link NondeterministicProgram} for a number of executions under random walk with the given
 * seed, loading it afresh for every execution as {@code racetest.statics=fresh} does, and prints every
 * step of every interleaving and everything the program observed. Two JVMs given the same seed must
 * print the same lines. Usage: {@code DeterminismProbe <seed> <executions>}.
 */
public final class DeterminismProbe {

    private DeterminismProbe() {
    }

    public static void main(String[] args) throws Exception {
        long seed = Long.parseLong(args[0]);
        int executions = Integer.parseInt(args[1]);
        Strategy strategy = new RandomWalkStrategy(seed);
        for (int i = 0; i < executions; i++) {
            strategy.beginExecution(i);
            Object[] program = new Object[1];
            Execution execution = new Execution(strategy, 100_000, Duration.ofSeconds(10), true);
            var outcome = execution.run(() -> {
                ClassLoader loader = new InstrumentingClassLoader(DeterminismProbe.class.getClassLoader(),
                        InstrumentationPolicy.defaults());
                Object instance = Class.forName(NondeterministicProgram.class.getName(), true, loader)
                        .getConstructor().newInstance();
                program[0] = instance;
                ((Runnable) instance).run();
            });
            System.out.println("execution " + i + " " + outcome.headline() + " steps " + execution.steps());
            for (TraceStep step : execution.trace()) {
                System.out.println("  " + step.index() + " T" + step.threadId() + " " + step.threadName() + " "
                        + step.operation() + " @ " + step.location());
            }
            Field observations = program[0].getClass().getField("observations");
            for (Object observation : (List<?>) observations.get(program[0])) {
                System.out.println("  saw " + observation);
            }
        }
    }
}
