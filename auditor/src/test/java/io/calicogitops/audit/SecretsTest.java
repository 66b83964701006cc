package io.calicogitops.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.audit.normalise.Normaliser;
import io.calicogitops.diag.SourceLocation;
import io.calicogitops.model.Resource;
import io.calicogitops.model.ResourceId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.calicogitops.audit.SecretFixtures.DESIRED;
import static io.calicogitops.audit.SecretFixtures.LIVE;
import static io.calicogitops.audit.SecretFixtures.assertNoValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one redaction rule: which objects and pointers hold Secret values, and how kubectl diff's masks replace them. */
class SecretsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ResourceId ID = new ResourceId("", "Secret", "payments", "db-credentials");

    private static ObjectNode secret(String password, String extraKey) {
        ObjectNode s = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Secret");
        s.putObject("metadata").put("name", "db-credentials").put("namespace", "payments").putObject("annotations")
                .put(Secrets.LAST_APPLIED, "{\"data\":{\"password\":\"" + SecretFixtures.b64(password) + "\"}}");
        ObjectNode data = s.putObject("data").put("password", SecretFixtures.b64(password))
                .put("username", SecretFixtures.b64(SecretFixtures.SAME));
        if (extraKey != null) {
            data.put(extraKey, SecretFixtures.b64(SecretFixtures.OTHER));
        }
        s.putObject("stringData").put("plain", SecretFixtures.OTHER);
        return s;
    }

    @Test
    void isSecret_onlyTheCoreKind() {
        assertTrue(Secrets.isSecret(ID));
        assertFalse(Secrets.isSecret(new ResourceId("bitnami.com", "Secret", "payments", "x")), "another group's Secret kind");
        assertFalse(Secrets.isSecret(new ResourceId("", "ConfigMap", "payments", "x")));
        assertTrue(Secrets.isSecret(secret(DESIRED, null)));
        assertTrue(Secrets.isSecretKind("/Secret"));
        assertFalse(Secrets.isSecretKind("/Service"));
    }

    @Test
    void holdsValue_dataStringDataAndLastApplied_notTheRest() {
        assertTrue(Secrets.holdsValue(ID, "/data/password"));
        assertTrue(Secrets.holdsValue(ID, "/data"));
        assertTrue(Secrets.holdsValue(ID, "/stringData/plain"));
        assertTrue(Secrets.holdsValue(ID, "/metadata/annotations/kubectl.kubernetes.io~1last-applied-configuration"));
        assertTrue(Secrets.holdsValue(ID, ""), "the whole Secret");
        assertFalse(Secrets.holdsValue(ID, "/type"));
        assertFalse(Secrets.holdsValue(ID, "/metadata/labels/app"));
        assertFalse(Secrets.holdsValue(ID, "/database"), "a prefix of a field name is not the field");
        assertFalse(Secrets.holdsValue(new ResourceId("", "ConfigMap", "p", "x"), "/data/password"));
    }

    @Test
    void maskedBody_everyValueIsStarsKeysStay_andTheInputIsUntouched() {
        ObjectNode body = secret(DESIRED, null);
        String before = body.toString();

        JsonNode masked = Secrets.masked(ID, body);

        assertEquals(before, body.toString(), "the in-memory original keeps its values for the comparison");
        assertEquals("***", masked.at("/data/password").asText());
        assertEquals("***", masked.at("/data/username").asText());
        assertEquals("***", masked.at("/stringData/plain").asText());
        assertEquals("***", masked.path("metadata").path("annotations").path(Secrets.LAST_APPLIED).asText());
        assertEquals("db-credentials", masked.at("/metadata/name").asText());
        assertNoValue("the masked Secret", masked.toString());
    }

    @Test
    void maskedBody_otherKindsUntouched() {
        ObjectNode configMap = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
        configMap.putObject("data").put("password", "not-a-secret");
        assertSame(configMap, Secrets.masked(configMap));
        Resource r = Resource.of(configMap, SourceLocation.of("x.yaml"));
        assertSame(r, Secrets.masked(r));
    }

    @Test
    void maskedPair_likeKubectlDiff_beforeAfterOnlyWhereValuesDiffer() {
        Normaliser.Pair pair = new Normaliser.Pair(secret(DESIRED, null), secret(LIVE, "extra"));

        Normaliser.Pair masked = Secrets.masked(ID, pair);

        assertEquals(Secrets.MASK_AFTER, masked.desired().at("/data/password").asText());
        assertEquals(Secrets.MASK_BEFORE, masked.live().at("/data/password").asText());
        assertEquals(Secrets.MASK, masked.desired().at("/data/username").asText(), "equal values stay equal");
        assertEquals(Secrets.MASK, masked.live().at("/data/username").asText());
        assertEquals(Secrets.MASK, masked.live().at("/data/extra").asText(), "a key on one side only");
        assertNotEquals(masked.desired(), masked.live(), "masked sides differ exactly where the real ones do");
        assertNoValue("the masked pair", masked.desired().toString() + masked.live());
    }

    @Test
    void maskedPair_equalValues_maskedSidesEqual() {
        Normaliser.Pair masked = Secrets.masked(ID, new Normaliser.Pair(secret(DESIRED, null), secret(DESIRED, null)));
        assertEquals(masked.desired(), masked.live());
    }

    @Test
    void maskedPair_missingSide_staysNull() {
        Normaliser.Pair masked = Secrets.masked(ID, new Normaliser.Pair(secret(DESIRED, null), null));
        assertEquals(null, masked.live());
        assertEquals(Secrets.MASK, masked.desired().at("/data/password").asText());
    }

    @Test
    void changeSentences_unmaskedSecret_nameKeysNeverValues() {
        List<Change> changes = ChangeSentences.between(ID, secret(DESIRED, null), secret(LIVE, "extra"));

        List<String> sentences = changes.stream().map(Change::sentence).toList();
        assertTrue(sentences.contains("data.password changed (values hidden)"), sentences.toString());
        assertTrue(sentences.contains("data.extra added (value hidden)"), sentences.toString());
        assertTrue(sentences.contains("annotation kubectl.kubernetes.io/last-applied-configuration changed (values hidden)"),
                sentences.toString());
        assertNoValue("the sentences", sentences.toString());
        assertNoValue("the removed key's sentence", ChangeSentences.between(ID, secret(LIVE, "extra"),
                secret(DESIRED, null)).toString());
    }

    @Test
    void maskedSnapshot_masksSecretsOnly() {
        Resource s = Resource.of(secret(LIVE, null), SourceLocation.of("cluster:mock"));
        LiveSnapshot snapshot = new LiveSnapshot("context mock", List.of(s), List.of("projectcalico.org/Tier"));

        LiveSnapshot masked = Secrets.masked(snapshot);

        assertEquals(snapshot.source(), masked.source());
        assertEquals(snapshot.kindsRead(), masked.kindsRead());
        assertNoValue("the masked snapshot", masked.resources().get(0).body().toString());
        assertTrue(snapshot.resources().get(0).body().toString().contains(SecretFixtures.b64(LIVE)), "the original is kept");
    }
}
