/**
 * Classic concurrency-bug programs for the bug-finding benchmark, in the spirit of SCTBench and the
 * "CB" benchmark suite: plain Java, no racetest API, each a small class whose {@code run} method (or
 * named static method) throws an {@link java.lang.AssertionError} when the bug shows in that
 * interleaving. Every one of them has a bug some interleaving reaches; none is a puzzle.
 */
package dev.racetest.benchmarks.bugs;
