package com.example.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LedgerTest {

    @Test
    void addsUp() {
        Ledger ledger = new Ledger();
        ledger.add(2);
        ledger.add(3);
        assertEquals(5, ledger.total());
    }
}
