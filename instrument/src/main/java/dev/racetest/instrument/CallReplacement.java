package dev.racetest.instrument;

import dev.racetest.instrument.hooks.SyncPointKind;

/**
 * A hook that stands in for a JDK method call, and the kind of site it reports.
 *
 * @param hook the hook, which takes the call's receiver and arguments in the order the call had them
 * @param kind the kind of its site, or {@code null} for hooks that take no site (pure queries, which
 *             are not scheduling points)
 */
record CallReplacement(HookMethod hook, SyncPointKind kind) {
}
