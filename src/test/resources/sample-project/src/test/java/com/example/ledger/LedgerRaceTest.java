package com.example.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.racetest.RaceTest;

class LedgerRaceTest {

    @RaceTest
    void concurrentAddsAllCount() throws InterruptedException {
        Ledger ledger = new Ledger();
        Thread a = new Thread(() -> ledger.add(2));
        Thread b = new Thread(() -> ledger.add(3));
        a.start();
        b.start();
        a.join();
        b.join();
        assertEquals(5, ledger.total());
    }
}
