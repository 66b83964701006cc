package io.calicogitops.audit.normalise;

/** Which side of a comparison an object comes from: Git (desired) or the cluster (live). */
public enum Side {
    DESIRED, LIVE
}
