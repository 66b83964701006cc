package io.calicogitops.fleet;

import io.calicogitops.fleet.ClusterProfile.ArgoCd;
import io.calicogitops.fleet.ClusterProfile.Flux;
import io.calicogitops.fleet.ClusterProfile.GitOps;
import io.calicogitops.fleet.ClusterProfile.ScheduledAudit;
import io.calicogitops.fleet.ClusterProfile.Watch;
import io.calicogitops.validate.CronSchedule;
import io.calicogitops.validate.ImageReference;
import io.calicogitops.validate.Names;
import io.calicogitops.yaml.MappingReader;

import java.util.List;
import java.util.Optional;

import static io.calicogitops.fleet.ValueChecks.CHECK;

/**
 * Reads the profile blocks that say how a cluster is operated rather than what it enforces: {@code scheduledAudit}
 * (the drift-audit CronJob) and {@code gitops} (Argo CD / Flux bootstrap objects). Both are opt-in.
 */
final class AutomationReader {

    static final Section ARGOCD = Section.of("argocd", "namespace", "project", "server", "destinationName", "automated");
    static final Section FLUX = Section.of("flux", "namespace", "sourceRef", "interval", "sourceSecret");
    static final Section GITOPS = Section.of("gitops", "repoUrl", "revision").with(ARGOCD, FLUX);
    static final Section WATCH = Section.of("watch", "interval", "metricsPort", "serviceMonitor");
    static final Section SCHEDULED_AUDIT = Section.of("scheduledAudit", "schedule", "image", "repoUrl", "ref", "gitSecret",
            "webhookSecret", "signKeySecret").with(WATCH);

    private AutomationReader() {
    }

    static Optional<GitOps> gitops(MappingReader root) {
        return GITOPS.read(root, r -> {
            String repoUrl = repoUrl(r, "repoUrl");
            String revision = revision(r, "revision");
            ArgoCd ad = ArgoCd.DEFAULTS;
            Optional<ArgoCd> argocd = ARGOCD.read(r, a -> {
                String server = a.string("server", null);
                String destinationName = a.string("destinationName", null);
                if (server != null && destinationName != null) {
                    a.error("destinationName", "give either server or destinationName, not both");
                }
                if (server != null) {
                    CHECK.url(a, "server", server);
                }
                if (destinationName != null) {
                    subdomain(a, "destinationName", destinationName);
                }
                return new ArgoCd(subdomain(a, "namespace", a.string("namespace", ad.namespace())),
                        subdomain(a, "project", a.string("project", ad.project())),
                        server == null && destinationName == null ? ad.server() : server,
                        destinationName, a.bool("automated", ad.automated()));
            });
            Flux fd = Flux.DEFAULTS;
            Optional<Flux> flux = FLUX.read(r, f -> {
                Optional<String> secret = Optional.ofNullable(f.string("sourceSecret", null));
                secret.ifPresent(s -> subdomain(f, "sourceSecret", s));
                Flux read = new Flux(subdomain(f, "namespace", f.string("namespace", fd.namespace())),
                        subdomain(f, "sourceRef", f.string("sourceRef", fd.sourceRef())),
                        CHECK.duration(f, "interval", fd.interval()), secret);
                if (secret.isPresent() && read.bootstrapSource()) {
                    f.error("sourceSecret", "the GitRepository " + fd.sourceRef() + " is flux bootstrap's own; its credentials are set there",
                            "name another sourceRef to have the GitRepository rendered, or leave sourceSecret out");
                }
                return read;
            });
            if (argocd.isEmpty() && flux.isEmpty()) {
                r.diagnostics().error(r.here(), "gitops: names neither argocd nor flux", "add 'argocd: {}' or 'flux: {}' (or both)");
            }
            return new GitOps(repoUrl, revision, argocd, flux);
        });
    }

    static Optional<ScheduledAudit> scheduledAudit(MappingReader root, List<String> packs, Optional<GitOps> gitops) {
        return SCHEDULED_AUDIT.read(root, r -> {
            String schedule = r.string("schedule", ScheduledAudit.DEFAULT_SCHEDULE);
            if (r.has("schedule")) {
                CronSchedule.check(schedule).ifPresent(m -> r.error("schedule", m, "example: '*/30 * * * *'"));
            }
            // Default: the image the release workflow publishes for this version, so a profile needs no image line.
            String image = r.string("image", ReleaseImage.defaultImage());
            if (r.has("image")) {
                ImageReference.check(image).ifPresent(m -> r.error("image", m));
            }
            String repoUrl = r.has("repoUrl") || gitops.isEmpty() ? repoUrl(r, "repoUrl") : gitops.get().repoUrl();
            String ref = r.has("ref") ? revision(r, "ref") : gitops.map(GitOps::revision).orElse(GitOps.DEFAULT_REVISION);
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
            Watch wd = Watch.DEFAULTS;
            Optional<Watch> watch = WATCH.read(r, w -> {
                String interval = w.string("interval", wd.interval());
                // The forms `audit --interval` accepts: a number and one unit.
                if (!interval.matches("[1-9][0-9]{0,8}(s|m|h)")) {
                    w.error("interval", "'" + Names.printable(interval) + "' is not an interval such as 30s, 10m or 1h");
                }
                return new Watch(interval, w.integer("metricsPort", wd.metricsPort(), 1024, 65535),
                        w.bool("serviceMonitor", wd.serviceMonitor()));
            });
            return new ScheduledAudit(schedule, image, repoUrl, ref, gitSecret, webhook, signKey, watch);
        });
    }

    private static String repoUrl(MappingReader r, String key) {
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
            CHECK.url(r, key, url);
        }
        return url;
    }

    private static String revision(MappingReader r, String key) {
        String rev = r.string(key, GitOps.DEFAULT_REVISION);
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
