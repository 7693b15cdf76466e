package dev.racetest.examples.transfer;

/** A bank account; its monitor guards its balance. */
public final class Account {

    private final int id;
    private long balance;

    public Account(int id, long openingBalance) {
        this.id = id;
        this.balance = openingBalance;
    }

    public int id() {
        return id;
    }

    public synchronized long balance() {
        return balance;
    }

    /** Changes the balance; the caller holds this account's monitor. */
    void adjust(long delta) {
        balance += delta;
    }
}
