package dev.racetest.libraries.differential;

import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * Generate the Java source of a random single-threaded program whose output depends only on its
 * seed: {@code public static String run()} returns everything it printed.
 *
 * <p>A program is a sequence of snippets, each a static method over the program's fields and arrays,
 * drawn from kinds that exercise what the instrumenter rewrites: field and array accesses inside
 * expressions, synchronized blocks and methods (with {@code notifyAll}, {@code Thread.holdsLock} and
 * exceptions leaving them), loops, exceptions, lambdas and method references, string building,
 * collections, atomics, field updaters, {@code VarHandle}s, locks, seeded randomness, static
 * initialisers, and timed waits that can only time out (racetest runs those on its virtual clock). Nothing it prints depends on identity hash codes, clocks, thread names or unseeded
 * randomness, which racetest deliberately changes.
 */
final class ProgramGenerator {

    static final String PACKAGE = "difftest";

    private record Kind(String name, BiFunction<Snippet, Random, String> body) {
    }

    /** What a snippet generator may use: its number (for unique names) and the expression generator. */
    record Snippet(int number, ExpressionGenerator expressions) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("expressions", ProgramGenerator::expressions),
            new Kind("arrays", ProgramGenerator::arrays),
            new Kind("synchronized", ProgramGenerator::synchronizedBlocks),
            new Kind("loops", ProgramGenerator::loops),
            new Kind("exceptions", ProgramGenerator::exceptions),
            new Kind("lambdas", ProgramGenerator::lambdas),
            new Kind("strings", ProgramGenerator::strings),
            new Kind("collections", ProgramGenerator::collections),
            new Kind("atomics", ProgramGenerator::atomics),
            new Kind("varhandles", ProgramGenerator::varHandles),
            new Kind("locks", ProgramGenerator::locks),
            new Kind("objects", ProgramGenerator::objects),
            new Kind("timed waits", ProgramGenerator::timedWaits));

    private ProgramGenerator() {
    }

    /** Return the simple name of the program class for {@code seed}. */
    static String className(long seed) {
        return "P" + seed;
    }

    /** Return the source of the program for {@code seed}. */
    static String source(long seed) {
        Random random = new Random(seed);
        ExpressionGenerator expressions = new ExpressionGenerator(random);
        String name = className(seed);
        StringBuilder members = new StringBuilder();
        StringBuilder calls = new StringBuilder();
        int snippets = 6 + random.nextInt(7);
        for (int i = 0; i < snippets; i++) {
            Kind kind = KINDS.get(random.nextInt(KINDS.size()));
            String body = kind.body().apply(new Snippet(i, expressions), random);
            members.append("\n    // ").append(kind.name()).append('\n').append(body.replace("$P", name));
            calls.append("        out.append(\"[").append(i).append(' ').append(kind.name()).append("] \");\n")
                    .append("        s").append(i).append("(out, o);\n")
                    .append("        out.append('\\n');\n");
        }
        return """
                package %s;

                import java.lang.invoke.MethodHandles;
                import java.lang.invoke.VarHandle;
                import java.util.*;
                import java.util.concurrent.*;
                import java.util.concurrent.atomic.*;
                import java.util.concurrent.locks.*;
                import java.util.function.*;
                import java.util.stream.*;

                public final class %s {
                    static int si0 = 3, si1 = -7;
                    static volatile int sv0 = 11;
                    static long sl0 = 5;
                    static volatile long svl0 = -13;
                    static final int[] ia = {1, 2, 3, 4, 5, 6, 7, 8};
                    static final long[] la = {8, 7, 6, 5, 4, 3, 2, 1};
                    static final double[] da = {0.5, 1.5, -2, 3, 4.25, 5, 6, 7};
                    static final byte[] ba = {1, -2, 3, -4, 5, -6, 7, -8};
                    static final short[] sa = {100, 200, 300, 400, 500, 600, 700, 800};
                    static final char[] ca = "abcdefgh".toCharArray();
                    static final float[] fa = {0.25f, 1, 2, 3, 4, 5, 6, 7};
                    static double sd0 = 2.5;
                    static byte sb0 = 9;
                    static float sf0 = 1.5f;
                    static final StringBuilder LOG = new StringBuilder();

                    int fi0 = 17, fi1;
                    volatile int fv0 = -19;
                    long fl0 = 23;
                    volatile long fvl0;
                    double fd0 = -1.25;
                    volatile double fvd0 = 8;
                    short fs0 = 300;
                    volatile char fvc0 = 'q';

                    static int mix(int x, int y) {
                        return x * 31 + y;
                    }

                    public static String run() {
                        StringBuilder out = new StringBuilder();
                        %s o = new %s();
                %s        out.append("fields ").append(si0).append(' ').append(si1).append(' ').append(sv0).append(' ')
                                .append(sl0).append(' ').append(svl0).append(' ').append(o.fi0).append(' ').append(o.fi1)
                                .append(' ').append(o.fv0).append(' ').append(o.fl0).append(' ').append(o.fvl0)
                                .append(' ').append(Arrays.toString(ia)).append(' ').append(Arrays.toString(la))
                                .append(' ').append(sd0).append(' ').append(sb0).append(' ').append(sf0).append(' ')
                                .append(o.fd0).append(' ').append(o.fvd0).append(' ').append(o.fs0).append(' ')
                                .append((int) o.fvc0).append(' ').append(Arrays.toString(da)).append(Arrays.toString(ba))
                                .append(Arrays.toString(sa)).append(Arrays.toString(new String(ca).chars().toArray()))
                                .append(Arrays.toString(fa))
                                .append(' ').append(LOG).append('\\n');
                        return out.toString();
                    }
                %s}
                """.formatted(PACKAGE, name, name, name, calls, members);
    }

    private static String header(Snippet snippet) {
        return "    static void s" + snippet.number() + "(StringBuilder out, $P o) {\n"
                + "        int a = " + snippet.number() + ", b = -" + (snippet.number() + 2) + ";\n";
    }

    private static String expressions(Snippet snippet, Random random) {
        StringBuilder body = new StringBuilder(header(snippet));
        int statements = 3 + random.nextInt(6);
        for (int i = 0; i < statements; i++) {
            ExpressionGenerator e = snippet.expressions();
            String expression = switch (random.nextInt(5)) {
                case 0, 1 -> e.intExpression(4);
                case 2, 3 -> e.longExpression(4);
                default -> e.doubleExpression(4);
            };
            body.append("        out.append(").append(expression).append(").append(',');\n");
        }
        body.append("        out.append(a).append(',').append(b);\n    }\n");
        return body.toString();
    }

    private static String arrays(Snippet snippet, Random random) {
        int n = 3 + random.nextInt(20);
        int k = snippet.number();
        return header(snippet) + """
                        int[] xs = new int[%d];
                        long[][] grid = new long[3][%d];
                        char[] cs = new char[%d];
                        boolean[] flags = new boolean[%d];
                        double[] ds = new double[%d];
                        Object[] boxes = new Object[%d];
                        for (int i = 0; i < xs.length; i++) {
                            xs[i] = (i * %d) ^ ia[i & 7];
                            grid[i %% 3][i] += xs[i] * 3L + la[i & 7]--;
                            cs[i] = (char) ('a' + (xs[i] & 15));
                            flags[i] = (xs[i] & 1) == 0;
                            ds[i] = xs[i] / 4.0;
                            boxes[i] = i %% 2 == 0 ? Integer.valueOf(xs[i]) : "s" + xs[i];
                        }
                        int[] copy = Arrays.copyOf(xs, xs.length + 2);
                        System.arraycopy(xs, 1, copy, 0, xs.length - 1);
                        Arrays.sort(copy);
                        xs[xs.length / 2] += copy[0]++ * 2;
                        ia[a & 7] = copy[copy.length - 1];
                        int[][] jagged = {xs, copy, ia};
                        jagged[1][1] = jagged[0][0]--;
                        out.append(Arrays.toString(xs)).append(Arrays.toString(copy)).append(Arrays.deepToString(grid))
                                .append(new String(cs)).append(Arrays.toString(flags)).append(Arrays.toString(ds))
                                .append(Arrays.toString(boxes)).append(jagged[1][1]).append(xs.length).append(b);
                    }
                """.formatted(n, n, n, n, n, n, 7 + k + random.nextInt(50));
    }

    private static String synchronizedBlocks(Snippet snippet, Random random) {
        int k = snippet.number();
        int n = 2 + random.nextInt(10);
        return """
                    static final Object LOCK%d = new Object();
                    static int counter%d;

                    static synchronized int bumpStatic%d(int by) {
                        counter%d += by;
                        return counter%d;
                    }

                    synchronized int bump%d(int by) {
                        fi1 += by;
                        return Thread.holdsLock(this) ? fi1 : -1;
                    }

                """.formatted(k, k, k, k, k, k) + header(snippet) + """
                        for (int i = 0; i < %d; i++) {
                            synchronized (LOCK%d) {
                                synchronized (LOCK%d) {
                                    counter%d += i;
                                    LOCK%d.notifyAll();
                                }
                                out.append(Thread.holdsLock(LOCK%d) ? 'H' : 'h');
                            }
                            out.append(Thread.holdsLock(LOCK%d) ? 'H' : 'h');
                            out.append(bumpStatic%d(i)).append(o.bump%d(i)).append(',');
                        }
                        try {
                            synchronized (o) {
                                o.notify();
                                if (counter%d >= 0) {
                                    throw new IllegalStateException("left " + counter%d);
                                }
                            }
                        } catch (IllegalStateException e) {
                            out.append(e.getMessage()).append(Thread.holdsLock(o));
                        }
                        synchronized ($P.class) {
                            out.append(si0 += a).append(Thread.holdsLock($P.class));
                        }
                    }
                """.formatted(n, k, k, k, k, k, k, k, k, k, k);
    }

    private static String loops(Snippet snippet, Random random) {
        int n = 5 + random.nextInt(30);
        int m = 2 + random.nextInt(6);
        return header(snippet) + """
                        long acc = 0;
                        outer:
                        for (int i = 0; i < %d; i++) {
                            int j = 0;
                            do {
                                if ((i + j) %% %d == 0) {
                                    j++;
                                    continue;
                                }
                                if (i * j > %d) {
                                    continue outer;
                                }
                                acc += switch ((i ^ j) & 3) {
                                    case 0 -> o.fi0++;
                                    case 1 -> si1 -= j;
                                    case 2 -> (long) ia[j & 7] * la[i & 7];
                                    default -> { o.fl0 += acc & 15; yield o.fl0; }
                                };
                                j++;
                            } while (j < %d);
                            if (acc > 1_000_000_000L) {
                                break;
                            }
                        }
                        int w = %d;
                        while (w-- > 0) {
                            sv0 = sv0 * 3 + w;
                        }
                        double d = 0.5;
                        for (float f = 0; f < %d; f += 0.75f) {
                            d = d * 1.5 + f;
                        }
                        out.append(acc).append(',').append(sv0).append(',').append(d);
                    }
                """.formatted(n, m, n * 2, m + 1, random.nextInt(10), 3 + random.nextInt(5));
    }

    private static String exceptions(Snippet snippet, Random random) {
        int k = snippet.number();
        return """
                    static final class Failure%d extends Exception {
                        final int code;

                        Failure%d(String message, int code) {
                            super(message);
                            this.code = code;
                        }
                    }

                    static int thrower%d(int depth, int[] seen) throws Failure%d {
                        seen[0]++;
                        if (depth == 0) {
                            throw new Failure%d("bottom", seen[0]);
                        }
                        try {
                            return thrower%d(depth - 1, seen);
                        } finally {
                            seen[1] += depth;
                        }
                    }

                """.formatted(k, k, k, k, k, k) + header(snippet) + """
                        int[] seen = new int[2];
                        try {
                            thrower%d(%d, seen);
                        } catch (Failure%d e) {
                            out.append(e.getMessage()).append(e.code);
                        } finally {
                            out.append('f').append(seen[0]).append(seen[1]);
                        }
                        try {
                            int zero = a - a;
                            out.append(10 / zero);
                        } catch (ArithmeticException e) {
                            out.append(e.getClass().getSimpleName());
                        }
                        try {
                            out.append(ia[ia.length + (a & 1)]);
                        } catch (ArrayIndexOutOfBoundsException e) {
                            out.append(e.getClass().getSimpleName());
                        }
                        $P nothing = a < 0 ? o : null;
                        try {
                            nothing.fi0 = 1;
                        } catch (NullPointerException e) {
                            out.append(e.getClass().getSimpleName());
                        }
                        try {
                            Object s = a > 1000 ? "x" : (Object) Integer.valueOf(a);
                            out.append(((String) s).length());
                        } catch (ClassCastException e) {
                            out.append("CCE");
                        }
                        try (AutoCloseable c = () -> out.append("closed")) {
                            out.append(o.fi0 += %d);
                        } catch (Exception e) {
                            out.append("never");
                        }
                    }
                """.formatted(k, 1 + random.nextInt(6), k, random.nextInt(100));
    }

    private static String lambdas(Snippet snippet, Random random) {
        int k = snippet.number();
        int n = 3 + random.nextInt(12);
        return """
                    int twice%d(int x) {
                        return 2 * x + fi0;
                    }

                """.formatted(k) + header(snippet) + """
                        final int captured = b * %d;
                        IntBinaryOperator op = (x, y) -> x * captured - y + si0;
                        IntUnaryOperator self = o::twice%d;
                        Function<Integer, String> show = String::valueOf;
                        Supplier<List<Integer>> fresh = ArrayList::new;
                        BiFunction<Integer, Integer, Integer> sum = Integer::sum;
                        List<Integer> list = fresh.get();
                        for (int i = 0; i < %d; i++) {
                            list.add(op.applyAsInt(i, self.applyAsInt(i)));
                        }
                        list.sort(Comparator.comparing((Integer v) -> v %% 7).thenComparing(Comparator.reverseOrder()));
                        String joined = list.stream().map(show).collect(Collectors.joining("|"));
                        int total = list.stream().reduce(0, sum::apply);
                        Runnable bump = () -> o.fi1 += captured;
                        bump.run();
                        Function<Integer, Integer> chain = ((Function<Integer, Integer>) x -> x + 1).andThen(x -> x * ia[1]);
                        out.append(joined).append(';').append(total).append(';').append(chain.apply(a))
                                .append(';').append(IntStream.rangeClosed(1, %d).map(x -> x * x).filter(x -> x %% 2 == 1).sum())
                                .append(';').append(o.fi1);
                    }
                """.formatted(random.nextInt(9) + 1, k, n, n);
    }

    private static String strings(Snippet snippet, Random random) {
        int n = 2 + random.nextInt(8);
        String word = List.of("alpha", "beta", "gamma", "delta").get(random.nextInt(4));
        return header(snippet) + """
                        StringBuilder sb = new StringBuilder("%s");
                        for (int i = 0; i < %d; i++) {
                            sb.append(i).insert(0, (char) ('A' + i)).reverse();
                            if (sb.length() > 12) {
                                sb.setLength(8);
                            }
                        }
                        String text = sb.toString();
                        String kind = switch (text.length() %% 3) {
                            case 0 -> "zero";
                            case 1 -> "one";
                            default -> "two";
                        };
                        String formatted = String.format(Locale.ROOT, "%%5d|%%-6s|%%08.3f", sl0, kind, o.fl0 / 7.0);
                        out.append(text).append(' ').append(formatted).append(' ')
                                .append(String.join(",", List.of(kind, text.toUpperCase(Locale.ROOT), "%s".repeat(2))))
                                .append(' ').append(text.chars().sum()).append(' ').append("x" + si0 + o.fv0 + 'c' + 1.5f)
                                .append(' ').append(text.hashCode()).append(' ').append(text.indexOf('A'));
                    }
                """.formatted(word, n, word);
    }

    private static String collections(Snippet snippet, Random random) {
        int n = 4 + random.nextInt(20);
        return header(snippet) + """
                        Map<String, Integer> hash = new HashMap<>();
                        TreeMap<Integer, String> tree = new TreeMap<>();
                        Deque<Integer> deque = new ArrayDeque<>();
                        Set<Integer> set = new HashSet<>();
                        List<Integer> linked = new LinkedList<>();
                        PriorityQueue<Integer> heap = new PriorityQueue<>(Comparator.reverseOrder());
                        ConcurrentHashMap<String, Integer> concurrent = new ConcurrentHashMap<>();
                        CopyOnWriteArrayList<String> cow = new CopyOnWriteArrayList<>();
                        ConcurrentLinkedQueue<Integer> clq = new ConcurrentLinkedQueue<>();
                        for (int i = 0; i < %d; i++) {
                            int v = (i * %d + ia[i & 7]) %% 17;
                            hash.merge("k" + v, 1, Integer::sum);
                            tree.put(v, "t" + i);
                            if ((v & 1) == 0) {
                                deque.addFirst(v);
                            } else {
                                deque.addLast(v);
                            }
                            set.add(v);
                            linked.add(v);
                            heap.add(v);
                            concurrent.compute("c" + (v %% 5), (key, old) -> old == null ? 1 : old + 1);
                            cow.addIfAbsent("w" + (v %% 4));
                            clq.offer(v);
                        }
                        for (Iterator<Integer> it = linked.iterator(); it.hasNext(); ) {
                            if (it.next() %% 3 == 0) {
                                it.remove();
                            }
                        }
                        List<Integer> drained = new ArrayList<>();
                        while (!heap.isEmpty()) {
                            drained.add(heap.poll());
                        }
                        out.append(hash).append(tree).append(deque).append(set).append(linked).append(drained)
                                .append(new TreeMap<>(concurrent)).append(cow).append(clq.poll()).append(tree.headMap(8))
                                .append(Collections.max(set)).append(List.copyOf(set).size());
                    }
                """.formatted(n, 3 + random.nextInt(11));
    }

    private static String atomics(Snippet snippet, Random random) {
        int k = snippet.number();
        int n = 3 + random.nextInt(15);
        return """
                    static final class Counted%d {
                        volatile int hits;
                        volatile long total;
                        volatile String last;
                    }

                    static final AtomicIntegerFieldUpdater<Counted%d> HITS%d =
                            AtomicIntegerFieldUpdater.newUpdater(Counted%d.class, "hits");
                    static final AtomicLongFieldUpdater<Counted%d> TOTAL%d =
                            AtomicLongFieldUpdater.newUpdater(Counted%d.class, "total");
                    static final AtomicReferenceFieldUpdater<Counted%d, String> LAST%d =
                            AtomicReferenceFieldUpdater.newUpdater(Counted%d.class, String.class, "last");

                """.formatted(k, k, k, k, k, k, k, k, k, k) + header(snippet) + """
                        AtomicInteger ai = new AtomicInteger(a);
                        AtomicLong al = new AtomicLong(b);
                        AtomicReference<String> ar = new AtomicReference<>("start");
                        AtomicIntegerArray aia = new AtomicIntegerArray(4);
                        LongAdder adder = new LongAdder();
                        AtomicBoolean flag = new AtomicBoolean();
                        Counted%d counted = new Counted%d();
                        for (int i = 0; i < %d; i++) {
                            ai.incrementAndGet();
                            al.addAndGet(ai.get() * 3L);
                            ar.updateAndGet(s -> s.length() > 20 ? "r" : s + ai.get());
                            aia.getAndAdd(i & 3, i);
                            adder.add(i);
                            flag.compareAndSet(i %% 2 == 0, i %% 2 != 0);
                            HITS%d.incrementAndGet(counted);
                            TOTAL%d.addAndGet(counted, i * 7L);
                            LAST%d.compareAndSet(counted, counted.last, "v" + i);
                        }
                        out.append(ai).append(',').append(al.getAndIncrement()).append(',').append(ar.get()).append(',')
                                .append(aia).append(',').append(adder.sum()).append(',').append(flag.get()).append(',')
                                .append(ai.compareAndExchange(ai.get(), 5)).append(',').append(ai.accumulateAndGet(3, Math::max))
                                .append(',').append(counted.hits).append(',').append(counted.total).append(',')
                                .append(counted.last);
                    }
                """.formatted(k, k, n, k, k, k);
    }

    private static String varHandles(Snippet snippet, Random random) {
        int k = snippet.number();
        int n = 2 + random.nextInt(10);
        return """
                    static final class Cell%d {
                        int plain;
                        volatile long wide;
                        Object ref = "init";
                        static int shared;
                    }

                    static final VarHandle PLAIN%d;
                    static final VarHandle WIDE%d;
                    static final VarHandle REF%d;
                    static final VarHandle SHARED%d;
                    static final VarHandle INTS%d = MethodHandles.arrayElementVarHandle(int[].class);

                    static {
                        try {
                            MethodHandles.Lookup lookup = MethodHandles.lookup();
                            PLAIN%d = lookup.findVarHandle(Cell%d.class, "plain", int.class);
                            WIDE%d = lookup.findVarHandle(Cell%d.class, "wide", long.class);
                            REF%d = lookup.findVarHandle(Cell%d.class, "ref", Object.class);
                            SHARED%d = lookup.findStaticVarHandle(Cell%d.class, "shared", int.class);
                        } catch (ReflectiveOperationException e) {
                            throw new ExceptionInInitializerError(e);
                        }
                        LOG.append("vh%d ");
                    }

                """.formatted(k, k, k, k, k, k, k, k, k, k, k, k, k, k, k) + header(snippet) + """
                        Cell%d cell = new Cell%d();
                        int[] ints = new int[4];
                        for (int i = 0; i < %d; i++) {
                            PLAIN%d.set(cell, (int) PLAIN%d.get(cell) + i);
                            WIDE%d.getAndAdd(cell, (long) i * 5);
                            REF%d.compareAndSet(cell, cell.ref, "r" + i);
                            SHARED%d.setRelease((int) SHARED%d.getAcquire() ^ i);
                            INTS%d.getAndAdd(ints, i & 3, i + 1);
                            INTS%d.setVolatile(ints, 0, (int) INTS%d.getOpaque(ints, 0) + 1);
                        }
                        out.append(cell.plain).append(',').append((long) WIDE%d.getVolatile(cell)).append(',')
                                .append(cell.ref).append(',').append(Cell%d.shared).append(',').append(Arrays.toString(ints))
                                .append(',').append((int) PLAIN%d.compareAndExchange(cell, cell.plain, a));
                    }
                """.formatted(k, k, n, k, k, k, k, k, k, k, k, k, k, k, k);
    }

    private static String locks(Snippet snippet, Random random) {
        int n = 2 + random.nextInt(8);
        return header(snippet) + """
                        ReentrantLock lock = new ReentrantLock();
                        ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
                        Condition condition = lock.newCondition();
                        Semaphore permits = new Semaphore(2);
                        CountDownLatch latch = new CountDownLatch(%d);
                        int taken = 0;
                        for (int i = 0; i < %d; i++) {
                            lock.lock();
                            try {
                                if (lock.tryLock()) {
                                    taken += lock.getHoldCount();
                                    lock.unlock();
                                }
                                condition.signalAll();
                            } finally {
                                lock.unlock();
                            }
                            rw.readLock().lock();
                            taken += rw.getReadLockCount();
                            rw.readLock().unlock();
                            if (permits.tryAcquire()) {
                                taken++;
                            }
                            latch.countDown();
                        }
                        boolean opened;
                        try {
                            latch.await();
                            opened = true;
                        } catch (InterruptedException e) {
                            opened = false;
                        }
                        out.append(taken).append(',').append(permits.availablePermits()).append(',').append(opened)
                                .append(',').append(lock.isLocked()).append(',').append(latch.getCount());
                    }
                """.formatted(n, n);
    }

    private static String timedWaits(Snippet snippet, Random random) {
        int millis = 1 + random.nextInt(3);
        return header(snippet) + """
                        Object monitor = new Object();
                        ReentrantLock lock = new ReentrantLock();
                        Condition condition = lock.newCondition();
                        BlockingQueue<Integer> queue = new ArrayBlockingQueue<>(2);
                        CountDownLatch latch = new CountDownLatch(1);
                        StringBuilder seen = new StringBuilder();
                        try {
                            synchronized (monitor) {
                                monitor.wait(%d);
                                seen.append(Thread.holdsLock(monitor));
                            }
                            Thread.sleep(%d);
                            LockSupport.parkNanos(1_000L * %d);
                            seen.append(queue.poll(%d, TimeUnit.MILLISECONDS)).append(queue.offer(a, %d, TimeUnit.MILLISECONDS));
                            seen.append(queue.poll(1, TimeUnit.MILLISECONDS));
                            seen.append(lock.tryLock(%d, TimeUnit.MILLISECONDS));
                            try {
                                seen.append(condition.await(%d, TimeUnit.MILLISECONDS));
                            } finally {
                                lock.unlock();
                            }
                            seen.append(latch.await(%d, TimeUnit.MILLISECONDS));
                            TimeUnit.MICROSECONDS.sleep(%d);
                            seen.append(CompletableFuture.completedFuture(a).get(1, TimeUnit.SECONDS));
                        } catch (InterruptedException | ExecutionException | TimeoutException e) {
                            seen.append("unexpected ").append(e);
                        }
                        out.append(seen);
                    }
                """.formatted(millis, millis, millis, millis, millis, millis, millis, millis, millis);
    }

    private static String objects(Snippet snippet, Random random) {
        int k = snippet.number();
        int n = 2 + random.nextInt(8);
        return """
                    sealed interface Shape%d permits Square%d, Circle%d {
                        default String describe() {
                            return getClass().getSimpleName() + "=" + area();
                        }

                        long area();
                    }

                    record Square%d(int side) implements Shape%d {
                        public long area() {
                            return (long) side * side;
                        }
                    }

                    record Circle%d(int radius) implements Shape%d {
                        public long area() {
                            return 3L * radius * radius;
                        }
                    }

                    enum Color%d { RED, GREEN, BLUE }

                    static final class Lazy%d {
                        static final int VALUE;

                        static {
                            LOG.append("lazy%d ");
                            VALUE = si0 * 2;
                        }
                    }

                    static final class Node%d {
                        final int value;
                        Node%d next;

                        Node%d(int value, Node%d next) {
                            this.value = value;
                            this.next = next;
                        }
                    }

                """.formatted(k, k, k, k, k, k, k, k, k, k, k, k, k, k) + header(snippet) + """
                        List<Shape%d> shapes = new ArrayList<>();
                        Node%d head = null;
                        for (int i = 0; i < %d; i++) {
                            shapes.add(i %% 2 == 0 ? new Square%d(i + a) : new Circle%d(i));
                            head = new Node%d(i * si1, head);
                        }
                        StringBuilder line = new StringBuilder();
                        for (Shape%d shape : shapes) {
                            String what = switch (shape) {
                                case Square%d s when s.side() > 3 -> "big" + s.side();
                                case Square%d s -> "small" + s.side();
                                case Circle%d c -> "circle" + c.radius();
                            };
                            line.append(what).append(shape.describe()).append(shape).append(shape.hashCode());
                        }
                        int sum = 0;
                        for (Node%d node = head; node != null; node = node.next) {
                            sum += node.value;
                            if (node.next != null) {
                                node.next.next = node.next.next;
                            }
                        }
                        EnumMap<Color%d, Integer> colors = new EnumMap<>(Color%d.class);
                        for (Color%d color : Color%d.values()) {
                            colors.merge(color, color.ordinal() + sum, Integer::sum);
                        }
                        Random seeded = new Random(%d);
                        out.append(line).append(sum).append(colors).append(Lazy%d.VALUE).append(seeded.nextInt(1000))
                                .append(Objects.hash(sum, a, "x")).append(new Square%d(2).equals(new Square%d(2)));
                    }
                """.formatted(k, k, n, k, k, k, k, k, k, k, k, k, k, k, k, random.nextInt(1000), k, k, k);
    }
}
