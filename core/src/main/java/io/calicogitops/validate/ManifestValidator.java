package io.calicogitops.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.model.Kinds;
import io.calicogitops.model.Resource;
import io.calicogitops.model.ResourceId;
import io.calicogitops.schema.CrdFlavour;
import io.calicogitops.schema.SchemaValidator;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks rendered or read manifests the way the Calico API server would, and a little stricter: the CRD schema and
 * ObjectMeta's label and annotation rules, then Calico semantics the schema cannot express (selector grammar,
 * tier-prefixed names where the {@link CalicoTarget} requires them, rule shapes, CIDRs, domains), then cluster-wide
 * rules (every policy's tier exists).
 */
public final class ManifestValidator {

    private final CalicoTarget target;
    private final SchemaValidator schemas;
    private final Set<String> existingTiers;

    /**
     * The CRDs' CEL message for global() outside a rule's namespaceSelector. SelectorCheck reports the same upstream rule
     * (libcalico-go lib/validator/v3: validateEntityRule and the policy spec checks) at the selector itself, with a
     * fix, so for policies the CEL copy would only repeat it one level up.
     */
    private static final String CEL_GLOBAL = ": global() can only be used in an EntityRule namespaceSelector";

    /** Checks for Calico Cloud, the target of a profile that names none. */
    public ManifestValidator() {
        this(CalicoTarget.CLOUD);
    }

    /** Checks for {@code target}: its CRD flavour, its policy naming rule and its built-in tiers. */
    public ManifestValidator(CalicoTarget target) {
        this.target = target;
        this.schemas = SchemaValidator.of(target.crdFlavour());
        // Tiers that exist without being rendered (calico-semantics §2); for Cloud every name of every version.
        this.existingTiers = target.existingTiers();
    }

    /** Schema and semantic checks of one document. */
    public void validate(Resource r, Locator where, Diagnostics diagnostics) {
        ResourceId id = r.id();
        boolean policy = Kinds.isCalicoPolicy(id.group(), id.kind()) && !id.kind().equals("StagedKubernetesNetworkPolicy");
        diagnostics.addAll(schemas.validate(r.body(), where::at).stream()
                .filter(d -> !(policy && d.message().endsWith(CEL_GLOBAL)))
                .toList());
        MetadataKeys.check(r.body(), where, diagnostics);
        if (policy) {
            PolicyNames.check(r.body(), target, where, diagnostics);
            new PolicyChecks(r.body(), where, diagnostics).check();
        } else if (Kinds.CALICO_GROUP.equals(id.group()) && id.kind().endsWith("NetworkSet")) {
            NetworkSetChecks.check(r.body(), where, diagnostics);
        } else if (Kinds.CALICO_GROUP.equals(id.group()) && id.kind().equals("FelixConfiguration")) {
            FelixChecks.check(r.body(), where, diagnostics);
        } else if (Kinds.CALICO_GROUP.equals(id.group()) && id.kind().equals("Tier")) {
            Names.checkLabel(r.body().path("metadata").path("name").asText())
                    .ifPresent(m -> diagnostics.error(where.at("/metadata/name"), "metadata.name: tier name " + m));
        }
    }

    /** Rules across the documents of one cluster: every policy's tier is rendered or built in. */
    public void validateCluster(List<Resource> resources, Function<ResourceId, Locator> where, Diagnostics diagnostics) {
        Set<String> tiers = resources.stream()
                .filter(r -> r.id().group().equals(Kinds.CALICO_GROUP) && r.id().kind().equals("Tier"))
                .map(r -> r.id().name()).collect(Collectors.toSet());
        for (Resource r : resources) {
            if (!Kinds.isCalicoPolicy(r.id().group(), r.id().kind()) || r.id().kind().equals("StagedKubernetesNetworkPolicy")) {
                continue;
            }
            JsonNode tierNode = r.body().path("spec").path("tier");
            String tier = tierNode.isTextual() && !tierNode.asText().isEmpty() ? tierNode.asText() : "default";
            if (!tiers.contains(tier) && !existingTiers.contains(tier)) {
                diagnostics.error(where.apply(r.id()).at(tierNode.isMissingNode() ? "/spec" : "/spec/tier"),
                        r.id().display() + ": tier '" + tier + "' does not exist",
                        "add a Tier named '" + tier + "' (clientv3 refuses to create a policy in a missing tier)"
                                + (tiers.isEmpty() ? "" : "; tiers here: " + String.join(", ", tiers.stream().sorted().toList())));
            }
        }
    }
}
