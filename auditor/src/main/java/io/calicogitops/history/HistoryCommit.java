package io.calicogitops.history;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One commit that changed resources in a cluster folder: id, parents (two or more for a merge, whose changes are
 * those it brought in over its first parent), author, committer, commit time (UTC), message and the changes,
 * sorted by cluster and resource identity.
 */
public record HistoryCommit(String id, List<String> parents, String author, String authorEmail, String committer,
                            Instant time, String message, List<ResourceChange> changes) {

    public HistoryCommit {
        Objects.requireNonNull(id, "id");
        parents = List.copyOf(parents);
        author = author == null ? "" : author;
        authorEmail = authorEmail == null ? "" : authorEmail;
        committer = committer == null ? "" : committer;
        Objects.requireNonNull(time, "time");
        message = message == null ? "" : message;
        changes = List.copyOf(changes);
    }

    public boolean isMerge() {
        return parents.size() > 1;
    }

    /** The first line of the message. */
    public String subject() {
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }

    /** The first seven characters of the id, as {@code git log --oneline} shows it. */
    public String shortId() {
        return id.length() > 7 ? id.substring(0, 7) : id;
    }
}
