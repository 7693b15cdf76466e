package dev.racetest.benchmarks.bugs;

/**
 * Atomicity violation over two critical sections: each check and each booking is synchronized, but a
 * customer checks the seat in one critical section and books it in another, so two customers can both
 * see it free and both book it.
 */
public final class SplitCheckThenBook {

    private final Seat seat = new Seat();

    public void run() throws InterruptedException {
        Thread alice = new Thread(() -> bookIfFree("alice"), "alice");
        Thread bob = new Thread(() -> bookIfFree("bob"), "bob");
        alice.start();
        bob.start();
        alice.join();
        bob.join();
        if (seat.bookings() != 1) {
            throw new AssertionError("the seat was booked " + seat.bookings() + " times");
        }
    }

    private void bookIfFree(String customer) {
        if (seat.isFree()) {
            seat.book(customer); // bug: the seat may have been booked since the check
        }
    }

    private static final class Seat {
        private String holder;
        private int bookings;

        synchronized boolean isFree() {
            return holder == null;
        }

        synchronized void book(String customer) {
            holder = customer;
            bookings++;
        }

        synchronized int bookings() {
            return bookings;
        }
    }
}
