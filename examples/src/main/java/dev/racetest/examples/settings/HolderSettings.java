package dev.racetest.examples.settings;

/** The correct twin of {@link Settings}: the JVM's class initialisation makes the lazy load happen once. */
public final class HolderSettings {

    private static int loads;

    private HolderSettings() {
        loads++;
    }

    private static final class Holder {
        static final HolderSettings INSTANCE = new HolderSettings();
    }

    public static HolderSettings get() {
        return Holder.INSTANCE;
    }

    public static int loads() {
        return loads;
    }
}
