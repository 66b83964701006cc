package io.calicogitops.fleet;

import io.calicogitops.fleet.ClusterProfile.ArgoCd;
import io.calicogitops.fleet.ClusterProfile.Flux;
import io.calicogitops.fleet.ClusterProfile.GitOps;
import io.calicogitops.fleet.ClusterProfile.ScheduledAudit;
import io.calicogitops.validate.CronSchedule;
import io.calicogitops.validate.ImageReference;
import io.calicogitops.validate.Names;
import io.calicogitops.yaml.MappingReader;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the profile blocks that say how a cluster is operated rather than what it enforces: {@code scheduledAudit}
 * (the drift-audit CronJob) and {@code gitops} (Argo CD / Flux bootstrap objects). Both are opt-in.
 */
final class AutomationReader {

    private final ValueChecks checks;

    AutomationReader(ValueChecks checks) {
        this.checks = checks;
    }

    Optional<GitOps> gitops(MappingReader root) {
        return root.object("gitops").map(r -> {
            r.rejectUnknownKeys(Set.of("repoUrl", "revision", "argocd", "flux"));
            String repoUrl = repoUrl(r, "repoUrl");
            String revision = revision(r, "revision");
            Optional<ArgoCd> argocd = r.object("argocd").map(a -> {
                a.rejectUnknownKeys(Set.of("namespace", "project", "server", "destinationName", "automated"));
                String server = a.string("server", null);
                String destinationName = a.string("destinationName", null);
                if (server != null && destinationName != null) {
                    a.error("destinationName", "give either server or destinationName, not both");
                }
                if (server != null) {
                    checks.url(a, "server", server);
                }
                if (destinationName != null) {
                    subdomain(a, "destinationName", destinationName);
                }
                return new ArgoCd(subdomain(a, "namespace", a.string("namespace", "argocd")),
                        subdomain(a, "project", a.string("project", "default")),
                        server == null && destinationName == null ? "https://kubernetes.default.svc" : server,
                        destinationName, a.bool("automated", true));
            });
            Optional<Flux> flux = r.object("flux").map(f -> {
                f.rejectUnknownKeys(Set.of("namespace", "sourceRef", "interval"));
                return new Flux(subdomain(f, "namespace", f.string("namespace", "flux-system")),
                        subdomain(f, "sourceRef", f.string("sourceRef", "flux-system")),
                        checks.duration(f, "interval", "10m"));
            });
            if (argocd.isEmpty() && flux.isEmpty()) {
                r.diagnostics().error(r.here(), "gitops: names neither argocd nor flux", "add 'argocd: {}' or 'flux: {}' (or both)");
            }
            return new GitOps(repoUrl, revision, argocd, flux);
        });
    }

    Optional<ScheduledAudit> scheduledAudit(MappingReader root, List<String> packs, Optional<GitOps> gitops) {
        return root.object("scheduledAudit").map(r -> {
            r.rejectUnknownKeys(Set.of("schedule", "image", "repoUrl", "ref", "gitSecret", "webhookSecret", "signKeySecret"));
            String schedule = r.string("schedule", "0 * * * *");
            if (r.has("schedule")) {
                CronSchedule.check(schedule).ifPresent(m -> r.error("schedule", m, "example: '*/30 * * * *'"));
            }
            String image = required(r, "image", "the calico-gitops image to run, e.g. ghcr.io/acme/calico-gitops:1.0.0");
            if (image != null) {
                ImageReference.check(image).ifPresent(m -> r.error("image", m));
            }
            String repoUrl = r.has("repoUrl") || gitops.isEmpty() ? repoUrl(r, "repoUrl") : gitops.get().repoUrl();
            String ref = r.has("ref") ? revision(r, "ref") : gitops.map(GitOps::revision).orElse("main");
            String gitSecret = required(r, "gitSecret", "the Secret in namespace calico-gitops holding the Git credentials");
            if (gitSecret != null) {
                subdomain(r, "gitSecret", gitSecret);
            }
            Optional<String> webhook = Optional.ofNullable(r.string("webhookSecret", null));
            webhook.ifPresent(w -> subdomain(r, "webhookSecret", w));
            Optional<String> signKey = Optional.ofNullable(r.string("signKeySecret", null));
            signKey.ifPresent(k -> subdomain(r, "signKeySecret", k));
            for (String pack : List.of("auditor-rbac", "scheduled-audit")) {
                if (!packs.isEmpty() && !packs.contains(pack)) {
                    r.diagnostics().error(r.here(), "scheduledAudit: needs the pack '" + pack + "', which packs: leaves out",
                            "add '" + pack + "' to packs");
                }
            }
            return new ScheduledAudit(schedule, image, repoUrl, ref, gitSecret, webhook, signKey);
        });
    }

    private String repoUrl(MappingReader r, String key) {
        String url = required(r, key, "the URL the fleet repository is cloned from, e.g. https://github.com/acme/fleet.git");
        if (url == null) {
            return null;
        }
        if (url.matches("(?i)https?://[^/@]*@.*")) {
            r.error(key, "the URL holds a password or token: credentials belong in a Secret, not in the fleet",
                    "write the URL without 'user:token@' and name the Secret in gitSecret");
        } else if (url.startsWith("ssh://") || url.matches("[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:.+")) {
            return url;
        } else {
            checks.url(r, key, url);
        }
        return url;
    }

    private static String revision(MappingReader r, String key) {
        String rev = r.string(key, "main");
        if (!rev.matches("[A-Za-z0-9][A-Za-z0-9._/-]*") || rev.contains("..") || rev.endsWith(".lock") || rev.endsWith("/")) {
            r.error(key, "'" + Names.printable(rev) + "' is not a branch, tag or commit name");
        }
        return rev;
    }

    private static String required(MappingReader r, String key, String what) {
        String v = r.string(key, null);
        if (v == null) {
            r.diagnostics().error(r.here(), r.pathOf(key) + ": required", what);
        }
        return v;
    }

    private static String subdomain(MappingReader r, String key, String value) {
        if (value != null && r.has(key)) {
            Names.checkSubdomain(value).ifPresent(m -> r.error(key, m));
        }
        return value;
    }
}
