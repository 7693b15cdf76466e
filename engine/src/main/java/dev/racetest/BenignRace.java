package dev.racetest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declare that races on this field are intended: racetest's data-race detector does not report them
 * (the accesses are still scheduling points, so the interleavings around them are explored and an
 * assertion that breaks still fails the test).
 *
 * <p>For a statistic read without a lock, a racy single-check cache of an immutable value, and the like.
 * The instrumenter reads the annotation from the declaring class's bytes when it rewrites an access to
 * the field, so it also applies where a subclass's code accesses it. Fields of classes that cannot be
 * annotated can be listed in the {@code racetest.races.benign} configuration parameter instead.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface BenignRace {

    /** Optionally, why the race is harmless, for the reader. */
    String value() default "";
}
