package org.flashpoint.streams.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

class DecodedValuesTest {

    private final Map<String, String> stored = new HashMap<>();
    private final List<String> reads = new ArrayList<>();

    @SuppressWarnings("unchecked")
    private final KeyValueStore<String, String> store = (KeyValueStore<String, String>) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {KeyValueStore.class}, (proxy, method, args) -> switch (method.getName()) {
                case "get" -> {
                    reads.add((String) args[0]);
                    yield stored.get(args[0]);
                }
                case "put" -> stored.put((String) args[0], (String) args[1]);
                case "delete" -> stored.remove(args[0]);
                default -> throw new UnsupportedOperationException(method.getName());
            });

    @Test
    void writesGoThroughAndRecentValuesAreNotReadAgain() {
        DecodedValues<String> values = new DecodedValues<>(store, 2);
        values.put("a", "1");
        assertThat(stored).containsEntry("a", "1");
        assertThat(values.get("a")).isEqualTo("1");
        assertThat(reads).isEmpty();
    }

    @Test
    void theLeastRecentlyUsedValueIsReadFromTheStoreAgain() {
        DecodedValues<String> values = new DecodedValues<>(store, 2);
        values.put("a", "1");
        values.put("b", "2");
        values.get("a");
        values.put("c", "3");
        assertThat(values.get("a")).isEqualTo("1");
        assertThat(values.get("b")).isEqualTo("2");
        assertThat(reads).containsExactly("b");
    }

    @Test
    void aDeletedValueIsGoneFromBoth() {
        DecodedValues<String> values = new DecodedValues<>(store, 2);
        values.put("a", "1");
        values.delete("a");
        assertThat(stored).doesNotContainKey("a");
        assertThat(values.get("a")).isNull();
        assertThat(reads).containsExactly("a");
    }

    @Test
    void valuesWrittenBeforeItWasBuiltAreReadFromTheStore() {
        stored.put("a", "1");
        DecodedValues<String> values = new DecodedValues<>(store, 2);
        assertThat(values.get("a")).isEqualTo("1");
        assertThat(values.get("a")).isEqualTo("1");
        assertThat(reads).containsExactly("a");
    }
}
