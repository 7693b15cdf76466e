package dev.racetest.conformance.synchronizers;

import dev.racetest.RaceTest;

import java.util.concurrent.Phaser;

/**
 * Must pass: both workers are registered before they start ({@code bulkRegister}), each writes its
 * slot for the round and arrives; the test body reads both slots after each advance, for two rounds.
 */
public class PhaserRoundsFixture {

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void everyRoundSeesBothSlots() throws InterruptedException {
        Phaser phaser = new Phaser(1);
        int[] slots = new int[2];
        phaser.bulkRegister(2);
        Thread first = new Thread(() -> work(phaser, slots, 0), "first");
        Thread second = new Thread(() -> work(phaser, slots, 1), "second");
        first.start();
        second.start();
        for (int round = 1; round <= 2; round++) {
            phaser.arriveAndAwaitAdvance(); // the workers wrote this round's slots
            if (slots[0] != round || slots[1] != round) {
                throw new AssertionError("round " + round + " saw " + slots[0] + "," + slots[1]);
            }
            phaser.arriveAndAwaitAdvance(); // let them start the next round only after the check
        }
        phaser.arriveAndDeregister();
        first.join();
        second.join();
    }

    private static void work(Phaser phaser, int[] slots, int index) {
        for (int round = 1; round <= 2; round++) {
            slots[index] = round;
            phaser.arriveAndAwaitAdvance();
            phaser.arriveAndAwaitAdvance();
        }
        phaser.arriveAndDeregister();
    }
}
