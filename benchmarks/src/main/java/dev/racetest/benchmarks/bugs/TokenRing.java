package dev.racetest.benchmarks.bugs;

/**
 * Token passing around a ring of three stations without synchronisation (after SCTBench's
 * {@code token_ring}): each station copies the token of the station before it and raises its flag; an
 * observer that sees every flag raised expects all three to hold the same token. That holds only when
 * the stations copy in ring order; any other order leaves a stale token behind.
 */
public final class TokenRing {

    private int first = 1;
    private int second = 2;
    private int third = 1;
    private boolean firstDone;
    private boolean secondDone;
    private boolean thirdDone;

    public void run() throws InterruptedException {
        Thread[] threads = {
                new Thread(() -> {
                    first = (third + 1) % 4;
                    firstDone = true;
                }, "station-1"),
                new Thread(() -> {
                    second = first;
                    secondDone = true;
                }, "station-2"),
                new Thread(() -> {
                    third = second;
                    thirdDone = true;
                }, "station-3"),
                new Thread(() -> {
                    if (firstDone && secondDone && thirdDone) {
                        int one = first;
                        int two = second;
                        int three = third;
                        if (one != two || two != three) {
                            throw new AssertionError("tokens differ: " + one + ", " + two + ", " + three);
                        }
                    }
                }, "observer")};
        for (Thread thread : threads) {
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
