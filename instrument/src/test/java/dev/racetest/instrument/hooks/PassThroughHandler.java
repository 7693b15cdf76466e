package dev.racetest.instrument.hooks;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A handler that makes the thread it is bound to look controlled while keeping the plain JDK
 * behaviour of every hook, and records the threads it adopts and starts.
 *
 * <p>Bound to a test thread, it sends instrumented code (the substitutes above all) down its
 * controlled path, while every thread that path starts runs for real and uncontrolled: monitors are
 * the real fallback locks on both sides, waits and clocks are real. So the controlled implementations
 * can be tested for what they do before a scheduler runs them. A proxy, so that it keeps compiling
 * while the handler interface grows.
 */
public final class PassThroughHandler {

    private final List<Thread> adopted = new CopyOnWriteArrayList<>();
    private final List<Thread> started = new CopyOnWriteArrayList<>();
    private final List<Object> waitedOn = new CopyOnWriteArrayList<>();
    private final SyncPointHandler handler = (SyncPointHandler) Proxy.newProxyInstance(
            SyncPointHandler.class.getClassLoader(), new Class<?>[] {SyncPointHandler.class},
            (proxy, method, arguments) -> {
                switch (method.getName()) {
                    case "adoptThread" -> adopted.add((Thread) arguments[0]);
                    case "threadStart" -> started.add((Thread) arguments[0]);
                    case "blockingCallBegin" -> waitedOn.add(arguments[0]);
                    default -> {
                    }
                }
                if (method.getDeclaringClass() == Object.class) {
                    return method.invoke(this, arguments);
                }
                try {
                    return method.invoke(UncontrolledHandler.INSTANCE, arguments);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });

    /** Return the handler to bind. */
    public SyncPointHandler handler() {
        return handler;
    }

    /** Return the user threads handed to {@code adoptThread}, in order. */
    public List<Thread> adopted() {
        return adopted;
    }

    /** Return the threads started through {@code threadStart} by the bound thread, in order. */
    public List<Thread> started() {
        return started;
    }

    /** Return the targets of the blocking calls the bound thread began, in order. */
    public List<Object> waitedOn() {
        return waitedOn;
    }
}
