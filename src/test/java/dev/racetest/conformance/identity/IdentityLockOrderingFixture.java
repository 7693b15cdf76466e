package dev.racetest.conformance.identity;

import dev.racetest.RaceTest;

/**
 * Must pass: transfers in opposite directions take the two account monitors in the order of their
 * {@code System.identityHashCode}, with a tie-breaking lock when the hashes are equal (Goetz, Java
 * Concurrency in Practice, 10.1.2), so they never deadlock and the total is kept.
 */
public class IdentityLockOrderingFixture {

    static final class Account {
        int balance = 100;
    }

    private final Object tieLock = new Object();

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void transfersKeepTheTotal() throws InterruptedException {
        Account alice = new Account();
        Account bob = new Account();
        Thread aliceToBob = new Thread(() -> transfer(alice, bob, 30), "alice-to-bob");
        Thread bobToAlice = new Thread(() -> transfer(bob, alice, 20), "bob-to-alice");
        aliceToBob.start();
        bobToAlice.start();
        aliceToBob.join();
        bobToAlice.join();
        if (alice.balance != 90 || bob.balance != 110) {
            throw new AssertionError("alice " + alice.balance + ", bob " + bob.balance);
        }
    }

    private void transfer(Account from, Account to, int amount) {
        int fromHash = System.identityHashCode(from);
        int toHash = System.identityHashCode(to);
        if (fromHash < toHash) {
            synchronized (from) {
                synchronized (to) {
                    move(from, to, amount);
                }
            }
        } else if (fromHash > toHash) {
            synchronized (to) {
                synchronized (from) {
                    move(from, to, amount);
                }
            }
        } else {
            synchronized (tieLock) {
                synchronized (from) {
                    synchronized (to) {
                        move(from, to, amount);
                    }
                }
            }
        }
    }

    private static void move(Account from, Account to, int amount) {
        from.balance -= amount;
        to.balance += amount;
    }
}
