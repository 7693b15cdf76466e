package dev.racetest.benchmarks.bugfinding;

/**
 * One program with a bug, as the benchmark runs it: a method of a class, called on a new instance
 * (unless static) in every execution.
 *
 * @param name         the row's name in the table
 * @param origin       {@code "classic"} for the programs in {@code dev.racetest.benchmarks.bugs},
 *                     {@code "example"} for the shipped examples
 * @param className    the class, loaded through racetest's instrumenting loader
 * @param methodName   a no-argument method of it, static or not
 * @param dporFeasible whether exhaustive search is worth running: few threads and short, so DPOR
 *                     finds the bug or ends well within the budget
 * @param freshStatics whether every execution loads the class through a new loader, as a
 *                     {@code @RaceTest} does by default; needed when the bug lives in static state,
 *                     and about 100 times slower, so programs whose state is all in instances share
 */
record Subject(String name, String origin, String className, String methodName, boolean dporFeasible,
               boolean freshStatics) {
}
