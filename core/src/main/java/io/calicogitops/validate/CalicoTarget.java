package io.calicogitops.validate;

import io.calicogitops.schema.CrdFlavour;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Calico a cluster runs (edition and minor version), and the one table of what that changes for validation and
 * audit (calico-semantics §2, §3.3, §6.3). {@code base} is the Calico Open Source minor the release is built on:
 * Enterprise 3.20, 3.21 and 3.22 ship with OSS 3.29, 3.30 and 3.31 (tigera/operator release notes, e.g. v1.36.10
 * "Calico version: v3.29.4, Calico Enterprise version: v3.20.4"). Calico Cloud has no version: Tigera upgrades it.
 */
public record CalicoTarget(Edition edition, Optional<String> version, int base) {

    /** Calico Cloud, the rules in force when a profile names no target (the tool's behaviour before targets existed). */
    public static final CalicoTarget CLOUD = new CalicoTarget(Edition.CLOUD, Optional.empty(), 0);

    /** Supported OSS minors; tiers (and with them every rule here) arrived in OSS 3.29. */
    static final int OSS_MIN = 29;
    static final int OSS_MAX = 32;
    /** Supported Enterprise minors: the ones built on the OSS minors above that have tiers. */
    static final int ENTERPRISE_MIN = 20;
    static final int ENTERPRISE_MAX = 22;

    private static final Pattern VERSION = Pattern.compile("v?3\\.(\\d{1,3})(\\.\\d{1,3})?");

    /** Which product: the edition decides the kinds and the CRDs, the version the naming rules. */
    public enum Edition {
        CLOUD("Calico Cloud"), ENTERPRISE("Calico Enterprise"), OSS("Calico OSS");

        private final String label;

        Edition(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public CalicoTarget {
        Objects.requireNonNull(edition, "edition");
        Objects.requireNonNull(version, "version");
    }

    /**
     * The target for {@code edition} at {@code version} ({@code 3.31}, {@code v3.31.2}), or why it is not supported
     * (the message names the supported range).
     */
    public static Result of(Edition edition, String version) {
        if (edition == Edition.CLOUD) {
            return version == null ? new Result(Optional.of(CLOUD), Optional.empty()) : Result.problem(
                    "Calico Cloud is upgraded by Tigera and has no version to choose: leave version out");
        }
        String range = edition == Edition.OSS ? "3." + OSS_MIN + " to 3." + OSS_MAX : "3." + ENTERPRISE_MIN + " to 3." + ENTERPRISE_MAX;
        if (version == null) {
            return Result.problem(edition.label() + " needs a version (supported: " + range + ")");
        }
        Matcher m = VERSION.matcher(version);
        int minor = m.matches() ? Integer.parseInt(m.group(1)) : -1;
        int offset = edition == Edition.OSS ? 0 : OSS_MIN - ENTERPRISE_MIN;
        int min = edition == Edition.OSS ? OSS_MIN : ENTERPRISE_MIN;
        int max = edition == Edition.OSS ? OSS_MAX : ENTERPRISE_MAX;
        if (minor < min || minor > max) {
            return Result.problem((m.matches() ? edition.label() + " " + version + " is not supported"
                    : "'" + Names.printable(version) + "' is not a Calico version such as 3." + max)
                    + " (supported: " + range + (edition == Edition.OSS ? "; OSS has tiers from 3.29" : "") + ")");
        }
        return new Result(Optional.of(new CalicoTarget(edition, Optional.of("3." + minor), minor + offset)), Optional.empty());
    }

    /** A parsed target, or the reason there is none. */
    public record Result(Optional<CalicoTarget> target, Optional<String> problem) {
        static Result problem(String message) {
            return new Result(Optional.empty(), Optional.of(message));
        }
    }

    /**
     * A policy in tier X must be named {@code X.<name>}: Enterprise/Cloud and OSS 3.29-3.31
     * ({@code names.ValidateTieredPolicyName}); OSS 3.32 dropped the rule (calico PR #11232, commit 790c866).
     */
    public boolean requiresTierPrefix() {
        return edition != Edition.OSS || base < 32;
    }

    /**
     * Whether server-side apply can create Calico policies. Not on OSS 3.32 with its API server: an apply that
     * creates a NetworkPolicy, GlobalNetworkPolicy or staged policy is answered NotFound (projectcalico/calico#12841;
     * the tier RBAC check fetched the policy first), fixed on the 3.32 branch by #12906 in June 2026. A target names
     * at most a patch release and which one carries the fix is not recorded here, so the whole 3.32 line counts as
     * affected. The one answer for every writer: the Argo CD Application's app-wide {@code ServerSideApply=true}, and
     * the {@code apply} strategy the docs recommend. Client-side apply and update are unaffected.
     */
    public boolean serverSideApplyCreatesPolicies() {
        return edition != Edition.OSS || base != 32;
    }

    /** Before 3.30 the API server returned default-tier policies without {@code default.} (3.30 release notes). */
    public boolean stripsDefaultPrefixOnRead() {
        return edition != Edition.CLOUD && base < 30;
    }

    /**
     * Whether the audit pairs {@code default.X} in Git with {@code X} live. Yes before 3.30 (the server strips it), on
     * OSS 3.32 (kube-controllers migrates {@code default.X} to {@code X}) and on Cloud (upgraded in place, so policies
     * created before and after 3.30 coexist). On 3.30/3.31 names come back exactly as created, so they are not paired.
     */
    public boolean pairsDefaultPrefix() {
        return edition == Edition.CLOUD || stripsDefaultPrefixOnRead() || base >= 32;
    }

    /**
     * The tiers that exist without being rendered: {@code default} and the (Baseline)AdminNetworkPolicy tiers, named
     * {@code kube-admin}/{@code kube-baseline} from OSS 3.32 and {@code adminnetworkpolicy}/{@code
     * baselineadminnetworkpolicy} in 3.29-3.31 ({@code api/pkg/apis/projectcalico/v3/tier.go}); Cloud accepts both.
     */
    public Set<String> builtInTiers() {
        if (edition == Edition.CLOUD) {
            return Set.of("default", "kube-admin", "kube-baseline", "adminnetworkpolicy", "baselineadminnetworkpolicy");
        }
        return base >= 32 ? Set.of("default", "kube-admin", "kube-baseline")
                : Set.of("default", "adminnetworkpolicy", "baselineadminnetworkpolicy");
    }

    /** The tiers the operator manages: {@code allow-tigera}, renamed {@code calico-system} in OSS 3.32; Cloud both. */
    public Set<String> operatorTiers() {
        if (edition == Edition.CLOUD) {
            return Set.of("allow-tigera", "calico-system");
        }
        return Set.of(operatorTier());
    }

    /** Every tier that exists without being rendered: the built-in tiers and the operator's. */
    public Set<String> existingTiers() {
        Set<String> all = new java.util.TreeSet<>(builtInTiers());
        all.addAll(operatorTiers());
        return Set.copyOf(all);
    }

    /** The operator's tier on this target (for Cloud, its current name {@code allow-tigera}). */
    public String operatorTier() {
        return edition == Edition.OSS && base >= 32 ? "calico-system" : "allow-tigera";
    }

    /** The CRDs documents are validated against: OSS lacks the Enterprise kinds and Felix's flow/DNS/L7 log fields. */
    public CrdFlavour crdFlavour() {
        return edition == Edition.OSS ? CrdFlavour.OSS : CrdFlavour.ENTERPRISE;
    }

    /** GlobalAlert, GlobalReport, GlobalThreatFeed and DeepPacketInspection exist only in Enterprise and Cloud. */
    public boolean hasEnterpriseKinds() {
        return edition != Edition.OSS;
    }

    /** {@code Calico OSS 3.32}, {@code Calico Cloud}. */
    public String label() {
        return edition.label() + version.map(v -> " " + v).orElse("");
    }

    /** The edition as profiles write it: {@code cloud}, {@code enterprise}, {@code oss}. */
    public String editionKey() {
        return edition.name().toLowerCase(Locale.ROOT);
    }
}
