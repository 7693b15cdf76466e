package dev.racetest.conformance.identity;

import dev.racetest.RaceTest;

import java.util.HashSet;
import java.util.Set;

/**
 * Must fail: a fee and a bonus are applied, with plain updates, to "the first account" of a
 * {@code HashSet}, and one update is lost. Which account comes first depends on the accounts' identity
 * hash codes (the class does not override {@code hashCode}), and the message names it: replaying must
 * name the same account, which holds only if identity hash codes are a function of the schedule.
 */
public class IdentityHashOrderedIterationFixture {

    static final class Account {
        final String name;
        int balance = 100;

        Account(String name) {
            this.name = name;
        }
    }

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void balancesAddUp() throws InterruptedException {
        Set<Account> accounts = new HashSet<>();
        accounts.add(new Account("alice"));
        accounts.add(new Account("bob"));
        accounts.add(new Account("carol"));
        Account first = accounts.iterator().next();
        Thread fee = new Thread(() -> first.balance -= 10, "fee");
        Thread bonus = new Thread(() -> accounts.iterator().next().balance += 10, "bonus");
        fee.start();
        bonus.start();
        fee.join();
        bonus.join();
        if (first.balance != 100) {
            throw new AssertionError(first.name + " ended with " + first.balance); // @assert
        }
    }
}
