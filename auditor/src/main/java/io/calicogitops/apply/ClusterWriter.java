package io.calicogitops.apply;

import java.util.Set;

/**
 * Writes objects to a cluster. Implementations throw {@code ClusterAccessException} (exit 4) with the operation and
 * the cause when a write fails; they never report a write that did not happen.
 */
public interface ClusterWriter extends AutoCloseable {

    /**
     * Checks, before anything is written, that every kind ({@code group/Kind}) can be written; throws otherwise.
     */
    void prepare(Set<String> kinds);

    /** Makes one change with the strategy (deletes ignore it); an object already gone counts as deleted. */
    void write(PlannedChange change, ApplyStrategy strategy);

    @Override
    void close();
}
