package io.calicogitops.policy;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link LongMap} against {@link HashMap} on the same operations (seeded): keys of every shape, overwrites, growth. */
class LongMapTest {

    @Test
    void sameAnswersAsHashMap() {
        Random rnd = new Random(3);
        LongMap<String> map = new LongMap<>();
        Map<Long, String> reference = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            long key = switch (rnd.nextInt(4)) {
                case 0 -> rnd.nextInt(64); // small keys, many repeats and overwrites
                case 1 -> (long) rnd.nextInt(1 << 10) << 48; // only high bits differ, as the evaluator's class ids do
                case 2 -> -rnd.nextInt(100); // zero and negative keys
                default -> rnd.nextLong();
            };
            if (rnd.nextBoolean()) {
                String value = "v" + i;
                map.put(key, value);
                reference.put(key, value);
            } else {
                assertEquals(reference.get(key), map.get(key), "key " + key);
            }
        }
        assertEquals(reference.size(), map.size());
        reference.forEach((k, v) -> assertEquals(v, map.get(k), "key " + k));
    }

    @Test
    void absentKey_isNull_nullValue_isRefused() {
        LongMap<String> map = new LongMap<>();
        assertNull(map.get(0));
        map.put(0, "zero");
        assertEquals("zero", map.get(0));
        assertNull(map.get(1));
        assertThrows(IllegalArgumentException.class, () -> map.put(2, null));
    }
}
