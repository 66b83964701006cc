package io.calicogitops.yaml;

import java.util.function.Supplier;

/** A value made once, on first use, whichever thread asks first (a full location index read again on demand). */
final class Lazy<T> implements Supplier<T> {

    private final Supplier<T> make;
    private volatile T made;

    Lazy(Supplier<T> make) {
        this.make = make;
    }

    @Override
    public T get() {
        T m = made;
        if (m == null) {
            synchronized (this) {
                m = made;
                if (m == null) {
                    m = make.get();
                    made = m;
                }
            }
        }
        return m;
    }
}
