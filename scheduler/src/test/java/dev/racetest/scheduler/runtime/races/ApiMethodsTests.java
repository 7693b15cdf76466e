package dev.racetest.scheduler.runtime.races;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The read/write table of API calls: the documented reads, and every other name a write. */
class ApiMethodsTests {

    @ParameterizedTest
    @ValueSource(strings = {"get", "getOrDefault", "containsKey", "containsAll", "size", "isEmpty", "iterator",
            "listIterator", "keySet", "values", "entrySet", "subList", "headMap", "tailSet", "descendingMap",
            "firstKey", "lastEntry", "ceilingKey", "floorEntry", "higherKey", "lowerEntry", "peek", "peekFirst",
            "element", "indexOf", "lastIndexOf", "forEach", "stream", "parallelStream", "toArray", "toString",
            "equals", "hashCode", "hasNext", "next", "previous", "nextIndex", "getKey", "getValue", "charAt",
            "length", "substring", "subSequence", "chars", "codePointAt", "compareTo", "capacity", "clone",
            "comparator", "navigableKeySet", "reversed", "cardinality", "nextSetBit", "intersects", "spliterator"})
    void queriesAndViewsRead(String method) {
        assertThat(ApiMethods.isWrite(method)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"put", "putIfAbsent", "putAll", "add", "addAll", "addFirst", "remove", "removeIf",
            "removeFirst", "clear", "set", "setValue", "setLength", "compute", "computeIfAbsent", "merge", "replace",
            "replaceAll", "poll", "pollFirst", "offer", "offerLast", "push", "pop", "sort", "retainAll", "append",
            "insert", "delete", "deleteCharAt", "reverse", "trimToSize", "ensureCapacity", "format", "parse",
            "parseObject", "applyPattern", "setTimeZone", "flip", "somethingNew"})
    void mutatorsAndUnknownNamesWrite(String method) {
        assertThat(ApiMethods.isWrite(method)).isTrue();
    }
}
