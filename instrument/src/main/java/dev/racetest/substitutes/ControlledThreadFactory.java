package dev.racetest.substitutes;

import dev.racetest.instrument.hooks.Hooks;
import dev.racetest.instrument.hooks.SyncPointHandler;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;

/**
 * A thread factory for JDK thread pools whose threads run as controlled threads.
 *
 * <p>A {@code ThreadPoolExecutor} starts its workers itself, inside the JDK, where no
 * {@code start()} call can be rewritten. So the thread handed back is not the user's thread but the
 * one {@link SyncPointHandler#adoptThread} returns: once the pool starts it, it runs the user's
 * thread's {@code run()} as a controlled thread known to user code as the user's thread. The user's
 * factory still makes that thread, so names, daemon status and priorities are the user's.
 *
 * <p>Threads are adopted by the handler of the thread that asks for them (a submitting thread or a
 * worker replacing itself), which is controlled whenever the pool is used inside an execution. A
 * request from an uncontrolled thread gets the user's thread as is, which then escapes control and
 * is reported.
 */
final class ControlledThreadFactory implements ThreadFactory {

    private final ThreadFactory userFactory;

    private ControlledThreadFactory(ThreadFactory userFactory) {
        this.userFactory = userFactory;
    }

    /** Return a factory whose threads are adopted; {@code factory} itself when it already is one. */
    static ThreadFactory of(ThreadFactory factory) {
        Objects.requireNonNull(factory, "factory must not be null");
        return factory instanceof ControlledThreadFactory ? factory : new ControlledThreadFactory(factory);
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread userThread = userFactory.newThread(task);
        if (userThread == null) {
            return null; // the pool treats a null thread as "cannot add a worker", as with the JDK
        }
        SyncPointHandler handler = Hooks.boundHandler();
        return handler == null ? userThread : handler.adoptThread(userThread);
    }

    @Override
    public String toString() {
        return "controlled " + userFactory;
    }
}
