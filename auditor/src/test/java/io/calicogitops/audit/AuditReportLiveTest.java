package io.calicogitops.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.diag.SourceLocation;
import io.calicogitops.model.Resource;
import io.calicogitops.yaml.YamlReader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The report returns the live snapshot it compared, so that callers (drift log, notification, evidence) need not
 * capture the read again; the copy it carries has every Secret value masked, whoever builds the report.
 */
class AuditReportLiveTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void compare_reportCarriesTheSnapshotItCompared_withSecretValuesMasked() throws Exception {
        Resource secret = Resource.of(new YamlReader().read(SecretFixtures.liveSecretYaml(SecretFixtures.LIVE), "s.yaml",
                new Diagnostics()).get(0).body(), SourceLocation.of("cluster:mock"));
        LiveSnapshot live = new LiveSnapshot("context mock", List.of(secret), List.of("projectcalico.org/Tier"));

        AuditReport report = new AuditReport("c1", "abc", "HEAD", live.source(), List.of(), new Coverage(0, 0), List.of(), live);

        assertEquals(Secrets.masked(live), report.live());
        assertEquals(secret.id(), report.live().resources().get(0).id());
        SecretFixtures.assertNoValue("the report's snapshot", JSON.writeValueAsString(
                report.live().resources().stream().map(Resource::body).toList()));
    }

    @Test
    void fixtureReport_withoutSnapshot_carriesAnEmptyOneFromItsSource() {
        AuditReport report = new AuditReport("c1", "abc", "HEAD", "files: a.yaml", List.of(), new Coverage(0, 0), List.of());

        assertEquals(new LiveSnapshot("files: a.yaml", List.of(), List.of()), report.live());
    }
}
