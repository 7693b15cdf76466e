package dev.racetest.examples.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.RaceTest;

/** Transfers in both directions at once must finish and keep the total. */
class TransferRaceTest {

    interface Transfers {
        void transfer(Account from, Account to, long amount);
    }

    /** Bug: lock-order deadlock. racetest finds both threads holding one account and waiting for the other. */
    @RaceTest
    void opposingTransfersComplete() throws InterruptedException {
        Bank bank = new Bank();
        transferBothWays(bank::transfer);
    }

    /** Correct twin: passes every execution. */
    @RaceTest
    void orderedOpposingTransfersComplete() throws InterruptedException {
        OrderedBank bank = new OrderedBank();
        transferBothWays(bank::transfer);
    }

    private static void transferBothWays(Transfers bank) throws InterruptedException {
        Account alice = new Account(1, 100);
        Account bob = new Account(2, 100);
        Thread aliceToBob = new Thread(() -> bank.transfer(alice, bob, 30), "alice-to-bob");
        Thread bobToAlice = new Thread(() -> bank.transfer(bob, alice, 50), "bob-to-alice");
        aliceToBob.start();
        bobToAlice.start();
        aliceToBob.join();
        bobToAlice.join();
        assertThat(alice.balance() + bob.balance()).as("money in the bank").isEqualTo(200);
        assertThat(alice.balance()).isEqualTo(120);
    }
}
