package dev.racetest.examples.cancel;

/** The correct twin of {@link ImportJob}: cancelling also interrupts the worker, so a waiting {@code take()} ends. */
public final class InterruptingImportJob extends ImportJob {

    @Override
    public void cancel() {
        super.cancel();
        worker().interrupt();
    }
}
