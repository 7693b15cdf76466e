package dev.racetest.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.objectweb.asm.Opcodes.INVOKEINTERFACE;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;

import dev.racetest.fixtures.instrument.LibraryCalls;
import dev.racetest.instrument.hooks.LockWaits;
import dev.racetest.instrument.hooks.ParkCalls;
import dev.racetest.instrument.hooks.QueueWaits;
import dev.racetest.instrument.hooks.SyncPointKind;
import dev.racetest.instrument.hooks.SynchronizerWaits;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Type;

/** Which call instructions {@link BlockingCalls} replaces, matched on class files alone. */
class BlockingCallsTests {

    private static final String POLL = "(JLjava/util/concurrent/TimeUnit;)Ljava/lang/Object;";
    private static final String AWAIT_TIMED = "(JLjava/util/concurrent/TimeUnit;)Z";

    private final ClassHierarchy hierarchy = ClassHierarchy.of(BlockingCallsTests.class.getClassLoader());

    private BlockingCalls.Replacement find(int opcode, String owner, String name, String descriptor) {
        return BlockingCalls.find(opcode, owner, name, descriptor, hierarchy);
    }

    @Test
    void instanceMethodsMatchOnTheirDeclaringTypeAndEverySubtype() {
        String ownQueue = Type.getInternalName(LibraryCalls.OwnQueue.class);

        for (String owner : new String[] {"java/util/concurrent/BlockingQueue", "java/util/concurrent/BlockingDeque",
                "java/util/concurrent/ArrayBlockingQueue", "java/util/concurrent/SynchronousQueue", ownQueue}) {
            BlockingCalls.Replacement replacement = find(INVOKEVIRTUAL, owner, "poll", POLL);
            assertThat(replacement).as(owner).isNotNull();
            assertThat(replacement.hookOwner()).isEqualTo(Type.getType(QueueWaits.class));
            assertThat(replacement.hook().getDescriptor())
                    .isEqualTo("(Ljava/util/concurrent/BlockingQueue;JLjava/util/concurrent/TimeUnit;I)Ljava/lang/Object;");
            assertThat(replacement.kind()).isEqualTo(SyncPointKind.BLOCKING_CALL);
        }
        assertThat(find(INVOKEINTERFACE, "java/util/concurrent/BlockingQueue", "poll", POLL)).isNotNull();
    }

    @Test
    void sharedNamesGoToTheHookOfTheRightType() {
        BlockingCalls.Replacement latch = find(INVOKEVIRTUAL, "java/util/concurrent/CountDownLatch", "await", AWAIT_TIMED);
        BlockingCalls.Replacement condition =
                find(INVOKEINTERFACE, "java/util/concurrent/locks/Condition", "await", AWAIT_TIMED);

        assertThat(latch.hookOwner()).isEqualTo(Type.getType(SynchronizerWaits.class));
        assertThat(latch.hook().getArgumentTypes()[0].getInternalName()).isEqualTo("java/util/concurrent/CountDownLatch");
        assertThat(condition.hookOwner()).isEqualTo(Type.getType(LockWaits.class));
        // The untimed await is replaced on a Condition (it may wake spuriously), not on a latch.
        assertThat(find(INVOKEINTERFACE, "java/util/concurrent/locks/Condition", "await", "()V")).isNotNull();
        assertThat(find(INVOKEVIRTUAL, "java/util/concurrent/CountDownLatch", "await", "()V")).isNull();
    }

    @Test
    void unrelatedOwnersSuperCallsAndUnknownClassesAreLeftAlone() {
        assertThat(find(INVOKEVIRTUAL, Type.getInternalName(Unrelated.class), "poll", POLL)).isNull();
        assertThat(find(INVOKESPECIAL, "java/util/concurrent/ArrayBlockingQueue", "poll", POLL)).isNull();
        assertThat(find(INVOKEVIRTUAL, "com/acme/Missing", "poll", POLL)).isNull();
        assertThat(find(INVOKEVIRTUAL, "java/util/concurrent/ArrayBlockingQueue", "poll", "()Ljava/lang/Object;")).isNull();
    }

    @Test
    void lockSupportAndTimeUnitCallsAreReplacedWhereverTheyAre() {
        BlockingCalls.Replacement park = find(INVOKESTATIC, "java/util/concurrent/locks/LockSupport", "park", "()V");
        BlockingCalls.Replacement unpark =
                find(INVOKESTATIC, "java/util/concurrent/locks/LockSupport", "unpark", "(Ljava/lang/Thread;)V");
        BlockingCalls.Replacement sleep = find(INVOKEVIRTUAL, "java/util/concurrent/TimeUnit", "sleep", "(J)V");

        assertThat(park.hookOwner()).isEqualTo(Type.getType(ParkCalls.class));
        assertThat(park.inStaticInitializers()).as("a virtual wait cannot end while pinned").isFalse();
        assertThat(unpark.kind()).isEqualTo(SyncPointKind.LIBRARY_CALL);
        assertThat(unpark.inStaticInitializers()).isTrue();
        assertThat(sleep.kind()).isEqualTo(SyncPointKind.THREAD_SLEEP);
        assertThat(sleep.inStaticInitializers()).isTrue();
        assertThat(find(INVOKESTATIC, "java/lang/Thread", "park", "()V")).isNull();
    }

    @Test
    void hierarchyAnswersSubtypesAndSuperclassesFromClassFiles() {
        String ownQueue = Type.getInternalName(LibraryCalls.OwnQueue.class);

        assertThat(hierarchy.isSubtypeOf(ownQueue, "java/util/concurrent/BlockingQueue")).isTrue();
        assertThat(hierarchy.isSubtypeOf(ownQueue, "java/util/Queue")).isTrue();
        assertThat(hierarchy.isSubtypeOf("java/util/concurrent/BlockingQueue", "java/util/concurrent/BlockingQueue"))
                .isTrue();
        assertThat(hierarchy.isSubtypeOf("java/util/ArrayList", "java/util/concurrent/BlockingQueue")).isFalse();
        assertThat(hierarchy.isSubtypeOf("[Ljava/lang/Object;", "java/util/List")).isFalse();
        assertThat(hierarchy.superclasses(ownQueue))
                .containsExactly("java/util/AbstractQueue", "java/util/AbstractCollection", "java/lang/Object");
        assertThat(hierarchy.superclasses("com/acme/Missing")).isEmpty();
    }

    /** Has a {@code poll(long, TimeUnit)} but is no {@code BlockingQueue}. */
    static final class Unrelated {
        Object poll(long timeout, TimeUnit unit) {
            return null;
        }
    }
}
