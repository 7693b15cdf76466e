package dev.racetest.benchmarks.programs;

import dev.racetest.examples.transfer.Account;
import dev.racetest.examples.transfer.Bank;
import dev.racetest.scheduler.TestBody;

/** The deadlock example: transfers in both directions that lock in argument order. */
public final class OpposingTransfers implements TestBody {

    @Override
    public void run() throws InterruptedException {
        Bank bank = new Bank();
        Account alice = new Account(1, 100);
        Account bob = new Account(2, 100);
        Thread aliceToBob = new Thread(() -> bank.transfer(alice, bob, 30));
        Thread bobToAlice = new Thread(() -> bank.transfer(bob, alice, 50));
        aliceToBob.start();
        bobToAlice.start();
        aliceToBob.join();
        bobToAlice.join();
    }
}
