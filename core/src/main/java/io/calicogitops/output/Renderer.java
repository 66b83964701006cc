package io.calicogitops.output;

import java.io.IOException;
import java.io.Writer;
import java.util.function.Function;

/**
 * Writes one result in one format. Implementations are deterministic (the same result gives the same characters: no
 * clock, no hash order, {@code \n} line ends) and never close {@code out}.
 */
@FunctionalInterface
public interface Renderer<R> {

    void write(R result, Writer out) throws IOException;

    /** A renderer from a function that builds the whole text (small results). */
    static <R> Renderer<R> ofText(Function<? super R, String> text) {
        return (result, out) -> out.write(text.apply(result));
    }
}
