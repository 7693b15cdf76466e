package dev.racetest.examples.transfer;

/** The correct twin of {@link Bank}: locks are always taken in account-id order, so no cycle can form. */
public final class OrderedBank {

    public void transfer(Account from, Account to, long amount) {
        Account first = from.id() < to.id() ? from : to;
        Account second = first == from ? to : from;
        synchronized (first) {
            synchronized (second) {
                from.adjust(-amount);
                to.adjust(amount);
            }
        }
    }
}
