package dev.racetest.instrument;

import dev.racetest.substitutes.ControlledDelayQueue;
import java.util.concurrent.DelayQueue;
import org.objectweb.asm.ClassVisitor;

/**
 * Turn {@code new DelayQueue<>(...)} into {@code new ControlledDelayQueue<>(...)}, whose {@code take()}
 * and timed {@code poll} wait for the head's delay on the virtual clock instead of in a timed park
 * inside the JDK (see there). A user subclass of {@code DelayQueue} keeps its real superclass
 * ({@link ConstructorSubstitution}), and so the real clock. No calls are redirected.
 */
final class DelayQueueRewriter extends CallRedirectingRewriter {

    private static final ConstructorSubstitution.Classes QUEUES =
            ConstructorSubstitution.Classes.of(DelayQueue.class, ControlledDelayQueue.class);

    DelayQueueRewriter(ClassVisitor next, ClassContext context) {
        super(next, context, QUEUES);
    }

    @Override
    RedirectedCall redirect(int opcode, String owner, String key, boolean isInterface) {
        return null;
    }
}
