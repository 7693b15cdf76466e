package com.example.ledger;

/** A running total that several threads add to. */
public class Ledger {

    private long total;

    public synchronized void add(long amount) {
        total += amount;
    }

    public synchronized long total() {
        return total;
    }
}
