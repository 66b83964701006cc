package io.calicogitops.policy;

/**
 * A map from {@code long} keys to non-null values with open addressing and linear probing: no boxed key and no entry
 * object per mapping, one array probe per lookup. The compiled evaluator's memo, which a flow replay consults twice
 * per record.
 */
final class LongMap<V> {

    private long[] keys = new long[16];
    private Object[] values = new Object[16];
    private int size;

    int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    V get(long key) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            Object v = values[i];
            if (v == null) {
                return null;
            }
            if (keys[i] == key) {
                return (V) v;
            }
        }
    }

    void put(long key, V value) {
        if (value == null) {
            throw new IllegalArgumentException("null value");
        }
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        if (insert(keys, values, key, value)) {
            size++;
        }
    }

    /** True when the key was new. */
    private static boolean insert(long[] keys, Object[] values, long key, Object value) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            if (values[i] == null) {
                keys[i] = key;
                values[i] = value;
                return true;
            }
            if (keys[i] == key) {
                values[i] = value;
                return false;
            }
        }
    }

    private void grow() {
        long[] k = new long[keys.length * 2];
        Object[] v = new Object[values.length * 2];
        for (int i = 0; i < keys.length; i++) {
            if (values[i] != null) {
                insert(k, v, keys[i], values[i]);
            }
        }
        keys = k;
        values = v;
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L; // Fibonacci hashing: the high bits mix every bit of the key
        return (int) (h >>> 32 ^ h) & mask;
    }
}
