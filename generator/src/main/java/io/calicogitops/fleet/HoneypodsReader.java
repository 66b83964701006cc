package io.calicogitops.fleet;

import io.calicogitops.fleet.Honeypods.ExternalPullSecret;
import io.calicogitops.validate.ImageReference;
import io.calicogitops.validate.Names;
import io.calicogitops.yaml.MappingReader;

import java.util.List;
import java.util.Optional;

import static io.calicogitops.fleet.ValueChecks.CHECK;

/**
 * Reads the opt-in {@code honeypods} block (AKS workshop step 6): the decoy images, the name of the pull secret the
 * decoys need (never its content), and optionally the External Secrets Operator store that makes that Secret.
 */
final class HoneypodsReader {

    static final Section EXTERNAL_SECRET = Section.of("externalSecret", "store", "storeKind", "remoteKey", "refreshInterval");
    static final Section HONEYPODS = Section.of("honeypods", "pullSecret", "appImage", "dashboardImage", "databaseImage")
            .with(EXTERNAL_SECRET);

    private HoneypodsReader() {
    }

    static Optional<Honeypods> read(MappingReader root) {
        Honeypods d = Honeypods.DEFAULTS;
        return HONEYPODS.read(root, r -> {
            String pullSecret = r.string("pullSecret", d.pullSecret());
            if (r.has("pullSecret")) {
                Names.checkSubdomain(pullSecret).ifPresent(m -> r.error("pullSecret", m));
            }
            Optional<ExternalPullSecret> eso = EXTERNAL_SECRET.read(r, e -> {
                String store = e.string("store", null);
                if (store == null) {
                    e.diagnostics().error(e.here(), e.pathOf("store") + ": required",
                            "the SecretStore or ClusterSecretStore of the External Secrets Operator that holds the pull secret");
                } else {
                    Names.checkSubdomain(store).ifPresent(m -> e.error("store", m));
                }
                String kind = e.oneOf("storeKind", ExternalPullSecret.DEFAULT_STORE_KIND, List.of("ClusterSecretStore", "SecretStore"));
                String remoteKey = e.string("remoteKey", null);
                if (remoteKey == null || remoteKey.isBlank()) {
                    e.diagnostics().error(e.here(), e.pathOf("remoteKey") + ": required",
                            "the key in the store whose value is the .dockerconfigjson of the Tigera registry");
                }
                return new ExternalPullSecret(store, kind, remoteKey,
                        CHECK.duration(e, "refreshInterval", ExternalPullSecret.DEFAULT_REFRESH));
            });
            return new Honeypods(pullSecret, image(r, "appImage", d.appImage()), image(r, "dashboardImage", d.dashboardImage()),
                    image(r, "databaseImage", d.databaseImage()), eso);
        });
    }

    /** Pinned by tag or digest, like the scheduled audit's image: a decoy that changes under the cluster is not a known decoy. */
    private static String image(MappingReader r, String key, String dflt) {
        String image = r.string(key, dflt);
        if (r.has(key)) {
            ImageReference.check(image).ifPresent(m -> r.error(key, m));
        }
        return image;
    }
}
