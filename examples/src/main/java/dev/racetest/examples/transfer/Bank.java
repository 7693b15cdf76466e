package dev.racetest.examples.transfer;

/**
 * Moves money between accounts. Deadlocks: it locks the source account, then the target, so a
 * transfer from A to B and one from B to A can each hold one lock and wait for the other forever.
 */
public final class Bank {

    public void transfer(Account from, Account to, long amount) {
        synchronized (from) {
            synchronized (to) {
                from.adjust(-amount);
                to.adjust(amount);
            }
        }
    }
}
