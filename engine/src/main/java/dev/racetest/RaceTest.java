package dev.racetest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Mark a method as a race test: racetest runs it many times, each time under a different
 * interleaving of the threads it starts, and fails it with the first interleaving that breaks it.
 *
 * <p>The method must return {@code void} and take no parameters; it may be an instance method (its
 * class then needs a constructor without parameters, which may be private) or a static method. Its
 * class must be a top-level or static nested class. racetest calls the method once per execution,
 * on the first controlled thread, with a fresh instance of the class; static state is shared by all
 * executions of a test, so keep the state under test in instance fields or local variables.
 *
 * <p>Every thread the method starts is controlled: racetest decides which one runs at each
 * synchronisation point (field and array accesses, monitors, locks, atomics, thread start and join)
 * of the instrumented code. When an execution fails (an uncaught exception or failed assertion in
 * any thread, a deadlock, a livelock or a stuck execution), the test fails with a report that shows
 * the interleaving step by step and ends with the line that replays it exactly.
 *
 * <pre>{@code
 * class AccountTests {
 *     private final Account account = new Account(100);
 *
 *     @RaceTest(executions = 2_000)
 *     void concurrentWithdrawalsNeverOverdraw() throws InterruptedException {
 *         Thread first = new Thread(() -> account.withdraw(80));
 *         Thread second = new Thread(() -> account.withdraw(80));
 *         first.start();
 *         second.start();
 *         first.join();
 *         second.join();
 *         assertThat(account.balance()).isNotNegative();
 *     }
 * }
 * }</pre>
 *
 * <p>Every attribute left at its default takes its value from the configuration parameter of the
 * same name ({@code racetest.executions}, {@code racetest.seed}, ...), set as a {@code -D} system
 * property or in {@code junit-platform.properties}, and otherwise from racetest's built-in default.
 * An attribute that is set wins over the configuration parameter, except that
 * {@code racetest.replay=Class#method:TOKEN} naming this very test wins over everything, so a
 * failure can be replayed from the command line without editing the test.
 *
 * <p>This annotation is not inherited through overriding: a subclass method that overrides a
 * {@code @RaceTest} method is a race test only if it is annotated itself.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RaceTest {

    /**
     * Return how many executions (interleavings) to run at most; {@code 0} uses
     * {@code racetest.executions} (default 1000).
     */
    int executions() default 0;

    /**
     * Return the wall time after which no new execution starts, such as {@code "500ms"},
     * {@code "10s"}, {@code "2m"} or {@code "PT10S"}; empty uses {@code racetest.timeBudget}
     * (default 10s).
     */
    String timeBudget() default "";

    /**
     * Return the seed that drives the strategy: a decimal number, a hexadecimal number starting with
     * {@code 0x}, or {@code "random"} for a new seed each run (shown in the report entries); empty
     * uses {@code racetest.seed} (default a fixed seed, so runs repeat).
     */
    String seed() default "";

    /** Return the exploration strategy; {@link RaceStrategy#CONFIGURED} uses {@code racetest.strategy}. */
    RaceStrategy strategy() default RaceStrategy.CONFIGURED;

    /**
     * Return how many scheduling steps one execution may take before it fails as a livelock;
     * {@code 0} uses {@code racetest.maxSteps} (default 100000).
     */
    int maxSteps() default 0;

    /**
     * Return the wall time one execution may take before it fails as stuck, in the same forms as
     * {@link #timeBudget()}; empty uses {@code racetest.executionTimeout} (default 10s).
     */
    String executionTimeout() default "";

    /**
     * Return a schedule token from a failure report: when set, the test runs exactly that one
     * interleaving instead of exploring. Empty explores. A {@code racetest.replay} configuration
     * parameter that names this test takes precedence.
     */
    String replay() default "";

    /**
     * Return {@code "fresh"} to load the program afresh for every execution, so its statics start as
     * a newly started JVM would start them and initialisation races can be found, or {@code "shared"}
     * to load it once per test (faster; statics carry over between executions); empty uses
     * {@code racetest.statics} (default fresh).
     */
    String statics() default "";
}
