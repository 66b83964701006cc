package io.calicogitops.cli;

import io.calicogitops.diag.ExitCodes;
import io.calicogitops.signing.SigningKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code calico-gitops evidence keygen}: a new Ed25519 key pair for signing bundles. */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = "Make an Ed25519 key pair in PEM: the private key (PKCS#8, owner-only) signs bundles, the public key "
                + "(X.509) verifies them. Existing files are never overwritten.")
public final class EvidenceKeygenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out-private", required = true, paramLabel = "FILE", description = "where to write the private key")
    Path privateKey;

    @Option(names = "--out-public", required = true, paramLabel = "FILE", description = "where to write the public key")
    Path publicKey;

    @Override
    public Integer call() {
        SigningKeys.write(SigningKeys.generate(), privateKey, publicKey, Paths.display(privateKey), Paths.display(publicKey));
        spec.commandLine().getOut().println("wrote private key " + Paths.display(privateKey) + " (keep it secret) and public key "
                + Paths.display(publicKey));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
