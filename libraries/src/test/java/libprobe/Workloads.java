package libprobe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.google.common.base.Joiner;
import com.google.common.base.Splitter;
import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.collect.ArrayListMultimap;
import com.google.common.collect.HashBasedTable;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.Multimap;
import com.google.common.collect.Table;
import com.google.common.hash.Hashing;
import com.google.common.util.concurrent.Striped;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.Lock;
import kotlin.coroutines.EmptyCoroutineContext;
import kotlinx.coroutines.BuildersKt;
import org.apache.commons.collections4.Bag;
import org.apache.commons.collections4.ListUtils;
import org.apache.commons.collections4.bag.TreeBag;
import org.apache.commons.lang3.ArrayUtils;
import org.apache.commons.lang3.StringUtils;
import org.apache.commons.lang3.text.WordUtils;

/**
 * Single-threaded uses of the libraries the instrumentation test covers, each returning what it
 * computed as text. They live outside {@code dev.racetest}, which racetest never instruments, so an
 * instrumenting loader rewrites them and the library classes they reach.
 */
public final class Workloads {

    private Workloads() {
    }

    /** The workloads, by the name of their method. */
    public static final List<String> NAMES = List.of("guava", "guavaCache", "caffeine", "commonsLang",
            "commonsCollections", "jackson", "netty", "kotlin", "coroutines", "scala");

    public static String guava() {
        ImmutableList<Integer> list = ImmutableList.of(5, 3, 9, 1, 7);
        Multimap<String, Integer> multimap = ArrayListMultimap.create();
        for (int value : list) {
            multimap.put(value % 2 == 0 ? "even" : "odd", value);
            multimap.put("all", value);
        }
        Table<Integer, Integer, String> table = HashBasedTable.create();
        for (int row = 0; row < 3; row++) {
            for (int column = 0; column < 3; column++) {
                table.put(row, column, row + "x" + column);
            }
        }
        Striped<Lock> striped = Striped.lock(4);
        Lock lock = striped.get("key");
        lock.lock();
        try {
            multimap.put("locked", striped.size());
        } finally {
            lock.unlock();
        }
        List<String> parts = Splitter.on(',').trimResults().omitEmptyStrings().splitToList(" a, b,, c ,d ");
        return list.reverse() + " " + ImmutableList.sortedCopyOf(list) + " " + new TreeMap<>(multimap.asMap()) + " "
                + table.row(1) + " " + Joiner.on('|').join(parts) + " "
                + Hashing.sha256().hashString("racetest", StandardCharsets.UTF_8) + " "
                + ImmutableSortedMap.of("b", 2, "a", 1, "c", 3).headMap("c");
    }

    public static String guavaCache() throws Exception {
        com.google.common.cache.LoadingCache<Integer, String> cache = CacheBuilder.newBuilder().maximumSize(4)
                .recordStats().build(CacheLoader.from(key -> "v" + key * key));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            out.append(cache.get(i % 6)).append(',');
        }
        cache.invalidate(3);
        out.append(cache.getIfPresent(3)).append(' ').append(cache.stats().hitCount()).append(' ')
                .append(cache.stats().missCount()).append(' ').append(cache.size());
        return out.toString();
    }

    public static String caffeine() {
        LoadingCache<Integer, String> loading = Caffeine.newBuilder().maximumSize(100).executor(Runnable::run)
                .recordStats().build(key -> "c" + (key * 3));
        Cache<String, Integer> plain = Caffeine.newBuilder().executor(Runnable::run).build();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            out.append(loading.get(i % 7)).append(',');
            plain.asMap().merge("k" + (i % 3), i, Integer::sum);
        }
        loading.invalidate(2);
        out.append(loading.getIfPresent(2)).append(' ').append(loading.stats().hitCount()).append(' ')
                .append(new TreeMap<>(plain.asMap())).append(' ').append(loading.asMap().containsKey(4));
        return out.toString();
    }

    @SuppressWarnings("deprecation")
    public static String commonsLang() {
        String text = "the quick brown fox jumps over the lazy dog";
        return StringUtils.capitalize(text) + "|" + StringUtils.abbreviate(text, 20) + "|"
                + StringUtils.countMatches(text, "o") + "|" + StringUtils.reverseDelimited(text, ' ') + "|"
                + StringUtils.leftPad("7", 4, '0') + "|" + StringUtils.getLevenshteinDistance("kitten", "sitting") + "|"
                + WordUtils.capitalizeFully(text) + "|"
                + ArrayUtils.toString(ArrayUtils.addAll(new int[] {1, 2}, 3, 4)) + "|"
                + StringUtils.join(StringUtils.split(text), '-');
    }

    public static String commonsCollections() {
        Bag<String> bag = new TreeBag<>();
        for (String word : "a b a c b a d".split(" ")) {
            bag.add(word);
        }
        List<Integer> first = List.of(1, 2, 3, 4);
        List<Integer> second = List.of(3, 4, 5);
        return bag + " " + bag.getCount("a") + " " + ListUtils.intersection(first, second) + " "
                + ListUtils.subtract(first, second) + " " + ListUtils.partition(new ArrayList<>(first), 3);
    }

    public static String jackson() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, Object> value = new TreeMap<>();
        value.put("name", "racetest");
        value.put("numbers", List.of(1, 2, 3));
        value.put("nested", Map.of("ok", true));
        String json = mapper.writeValueAsString(value);
        JsonNode tree = mapper.readTree(json);
        Point point = mapper.readValue("{\"x\":3,\"y\":4}", Point.class);
        return json + " " + tree.get("numbers").get(1).asInt() + " " + point + " " + mapper.writeValueAsString(point);
    }

    /** A record Jackson reads and writes. */
    public record Point(int x, int y) {
    }

    public static String netty() {
        ByteBuf buffer = Unpooled.buffer(8);
        for (int i = 0; i < 10; i++) {
            buffer.writeInt(i * 1_000_003);
        }
        buffer.writeCharSequence("netty", StandardCharsets.US_ASCII);
        int first = buffer.readInt();
        String hex = ByteBufUtil.hexDump(buffer, buffer.readerIndex(), 12);
        ByteBuf composite = Unpooled.wrappedBuffer(Unpooled.copiedBuffer("ab", StandardCharsets.UTF_8),
                Unpooled.copiedBuffer("cd", StandardCharsets.UTF_8));
        return first + " " + hex + " " + buffer.readableBytes() + " " + composite.toString(StandardCharsets.UTF_8)
                + " " + buffer.refCnt() + " " + buffer.release();
    }

    public static String kotlin() {
        List<Integer> numbers = List.of(4, 1, 3, 2);
        return kotlin.collections.CollectionsKt.sorted(numbers) + " "
                + kotlin.collections.CollectionsKt.joinToString(numbers, "+", "[", "]", -1, "...", null) + " "
                + kotlin.text.StringsKt.reversed("racetest") + " " + kotlin.collections.CollectionsKt.chunked(numbers, 3)
                + " " + kotlin.collections.CollectionsKt.windowed(numbers, 2, 1, false);
    }

    public static String coroutines() throws InterruptedException {
        Object result = BuildersKt.runBlocking(EmptyCoroutineContext.INSTANCE, (scope, continuation) -> "ran in "
                + scope.getClass().getSimpleName());
        return String.valueOf(result);
    }

    public static String scala() {
        scala.collection.immutable.List<Integer> list = scala.jdk.javaapi.CollectionConverters
                .asScala(List.of(3, 1, 2)).toList();
        return list.reverse().mkString(",") + " " + scala.math.BigInt.apply(2).pow(100) + " " + list.length() + " "
                + scala.collection.immutable.Vector.from(list).mkString("<", ";", ">");
    }
}
