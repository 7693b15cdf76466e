package dev.racetest.conformance.completablefuture;

import dev.racetest.RaceTest;

import java.util.concurrent.CompletableFuture;

/**
 * Must pass: a pipeline of {@code supplyAsync}, {@code thenApplyAsync} and {@code thenCombine} passes
 * values only through the futures and is joined at its end.
 */
public class AsyncPipelineFixture {

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void pipelineComputesTheAnswer() {
        CompletableFuture<Integer> half = CompletableFuture.supplyAsync(() -> 20).thenApplyAsync(value -> value + 1);
        CompletableFuture<Integer> other = CompletableFuture.supplyAsync(() -> 21);
        int answer = half.thenCombine(other, Integer::sum).join();
        if (answer != 42) {
            throw new AssertionError("answer " + answer);
        }
    }
}
