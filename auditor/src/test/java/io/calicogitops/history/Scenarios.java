package io.calicogitops.history;

import org.eclipse.jgit.lib.ObjectId;

import java.nio.file.Path;
import java.time.Instant;

import static io.calicogitops.history.Manifests.path;

/**
 * The scripted history of a small fleet (eks-prod and aks-dev) that the history, reporter and command tests share:
 * every kind of event, a README-only commit, a commit for the other cluster only, and a merge.
 */
final class Scenarios {

    static final String PCI = "globalnetworkpolicy-security.pci-whitelist.yaml";
    static final String STAGED_DENY = "stagedglobalnetworkpolicy-default-deny.yaml";
    static final String DENY = "globalnetworkpolicy-default-deny.yaml";
    static final String CENTOS = "networkpolicy-dev.platform.centos-to-frontend.yaml";
    static final String BLOCKED = "globalnetworkset-blocked.yaml";

    private Scenarios() {
    }

    static Instant at(String iso) {
        return Instant.parse(iso);
    }

    /** Writes the fleet history into a new repository at {@code dir}; returns the id of the merge commit. */
    static ObjectId fleet(Path dir) {
        try (ScriptedRepo r = new ScriptedRepo(dir)) {
            return fleet(r);
        }
    }

    static ObjectId fleet(ScriptedRepo r) {
        r.put(path("eks-prod", "tier-security.yaml"), Manifests.tier("security", 400))
                .put(path("eks-prod", PCI), Manifests.pciWhitelist())
                .put(path("eks-prod", STAGED_DENY), Manifests.defaultDeny("StagedGlobalNetworkPolicy"))
                .put(path("eks-prod", "kustomization.yaml"), Manifests.kustomization("tier-security.yaml", PCI, STAGED_DENY))
                .put(path("eks-prod", "README.md"), "# eks-prod\n")
                .put(path("aks-dev", "tier-security.yaml"), Manifests.tier("security", 400))
                .put("fleet/eks-prod.yaml", "name: eks-prod\n")
                .commit("render eks-prod, aks-dev\n\nA clusters/eks-prod/" + PCI, "Alice", at("2026-11-02T09:00:00Z"));
        r.put(path("aks-dev", BLOCKED), Manifests.networkSet("blocked", "198.51.100.7/32"))
                .commit("aks-dev: block an address", "Bob", at("2026-11-05T10:30:00Z"));
        r.put(path("eks-prod", PCI), Manifests.pciWhitelistReformatted())
                .commit("reformat the PCI whitelist", "Bob", at("2026-11-08T16:45:00Z"));
        r.put(path("eks-prod", PCI), Manifests.pciWhitelist("all()", false))
                .commit("open the PCI whitelist", "Alice", at("2026-11-10T14:03:00Z"));
        r.put(path("eks-prod", PCI), Manifests.pciWhitelist("all()", true))
                .commit("pass before DNS", "Carol", at("2026-11-12T08:15:00Z"));
        r.remove(path("eks-prod", STAGED_DENY))
                .put(path("eks-prod", DENY), Manifests.defaultDeny("GlobalNetworkPolicy"))
                .commit("enforce the default deny", "Alice", at("2026-11-18T11:00:00Z"));
        r.put(path("eks-prod", "README.md"), "# eks-prod\n\nHow to audit.\n")
                .commit("document eks-prod", "Carol", at("2026-11-20T14:03:00Z"));
        r.remove(path("eks-prod", DENY))
                .put(path("eks-prod", STAGED_DENY), Manifests.defaultDeny("StagedGlobalNetworkPolicy"))
                .commit("stage the default deny again", "Bob", at("2026-11-22T09:00:00Z"));
        r.remove(path("eks-prod", PCI))
                .put(path("eks-prod", CENTOS), Manifests.centosToFrontend("NetworkPolicy"))
                .commit("replace the PCI whitelist", "Alice", at("2026-11-25T17:20:00Z"));
        ScriptedRepo.State main = r.snapshot();
        r.put(path("eks-prod", BLOCKED), Manifests.networkSet("blocked", "203.0.113.9/32"))
                .commit("eks-prod: block an address", "Dave", at("2026-11-26T10:00:00Z"));
        ScriptedRepo.State feature = r.snapshot();
        r.restore(main);
        r.put(path("aks-dev", BLOCKED), Manifests.networkSet("blocked", "198.51.100.8/32"))
                .commit("aks-dev: block another address", "Bob", at("2026-11-26T12:00:00Z"));
        r.put(path("eks-prod", BLOCKED), Manifests.networkSet("blocked", "203.0.113.9/32"));
        return r.merge("Merge branch 'block-eks-prod'", "Alice", at("2026-11-27T09:00:00Z"), feature.head());
    }
}
