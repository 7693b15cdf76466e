package dev.racetest.instrument;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;

/**
 * Rewrite a class file so that every synchronisation point calls {@link dev.racetest.instrument.hooks.Hooks}.
 *
 * <p>The rewriters run as one ASM chain, in this order (each sees the output of the ones before it,
 * and none rewrites another's hook calls):
 * <ol>
 *   <li>{@code SerialVersionPinner}: pins the serial version of serializable classes, first so it
 *       sees the class as compiled;</li>
 *   <li>{@code MethodReferenceRouter}: sends a bridge method making the plain call through the chain
 *       for each method reference ({@code System::nanoTime}, {@code Random::new}), before the method
 *       holding it, and points the reference at the bridge if a rewriter changed that call, so method
 *       references are redirected as calls are, by every rewriter;</li>
 *   <li>{@code StaticInitializerRewriter}: brackets {@code <clinit>} with enter/exit hooks, first so
 *       they enclose everything else the initialiser does;</li>
 *   <li>{@code SynchronizedMethodRewriter}: synchronized methods to explicit monitor hooks, first so
 *       its entry and exit wrap everything else the method does;</li>
 *   <li>{@code MonitorRewriter}: {@code monitorenter}/{@code monitorexit};</li>
 *   <li>{@code WaitNotifyRewriter}: {@code Object.wait/notify/notifyAll};</li>
 *   <li>{@code ThreadCallRewriter}: {@code Thread} start, join, sleep, yield, interrupt and queries;</li>
 *   <li>{@code ThreadQueryRewriter}: {@code Thread} state and id queries;</li>
 *   <li>{@code TimeReadRewriter}: reads of the system clocks;</li>
 *   <li>{@code RandomnessRewriter}: unseeded random generators and values;</li>
 *   <li>{@code IdentityHashRewriter}: identity hash codes;</li>
 *   <li>{@code ThreadConstructionRewriter}: a hook after every {@code Thread} constructor;</li>
 *   <li>{@code ThreadBuilderRewriter}: {@code Thread.startVirtualThread} and the {@code Thread.Builder}
 *       calls that create threads;</li>
 *   <li>{@code ConditionCallRewriter}: {@code newCondition()} and the locks' condition queries, to
 *       substitutes, so that which waiter {@code signal()} wakes is a choice;</li>
 *   <li>{@code ExecutorCallRewriter}: the thread-creating {@code Executors} factories and executor
 *       {@code close()}, to substitutes;</li>
 *   <li>{@code ThreadPoolConstructorRewriter}: {@code ThreadPoolExecutor} constructor arguments and
 *       {@code new ScheduledThreadPoolExecutor}, to controlled ones;</li>
 *   <li>{@code ForkJoinCallRewriter}: {@code new ForkJoinPool}, {@code ForkJoinPool.commonPool()},
 *       {@code fork()} and {@code ForkJoinTask.invokeAll}, to substitutes;</li>
 *   <li>{@code AsyncCallRewriter}: the executor-less {@code *Async} methods and the timeouts of
 *       {@code CompletableFuture}, to substitutes;</li>
 *   <li>{@code TimerCallRewriter}: {@code new Timer} and {@code TimerTask.cancel()}, to substitutes;</li>
 *   <li>{@code DelayQueueRewriter}: {@code new DelayQueue}, to a substitute that waits on the virtual clock;</li>
 *   <li>{@code AtomicCallRewriter}: calls on {@code java.util.concurrent.atomic} objects;</li>
 *   <li>{@code BlockingCallRewriter}: the JDK's timed waits, {@code park}/{@code unpark} and the
 *       {@code TimeUnit} waits, to hooks on the virtual clock;</li>
 *   <li>{@code LibraryCallRewriter}: a preemption point before the other calls into
 *       {@code java.util.concurrent}, {@code VarHandle} and {@code Unsafe}, after the one before it so
 *       the calls it replaced get no second point;</li>
 *   <li>{@code LockOwnershipRewriter}: hooks around taking and releasing {@code java.util.concurrent.locks}
 *       locks, after the preemption point before the same call, so the scheduler knows who holds which;</li>
 *   <li>{@code ApiCallRewriter}: calls on the JDK's classes that are not thread-safe ({@code HashMap},
 *       {@code StringBuilder}...), and the views they return, as accesses for the race detector;</li>
 *   <li>{@code FieldAccessRewriter}: reads and writes of non-final fields;</li>
 *   <li>{@code ArrayAccessRewriter}: reads and writes of array elements;</li>
 *   <li>{@code IdentityHashCodeAdder}: a synthetic identity {@code hashCode()}, after the rewriters so none
 *       sees it;</li>
 *   <li>{@code MethodReferenceBridgeFilter}: drops the bridges no rewriter changed, last so it sees
 *       what all of them did.</li>
 * </ol>
 * Old class files have their JSR/RET subroutines inlined before the first rewriter. Frames are
 * recomputed ({@code COMPUTE_FRAMES}) from a hierarchy read out of class files, so rewriting never
 * loads a class.
 *
 * <p>A method whose rewritten code would pass the JVM's limit of 65535 bytes is left as it was, with a
 * warning naming it: ASM's writer reports the first such method, and the class is rewritten again with
 * it passed through every stage untouched, until the class fits. Its synchronisation points are then
 * not controlled, which the warning says; a class that cannot be loaded at all would be worse. The
 * other limits cannot be reached first: a site adds a bounded number of operand-stack slots, and every
 * new local is stored at least once, with a four-byte wide instruction past index 255, so a method
 * runs out of code bytes long before it could need 65535 locals.
 *
 * <p>Stateless and thread-safe (given a thread-safe warnings consumer). Every call registers fresh
 * {@linkplain dev.racetest.instrument.hooks.SyncSites sites}, so callers that rewrite the same class
 * repeatedly should cache the result, as {@link InstrumentingClassLoader} does; a class rewritten again
 * without a too-large method leaves the sites of the attempt before it unused.
 */
public final class ClassRewriter {

    private record Stage(Class<? extends ClassVisitor> type,
                         BiFunction<ClassVisitor, ClassContext, ClassVisitor> factory) {
    }

    /** The rewriters, first to last. */
    private static final List<Stage> STAGES = List.of(
            new Stage(SerialVersionPinner.class, SerialVersionPinner::new),
            new Stage(MethodReferenceRouter.class, MethodReferenceRouter::new),
            new Stage(StaticInitializerRewriter.class, StaticInitializerRewriter::new),
            new Stage(SynchronizedMethodRewriter.class, SynchronizedMethodRewriter::new),
            new Stage(MonitorRewriter.class, MonitorRewriter::new),
            new Stage(WaitNotifyRewriter.class, WaitNotifyRewriter::new),
            new Stage(ThreadCallRewriter.class, ThreadCallRewriter::new),
            new Stage(ThreadQueryRewriter.class, ThreadQueryRewriter::new),
            new Stage(TimeReadRewriter.class, TimeReadRewriter::new),
            new Stage(RandomnessRewriter.class, RandomnessRewriter::new),
            new Stage(IdentityHashRewriter.class, IdentityHashRewriter::new),
            new Stage(ThreadConstructionRewriter.class, ThreadConstructionRewriter::new),
            new Stage(ThreadBuilderRewriter.class, ThreadBuilderRewriter::new),
            new Stage(ConditionCallRewriter.class, ConditionCallRewriter::new),
            new Stage(ExecutorCallRewriter.class, ExecutorCallRewriter::new),
            new Stage(ThreadPoolConstructorRewriter.class, ThreadPoolConstructorRewriter::new),
            new Stage(ForkJoinCallRewriter.class, ForkJoinCallRewriter::new),
            new Stage(AsyncCallRewriter.class, AsyncCallRewriter::new),
            new Stage(TimerCallRewriter.class, TimerCallRewriter::new),
            new Stage(DelayQueueRewriter.class, DelayQueueRewriter::new),
            new Stage(FieldUpdaterRewriter.class, FieldUpdaterRewriter::new),
            new Stage(UnsafeOffsetRewriter.class, UnsafeOffsetRewriter::new),
            new Stage(AtomicCallRewriter.class, AtomicCallRewriter::new),
            new Stage(BlockingCallRewriter.class, BlockingCallRewriter::new),
            new Stage(LibraryCallRewriter.class, LibraryCallRewriter::new),
            new Stage(LockOwnershipRewriter.class, LockOwnershipRewriter::new),
            new Stage(ApiCallRewriter.class, ApiCallRewriter::new),
            new Stage(FieldAccessRewriter.class, FieldAccessRewriter::new),
            new Stage(ArrayAccessRewriter.class, ArrayAccessRewriter::new),
            new Stage(IdentityHashCodeAdder.class, IdentityHashCodeAdder::new),
            new Stage(MethodReferenceBridgeFilter.class, MethodReferenceBridgeFilter::new));

    private static final Set<String> STAGE_NAMES =
            STAGES.stream().map(stage -> stage.type().getName()).collect(Collectors.toUnmodifiableSet());

    /** ASM classes whose failures mean frame computation or writing, not reading. */
    private static final Set<String> WRITER_CLASSES = Set.of(
            "org.objectweb.asm.ClassWriter", "org.objectweb.asm.MethodWriter", "org.objectweb.asm.Frame",
            "org.objectweb.asm.SymbolTable", HierarchyClassWriter.class.getName());

    private final Consumer<String> warnings;

    /** A rewriter that prints its warnings, one line each, on standard error, as racetest's others are. */
    public ClassRewriter() {
        this(System.err::println);
    }

    /** A rewriter that hands each warning, one line of text, to {@code warnings}, from any rewriting thread. */
    public ClassRewriter(Consumer<String> warnings) {
        this.warnings = Objects.requireNonNull(warnings, "warnings must not be null");
    }

    /**
     * Return {@code original} with every synchronisation point rewritten into a hook call; a method
     * that would grow past the JVM's code-size limit is left as it was, with a warning.
     *
     * @param binaryName      the class's binary name, such as {@code com.acme.Foo}, for messages
     * @param original        the class file
     * @param hierarchySource where the class files of superclasses are read from ({@code getResource})
     * @throws InstrumentationException if the class cannot be rewritten; the message names the class,
     *                                  the failing rewriter and the method
     */
    public byte[] rewrite(String binaryName, byte[] original, ClassLoader hierarchySource) {
        Objects.requireNonNull(binaryName, "binaryName must not be null");
        Objects.requireNonNull(original, "original must not be null");
        Objects.requireNonNull(hierarchySource, "hierarchySource must not be null");
        ClassHierarchy hierarchy = ClassHierarchy.of(hierarchySource);
        // Method (name + descriptor) left as it was, with the code size its rewriting would have had.
        Map<String, Integer> tooLarge = new LinkedHashMap<>();
        while (true) {
            try {
                byte[] rewritten = rewriteOnce(binaryName, original, hierarchy, tooLarge.keySet());
                tooLarge.forEach((method, size) -> warnings.accept("racetest: method " + binaryName + "." + method
                        + " is not instrumented, its synchronisation points are not controlled: rewritten, its code"
                        + " would be " + size + " bytes, past the JVM limit of 65535"));
                return rewritten;
            } catch (MethodTooLargeException e) {
                String method = e.getMethodName() + e.getDescriptor();
                if (tooLarge.putIfAbsent(method, e.getCodeSize()) != null) {
                    // Too large even as it was read: only JSR inlining of an old class file can do that.
                    throw new InstrumentationException(binaryName, "ClassWriter", e.getMethodName(),
                            "method " + method + " would grow to " + e.getCodeSize()
                                    + " bytes of code even uninstrumented, past the JVM limit of 65535", e);
                }
            }
        }
    }

    /** Rewrite the class once, passing the methods {@code leftAsTheyAre} through untouched. */
    private byte[] rewriteOnce(String binaryName, byte[] original, ClassHierarchy hierarchy, Set<String> leftAsTheyAre) {
        ClassContext context = new ClassContext(hierarchy, leftAsTheyAre);
        try {
            ClassReader reader = new ClassReader(original);
            hierarchy.remember(reader);
            if (!MethodReferenceRouter.mentionsLambdaMetafactory(reader)) {
                context.holdsNoMethodReferences();
            }
            ClassWriter writer = new HierarchyClassWriter(hierarchy);
            ClassVisitor chain = writer;
            for (Stage stage : STAGES.reversed()) {
                chain = stage.factory().apply(chain, context);
            }
            // Frames are recomputed, so reading them would only cost time (and LocalVariablesSorter
            // rejects compressed ones).
            reader.accept(new ClassContext.Collector(chain, context), ClassReader.SKIP_FRAMES);
            return writer.toByteArray();
        } catch (MethodTooLargeException e) {
            throw e;
        } catch (ClassTooLargeException e) {
            throw new InstrumentationException(binaryName, "ClassWriter", null,
                    "the constant pool would grow to " + e.getConstantPoolCount()
                            + " entries, past the JVM limit of 65535", e);
        } catch (RuntimeException e) {
            throw new InstrumentationException(binaryName, blame(e), context.currentMethod(),
                    InstrumentationException.describe(e), e);
        }
    }

    /**
     * Return the stage that was running when {@code failure} was thrown: the innermost stack frame
     * of a rewriter or of ASM's writer; the reader drives them all, so it is blamed only when neither
     * is on the stack.
     */
    private static String blame(Throwable failure) {
        for (StackTraceElement frame : failure.getStackTrace()) {
            String className = frame.getClassName();
            int nested = className.indexOf('$');
            String topLevel = nested < 0 ? className : className.substring(0, nested);
            if (STAGE_NAMES.contains(topLevel)) {
                return topLevel.substring(topLevel.lastIndexOf('.') + 1);
            }
            if (WRITER_CLASSES.contains(className) || WRITER_CLASSES.contains(topLevel)) {
                return "ClassWriter";
            }
        }
        return "ClassReader";
    }

    /** Answer {@link #getCommonSuperClass} from class files, because the default loads classes. */
    private static final class HierarchyClassWriter extends ClassWriter {
        private final ClassHierarchy hierarchy;

        HierarchyClassWriter(ClassHierarchy hierarchy) {
            super(ClassWriter.COMPUTE_FRAMES);
            this.hierarchy = hierarchy;
        }

        @Override
        protected String getCommonSuperClass(String type1, String type2) {
            return hierarchy.commonSuperClass(type1, type2);
        }

        @Override
        protected ClassLoader getClassLoader() {
            throw new UnsupportedOperationException("racetest rewriting must not load classes");
        }
    }
}
