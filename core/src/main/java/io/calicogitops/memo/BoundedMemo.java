package io.calicogitops.memo;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The values of a pure function, remembered per key and bounded: once it holds {@code most} values it is emptied,
 * which only loses reuse. The map given decides what an equal key is ({@code HashMap}, {@code IdentityHashMap}) and
 * whether several threads may ask ({@code ConcurrentHashMap}: two threads may then both make a value, equal ones). A
 * key the function throws for is not remembered: it throws again on the next ask. The function must not return null.
 */
public final class BoundedMemo<K, V> {

    private final Map<K, V> values;
    private final int most;
    private final Function<? super K, ? extends V> make;

    public BoundedMemo(Map<K, V> values, int most, Function<? super K, ? extends V> make) {
        if (most < 1) {
            throw new IllegalArgumentException("most " + most);
        }
        this.values = Objects.requireNonNull(values, "values");
        this.most = most;
        this.make = Objects.requireNonNull(make, "make");
    }

    /** The value for {@code key}, made on first ask (get, then put: no capturing lambda per ask). */
    public V get(K key) {
        V known = values.get(key);
        if (known == null) {
            known = make.apply(key);
            if (values.size() >= most) {
                values.clear();
            }
            values.put(key, known);
        }
        return known;
    }

    /** How many values it holds now. */
    public int size() {
        return values.size();
    }
}
