package dev.racetest.instrument;

import dev.racetest.instrument.hooks.TimeHooks;
import java.time.Clock;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.chrono.HijrahDate;
import java.time.chrono.JapaneseDate;
import java.time.chrono.MinguoDate;
import java.time.chrono.ThaiBuddhistDate;
import java.util.Calendar;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.Method;

/**
 * Replace reads of the system clocks with {@link TimeHooks}, so that controlled threads read the
 * execution's virtual time.
 *
 * <p>Four shapes, all on {@code invokestatic} unless said otherwise:
 * <ul>
 *   <li>{@code System.nanoTime/currentTimeMillis}, {@code Instant.now()} and the system clock
 *       factories ({@code Clock.systemUTC/systemDefaultZone/system/tick*}, {@code InstantSource.system})
 *       become the hook of the same descriptor;</li>
 *   <li>{@code now()} and {@code now(ZoneId)} of the {@code java.time} date-time types become
 *       {@code now(Clock)} with the virtual clock of that zone, which {@code TimeHooks} pushes;</li>
 *   <li>{@code Calendar.getInstance(...)} stays and is followed by {@code TimeHooks.atCurrentTime};</li>
 *   <li>{@code new Date()} (and {@code super()} into {@code Date()}) keeps its {@code NEW}/{@code DUP}:
 *       the {@code invokespecial Date.<init>()} becomes {@code Date.<init>(long)} with the virtual
 *       wall clock pushed.</li>
 * </ul>
 * Method references to any of them ({@code System::nanoTime}, {@code LocalDate::now}, {@code Date::new})
 * are redirected alike, through a bridge ({@link MethodReferenceRouter}). None of these is a scheduling point. Applies everywhere, static
 * initialisers included.
 */
final class TimeReadRewriter extends MethodRewriter {

    private static final Type HOOKS = Type.getType(TimeHooks.class);
    private static final String DATE = Type.getInternalName(Date.class);
    private static final String NO_ARGUMENT_CONSTRUCTOR = "<init>" + Type.getMethodDescriptor(Type.VOID_TYPE);
    private static final String MILLIS_CONSTRUCTOR = Type.getMethodDescriptor(Type.VOID_TYPE, Type.LONG_TYPE);
    private static final Method CURRENT_TIME_MILLIS = hook("currentTimeMillis");
    private static final Method AT_CURRENT_TIME = hook("atCurrentTime", Calendar.class);

    /** The {@code java.time} types whose {@code now()} and {@code now(ZoneId)} read the system clock. */
    private static final List<Class<?>> DATE_TIME_TYPES = List.of(LocalDateTime.class, LocalDate.class, LocalTime.class,
            ZonedDateTime.class, OffsetDateTime.class, OffsetTime.class, Year.class, YearMonth.class, MonthDay.class,
            JapaneseDate.class, HijrahDate.class, MinguoDate.class, ThaiBuddhistDate.class);

    /** Static calls replaced by a hook of the same descriptor, by owner, name and descriptor. */
    private static final Map<String, Method> REPLACED = new HashMap<>();
    /** Static {@code now} calls, by owner, name and descriptor. */
    private static final Map<String, WithClock> WITH_CLOCK = new HashMap<>();
    /** Static calls kept and followed by {@link #AT_CURRENT_TIME}. */
    private static final Set<String> CALENDARS = new HashSet<>();

    /** Push a clock with {@code clock}, then call {@code owner.now(Clock)}. */
    private record WithClock(Method clock, Type owner, Method nowWithClock) {
    }

    static {
        replace(System.class, "nanoTime", "nanoTime");
        replace(System.class, "currentTimeMillis", "currentTimeMillis");
        replace(Instant.class, "now", "instantNow");
        replace(Clock.class, "systemUTC", "systemUTC");
        replace(Clock.class, "systemDefaultZone", "systemDefaultZone");
        replace(Clock.class, "system", "system", ZoneId.class);
        replace(Clock.class, "tickMillis", "tickMillis", ZoneId.class);
        replace(Clock.class, "tickSeconds", "tickSeconds", ZoneId.class);
        replace(Clock.class, "tickMinutes", "tickMinutes", ZoneId.class);
        replace(InstantSource.class, "system", "instantSource");
        for (Class<?> type : DATE_TIME_TYPES) {
            Method nowWithClock = PublicMethods.resolve(type, "now", Clock.class);
            WITH_CLOCK.put(key(type, "now"), new WithClock(hook("systemDefaultZone"), Type.getType(type), nowWithClock));
            WITH_CLOCK.put(key(type, "now", ZoneId.class),
                    new WithClock(hook("system", ZoneId.class), Type.getType(type), nowWithClock));
        }
        CALENDARS.add(key(Calendar.class, "getInstance"));
        CALENDARS.add(key(Calendar.class, "getInstance", TimeZone.class));
        CALENDARS.add(key(Calendar.class, "getInstance", Locale.class));
        CALENDARS.add(key(Calendar.class, "getInstance", TimeZone.class, Locale.class));
    }

    TimeReadRewriter(ClassVisitor next, ClassContext context) {
        super(next, context, Scope.ALL_METHODS);
    }

    private static void replace(Class<?> owner, String name, String hookName, Class<?>... parameterTypes) {
        Method replaced = PublicMethods.resolve(owner, name, parameterTypes);
        Method hook = hook(hookName, parameterTypes);
        if (!hook.getReturnType().equals(replaced.getReturnType())) {
            throw new IllegalStateException("TimeHooks." + hookName + " must return what " + owner.getSimpleName()
                    + "." + name + " returns");
        }
        REPLACED.put(Type.getInternalName(owner) + '.' + replaced.getName() + replaced.getDescriptor(), hook);
    }

    private static Method hook(String name, Class<?>... parameterTypes) {
        return PublicMethods.resolve(TimeHooks.class, name, parameterTypes);
    }

    private static String key(Class<?> owner, String name, Class<?>... parameterTypes) {
        return Type.getInternalName(owner) + '.' + PublicMethods.key(owner, name, parameterTypes);
    }

    @Override
    MethodVisitor adapter(MethodVisitor next, int access, String name, String descriptor) {
        return new Adapter(next, context(), access, name, descriptor);
    }

    private static final class Adapter extends SyncPointAdapter {
        Adapter(MethodVisitor next, ClassContext context, int access, String name, String descriptor) {
            super(next, context, access, name, descriptor);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (opcode == INVOKESPECIAL && owner.equals(DATE) && NO_ARGUMENT_CONSTRUCTOR.equals(name + descriptor)) {
                invokeStatic(HOOKS, CURRENT_TIME_MILLIS);
                super.visitMethodInsn(INVOKESPECIAL, DATE, name, MILLIS_CONSTRUCTOR, false);
                return;
            }
            if (opcode != INVOKESTATIC) {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                return;
            }
            String key = owner + '.' + name + descriptor;
            Method replacement = REPLACED.get(key);
            WithClock withClock = replacement == null ? WITH_CLOCK.get(key) : null;
            if (replacement != null) {
                invokeStatic(HOOKS, replacement);
            } else if (withClock != null) {
                invokeStatic(HOOKS, withClock.clock());
                invokeStatic(withClock.owner(), withClock.nowWithClock());
            } else {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                if (CALENDARS.contains(key)) {
                    invokeStatic(HOOKS, AT_CURRENT_TIME);
                }
            }
        }
    }
}
