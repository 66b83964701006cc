package io.calicogitops.evidence;

import java.util.List;

/**
 * What {@code evidence verify} found: the manifest read from the bundle, the digest recomputed from its files list,
 * how many files matched, every problem (files in path order, then the manifest, then the signature), and what could
 * be said about the signature. Valid when there is no problem.
 */
public record BundleCheck(Manifest manifest, String computedDigest, int filesMatched, List<BundleProblem> problems,
                          SignatureStatus signature) {

    public BundleCheck {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
