package dev.racetest.examples.stopflag;

/**
 * Polls until stopped. Bug: {@code stopped} is a plain field read in a loop, so nothing obliges the
 * poller ever to see the write (a JIT may read it once and loop forever); the {@code sleep} in the loop
 * makes it seem to work, because the call happens to defeat that optimisation today.
 */
public class Poller {

    private boolean stopped;
    private int polls;

    public void runUntilStopped() throws InterruptedException {
        while (!isStopped()) {
            polls++;
            Thread.sleep(10);
        }
    }

    public void stop() {
        stopped = true;
    }

    protected boolean isStopped() {
        return stopped;
    }

    public int polls() {
        return polls;
    }
}
