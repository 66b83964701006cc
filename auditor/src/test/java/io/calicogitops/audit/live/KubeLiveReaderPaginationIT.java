package io.calicogitops.audit.live;

import io.calicogitops.audit.LiveSnapshot;
import io.calicogitops.model.Resource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.stream.IntStream;

import static io.calicogitops.audit.live.MockLists.GNP_PATH;
import static io.calicogitops.audit.live.MockLists.gnpPage;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Lists longer than a page are read to the end through continue tokens (the mock's CRUD mode does not page). */
@EnableKubernetesMockClient
class KubeLiveReaderPaginationIT {

    static {
        MockApi.quiet();
    }

    KubernetesMockServer server;
    KubernetesClient client;

    @BeforeEach
    void discovery() {
        new MockApi().calico("projectcalico.org/v3").install(server);
    }

    @Test
    void read_moreThan500Objects_followsContinueTokensWithDefaultPageSize() {
        server.expect().get().withPath(GNP_PATH + "?limit=500").andReturn(200, gnpPage(0, 500, "page-2")).once();
        server.expect().get().withPath(GNP_PATH + "?continue=page-2&limit=500").andReturn(200, gnpPage(500, 1000, "page-3")).once();
        server.expect().get().withPath(GNP_PATH + "?continue=page-3&limit=500").andReturn(200, gnpPage(1000, 1234, null)).once();

        LiveSnapshot snapshot = read(ReadSettings.defaults().pageSize());

        assertEquals(1234, snapshot.resources().size());
        assertEquals(IntStream.range(0, 1234).mapToObj("gnp-%04d"::formatted).toList(),
                snapshot.resources().stream().map(r -> r.id().name()).toList());
    }

    @Test
    void read_smallPageSize_readsEveryPageOnce() {
        server.expect().get().withPath(GNP_PATH + "?limit=2").andReturn(200, gnpPage(0, 2, "a")).once();
        server.expect().get().withPath(GNP_PATH + "?continue=a&limit=2").andReturn(200, gnpPage(2, 4, "b")).once();
        server.expect().get().withPath(GNP_PATH + "?continue=b&limit=2").andReturn(200, gnpPage(4, 5, "")).once();

        LiveSnapshot snapshot = read(2);

        assertEquals(5, snapshot.resources().size());
        assertEquals(4, snapshot.resources().stream().map(Resource::spec).mapToInt(s -> s.path("order").asInt()).max().orElseThrow());
    }

    private LiveSnapshot read(int pageSize) {
        return KubeLiveReader.of(client.getConfiguration(), "kind-big", Duration.ofSeconds(5),
                new ReadSettings(pageSize, 3, Duration.ofMillis(1))).read(Set.of("projectcalico.org/GlobalNetworkPolicy"));
    }
}
