package io.calicogitops.memo;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoundedMemoTest {

    @Test
    void madeOnce_perEqualKey_boundedByEmptying() {
        AtomicInteger made = new AtomicInteger();
        BoundedMemo<String, String> memo = new BoundedMemo<>(new HashMap<>(), 3, k -> {
            made.incrementAndGet();
            return k.toUpperCase();
        });
        String a = memo.get("a");
        assertSame(a, memo.get(new String("a")));
        assertEquals(1, made.get());
        for (String k : new String[] {"b", "c", "d"}) {
            memo.get(k);
        }
        assertTrue(memo.size() <= 3, "size " + memo.size());
        assertEquals("A", memo.get("a"));
        assertEquals(5, made.get(), "emptied when full: 'a' made again");
    }

    @Test
    void identityMap_equalKeysAreOthers() {
        BoundedMemo<String, Object> memo = new BoundedMemo<>(new IdentityHashMap<>(), 10, k -> new Object());
        String k = "k";
        assertSame(memo.get(k), memo.get(k));
        assertNotSame(memo.get(k), memo.get(new String("k")));
    }

    @Test
    void aThrowingKey_isNotRemembered() {
        AtomicInteger asked = new AtomicInteger();
        BoundedMemo<String, String> memo = new BoundedMemo<>(new HashMap<>(), 10, k -> {
            asked.incrementAndGet();
            throw new IllegalStateException(k);
        });
        assertThrows(IllegalStateException.class, () -> memo.get("x"));
        assertThrows(IllegalStateException.class, () -> memo.get("x"));
        assertEquals(2, asked.get());
        assertEquals(0, memo.size());
    }
}
