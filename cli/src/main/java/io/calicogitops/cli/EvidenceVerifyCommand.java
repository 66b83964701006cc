package io.calicogitops.cli;

import io.calicogitops.diag.ExitCodes;
import io.calicogitops.evidence.BundleCheck;
import io.calicogitops.evidence.BundleProblem;
import io.calicogitops.evidence.Evidence;
import io.calicogitops.evidence.Manifest;
import io.calicogitops.signing.SigningKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code calico-gitops evidence verify}: is the bundle exactly what was exported? Exit 0 valid, 1 invalid, 3 not a bundle. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check an evidence bundle: every file against the manifest's SHA-256, no file missing or added, the "
                + "manifest digest, and the signature when a public key is given.")
public final class EvidenceVerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.zip", description = "the bundle")
    Path bundle;

    @Option(names = "--public-key", paramLabel = "KEY", description = "Ed25519 public key (X.509 PEM) the manifest must be signed with")
    Path publicKey;

    @Override
    public Integer call() {
        BundleCheck check = new Evidence().verify(bundle, Paths.display(bundle),
                Optional.ofNullable(publicKey).map(k -> SigningKeys.readPublic(k, "--public-key " + Paths.display(k))));
        PrintWriter o = spec.commandLine().getOut();
        Manifest m = check.manifest();
        o.printf("bundle %s: %s, desired state %s, interval %s .. %s, generated %s%n", Paths.display(bundle), m.cluster(),
                m.commits().end().substring(0, Math.min(12, m.commits().end().length())), m.since(), m.until(), m.generatedAt());
        o.println("manifest digest " + check.computedDigest());
        for (BundleProblem p : check.problems()) {
            o.println(p.message());
        }
        o.println(switch (check.signature()) {
            case VALID -> "signature: valid (Ed25519)";
            case INVALID -> "signature: INVALID";
            case MISSING -> "signature: missing";
            case NOT_CHECKED -> "signature not checked (no --public-key)";
            case UNSIGNED -> "signature: none (the bundle is not signed)";
        });
        if (check.valid()) {
            o.printf("verified: %d files match the manifest%n", check.filesMatched());
        } else {
            o.printf("invalid: %d %s%n", check.problems().size(), check.problems().size() == 1 ? "problem" : "problems");
        }
        o.flush();
        return check.valid() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
}
