package dev.racetest.instrument;

import dev.racetest.substitutes.ControlledTimer;
import dev.racetest.substitutes.TimerTaskStates;
import java.util.Timer;
import java.util.TimerTask;
import org.objectweb.asm.ClassVisitor;

/**
 * Send {@code java.util.Timer}s to controlled threads: {@code new Timer(...)} becomes
 * {@code new ControlledTimer(...)}, and {@code cancel()} and {@code scheduledExecutionTime()} on a
 * {@code TimerTask} become calls of {@link TimerTaskStates}, which a controlled timer consults because
 * it cannot read a task's own, package-private state.
 *
 * <p>Task calls are matched on {@code invokevirtual} whose owner is {@code TimerTask} or a subclass;
 * {@code super.cancel()} ({@code invokespecial}) inside a user's override stays the real call. A user
 * subclass of {@code Timer} keeps its real superclass (see {@link ConstructorSubstitution}). Method
 * references ({@code TimerTask::cancel}, {@code Timer::new}) are redirected alike, through a bridge
 * ({@link MethodReferenceRouter}). Classes of {@code dev.racetest.substitutes} are left alone, so that the
 * substitutes reach the JDK. Applies everywhere, static initialisers included.
 */
final class TimerCallRewriter extends CallRedirectingRewriter {

    private static final RedirectedCall.Table CALLS = new RedirectedCall.Table()
            .add(TimerTaskStates.class, TimerTask.class, "cancel")
            .add(TimerTaskStates.class, TimerTask.class, "scheduledExecutionTime");
    private static final ConstructorSubstitution.Classes TIMERS =
            ConstructorSubstitution.Classes.of(Timer.class, ControlledTimer.class);

    TimerCallRewriter(ClassVisitor next, ClassContext context) {
        super(next, context, TIMERS);
    }

    @Override
    RedirectedCall redirect(int opcode, String owner, String key, boolean isInterface) {
        return CALLS.find(context().hierarchy(), opcode, owner, key);
    }
}
