package com.example.ledger;

/** A ledger that forgot its lock. */
public class UnsafeLedger {

    private long total;

    public void add(long amount) {
        total += amount;
    }

    public long total() {
        return total;
    }
}
