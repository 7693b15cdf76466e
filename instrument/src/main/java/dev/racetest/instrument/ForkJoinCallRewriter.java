package dev.racetest.instrument;

import dev.racetest.substitutes.ControlledForkJoinPool;
import dev.racetest.substitutes.ForkJoinSubstitutes;
import java.util.Collection;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import org.objectweb.asm.ClassVisitor;

/**
 * Send {@code ForkJoinPool}s and forks to controlled threads: {@code new ForkJoinPool(...)} becomes
 * {@code new ControlledForkJoinPool(...)}, and {@code ForkJoinPool.commonPool()}, {@code task.fork()} and
 * the static {@code ForkJoinTask.invokeAll} become calls of {@link ForkJoinSubstitutes}.
 *
 * <p>{@code fork()} is final, so any {@code invokevirtual fork()} whose owner is {@code ForkJoinTask} or a
 * subclass (such as {@code RecursiveTask}, {@code CountedCompleter} or the user's task) is the JDK's;
 * static calls are matched whatever subclass javac names as owner. A user subclass of
 * {@code ForkJoinPool} keeps its real superclass (see {@link ConstructorSubstitution}). Method
 * references ({@code ForkJoinTask::fork}, {@code ForkJoinPool::new}) are redirected alike, through a
 * bridge ({@link MethodReferenceRouter}). Classes of {@code dev.racetest.substitutes} are left alone, so that the
 * substitutes reach the JDK. Applies everywhere, static initialisers included.
 */
final class ForkJoinCallRewriter extends CallRedirectingRewriter {

    private static final RedirectedCall.Table CALLS = new RedirectedCall.Table()
            .add(ForkJoinSubstitutes.class, ForkJoinPool.class, "commonPool")
            .add(ForkJoinSubstitutes.class, ForkJoinTask.class, "fork")
            .add(ForkJoinSubstitutes.class, ForkJoinTask.class, "invokeAll", ForkJoinTask.class, ForkJoinTask.class)
            .add(ForkJoinSubstitutes.class, ForkJoinTask.class, "invokeAll", ForkJoinTask[].class)
            .add(ForkJoinSubstitutes.class, ForkJoinTask.class, "invokeAll", Collection.class);
    private static final ConstructorSubstitution.Classes POOLS =
            ConstructorSubstitution.Classes.of(ForkJoinPool.class, ControlledForkJoinPool.class);

    ForkJoinCallRewriter(ClassVisitor next, ClassContext context) {
        super(next, context, POOLS);
    }

    /** Its methods are all on classes, so a call that names an interface method is none of them. */
    @Override
    RedirectedCall redirect(int opcode, String owner, String key, boolean isInterface) {
        return isInterface ? null : CALLS.find(context().hierarchy(), opcode, owner, key);
    }
}
