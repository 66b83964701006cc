package io.calicogitops.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.calicogitops.audit.normalise.Normaliser;
import io.calicogitops.diag.SourceLocation;
import io.calicogitops.model.Resource;
import io.calicogitops.model.ResourceId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one diff entry point: normalised trees, patch, sentences and severity from one call, Secrets masked. */
class ResourceDiffTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static Resource resource(String yaml) throws Exception {
        return Resource.of(YAML.readTree(yaml), SourceLocation.of("test.yaml"));
    }

    private static String policy(String action, String extraMetadata) {
        return "apiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata:\n  name: deny-db\n" + extraMetadata
                + "spec:\n  selector: app == 'db'\n  types: [Ingress]\n  ingress:\n  - action: " + action + "\n"
                + "    source:\n      nets: [10.0.0.0/8]\n";
    }

    @Test
    void of_modifiedPolicy_givesPatchSentencesAndWorstSeverityInOneRecord() throws Exception {
        ResourceDiff diff = ResourceDiff.of(resource(policy("Deny", "")), resource(policy("Allow", "")));

        assertFalse(diff.inSync());
        assertEquals(DriftSeverity.CRITICAL, diff.severity(), "a Deny turned Allow can let through what Git denies");
        assertEquals(List.of("ingress rule 1: action Deny -> Allow"), diff.changes().stream().map(Change::sentence).toList());
        // The patch turns the normalised live object into the normalised desired one (what apply would write).
        assertEquals("[{\"op\":\"replace\",\"path\":\"/spec/ingress/0/action\",\"value\":\"Deny\"}]", diff.patch().toString());
        assertEquals("Deny", diff.desired().at("/spec/ingress/0/action").asText());
        assertEquals("Allow", diff.live().at("/spec/ingress/0/action").asText());
        assertEquals(new ResourceId("projectcalico.org", "GlobalNetworkPolicy", "", "deny-db"), diff.id());
    }

    @Test
    void of_differencesNormalisationRemoves_areInSync() throws Exception {
        Resource live = resource(policy("Deny", "  resourceVersion: \"42\"\n  uid: abc\n"));

        ResourceDiff diff = ResourceDiff.of(resource(policy("Deny", "")), live);

        assertTrue(diff.inSync());
        assertEquals(DriftSeverity.NONE, diff.severity());
        assertEquals("[]", diff.patch().toString());
        assertEquals(diff.desired(), diff.live(), "both trees normalised");
    }

    @Test
    void differ_usesTheInjectedNormaliser() throws Exception {
        Resource live = resource(policy("Deny", "  resourceVersion: \"42\"\n"));

        ResourceDiff raw = new Differ(Normaliser.of(List.of())).diff(resource(policy("Deny", "")), live);

        assertFalse(raw.inSync(), "without the strip step the server's resourceVersion is a difference");
        assertEquals("[{\"op\":\"remove\",\"path\":\"/metadata/resourceVersion\",\"value\":\"42\"}]", raw.patch().toString());
    }

    @Test
    void of_secret_decidesOnRealValuesAndMasksEveryOutput() throws Exception {
        ResourceDiff diff = ResourceDiff.of(resource(SecretFixtures.desiredYaml(SecretFixtures.DESIRED)),
                resource(SecretFixtures.liveSecretYaml(SecretFixtures.LIVE)));

        assertFalse(diff.inSync(), "the passwords differ");
        assertEquals(List.of("data.password changed (values hidden)"), diff.changes().stream().map(Change::sentence).toList());
        assertEquals("[{\"op\":\"replace\",\"path\":\"/data/password\",\"value\":\"" + Secrets.MASK_AFTER + "\"}]",
                diff.patch().toString());
        assertEquals(Secrets.MASK, diff.desired().at("/data/username").asText(), "an equal value is masked too");
        SecretFixtures.assertNoValue("the diff", diff.toString());

        ResourceDiff same = ResourceDiff.of(resource(SecretFixtures.desiredYaml(SecretFixtures.LIVE)),
                resource(SecretFixtures.liveSecretYaml(SecretFixtures.LIVE)));
        assertTrue(same.inSync(), "equal real values are in sync");
        SecretFixtures.assertNoValue("the in-sync diff", same.toString());
    }

    @Test
    void historySides_nameTheCommitsInSentences() throws Exception {
        Resource before = resource(policy("Deny", ""));
        Resource after = resource(policy("Deny", "  labels:\n    team: a\n"));
        Normaliser n = Normaliser.standard();

        ResourceDiff diff = Differ.standard().compare(before.id(), n.normalise(before, io.calicogitops.audit.normalise.Side.DESIRED),
                n.normalise(after, io.calicogitops.audit.normalise.Side.DESIRED), Sides.HISTORY);

        assertEquals(DriftSeverity.INFO, diff.severity());
        assertEquals(1, diff.changes().size());
    }

    @Test
    void of_needsBothSides() {
        assertThrows(NullPointerException.class, () -> ResourceDiff.of(null, null));
    }
}
