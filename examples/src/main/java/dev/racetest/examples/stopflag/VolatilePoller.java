package dev.racetest.examples.stopflag;

/** The correct twin of {@link Poller}: a {@code volatile} flag is seen by the next read after it is set. */
public final class VolatilePoller extends Poller {

    private volatile boolean stopped;

    @Override
    public void stop() {
        stopped = true;
    }

    @Override
    protected boolean isStopped() {
        return stopped;
    }
}
