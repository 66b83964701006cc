package io.calicogitops.evidence;

import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Files one evidence source contributes, keyed by their path in the bundle; whether the source was available in this
 * build (an unavailable one still contributes a document that says so); one line for {@code index.html}; and, when
 * the evidence is there but falls short, why (e.g. "no audit was recorded in the interval"), for the PCI mapping.
 */
public record SourceFiles(boolean available, String summary, Optional<String> caveat, SortedMap<String, byte[]> files) {

    public SourceFiles {
        caveat = caveat == null ? Optional.empty() : caveat;
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }
}
