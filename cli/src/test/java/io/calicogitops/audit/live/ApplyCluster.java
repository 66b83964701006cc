package io.calicogitops.audit.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.cli.Main;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A fabric8 mock API server set up as a cluster that apply can write: discovery for every kind the product knows
 * (Calico kinds in {@code projectcalico.org/v3} or only {@code crd.projectcalico.org/v1}), a kubeconfig with a token
 * that must never show, and the command line run against it.
 */
final class ApplyCluster {

    static final String TOKEN = "mock-bearer-token-77aa66bb55cc44dd33ee22ff";
    static final String V3 = "projectcalico.org/v3";
    static final String V1 = "crd.projectcalico.org/v1";

    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final Path kubeconfig;

    /** One run of the command line: exit code, stdout and stderr. */
    record Run(int exit, String out, String err) {
        String transcript() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    ApplyCluster(KubernetesMockServer server, KubernetesClient client, Path dir, String calicoGroupVersion) throws IOException {
        this.server = server;
        this.client = client;
        new MockApi().allKinds(calicoGroupVersion).install(server);
        this.kubeconfig = MockKubeconfig.write(dir.resolve("kubeconfig"), server, "deployer", TOKEN);
    }

    /** Runs {@code calico-gitops <args> --kubeconfig <mock>}; fails the test if the token shows anywhere. */
    Run run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--kubeconfig");
        all.add(kubeconfig.toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exit = cmd.execute(all.toArray(String[]::new));
        Run run = new Run(exit, out.toString(), err.toString());
        assertFalse(run.out().contains(TOKEN) || run.err().contains(TOKEN), "the token leaked:\n" + run.transcript());
        return run;
    }

    /** The stored object, or empty. */
    Optional<ObjectNode> get(String apiVersion, String kind, String namespace, String name) {
        var op = client.genericKubernetesResources(MockApi.definition(apiVersion, kind));
        GenericKubernetesResource r = (namespace.isEmpty() ? op : op.inNamespace(namespace)).withName(name).get();
        return Optional.ofNullable(r).map(o -> client.getKubernetesSerialization().convertValue(o, ObjectNode.class));
    }

    /** Every stored object of a kind, in all namespaces. */
    List<ObjectNode> list(String apiVersion, String kind) {
        List<ObjectNode> out = new ArrayList<>();
        client.genericKubernetesResources(MockApi.definition(apiVersion, kind)).inAnyNamespace().list().getItems()
                .forEach(o -> out.add(client.getKubernetesSerialization().convertValue(o, ObjectNode.class)));
        return out;
    }

    /** Stores an object as someone with kubectl would (no server fields). */
    void create(JsonNode body) {
        MockApi.create(client, body);
    }

    /** Deletes an object as someone with kubectl would. */
    void delete(String apiVersion, String kind, String namespace, String name) {
        var op = client.genericKubernetesResources(MockApi.definition(apiVersion, kind));
        (namespace.isEmpty() ? op : op.inNamespace(namespace)).withName(name).delete();
    }

    /** The methods and paths of every request the server received since the last call, in order. */
    List<String> requests() throws InterruptedException {
        List<String> out = new ArrayList<>();
        int count = server.getRequestCount();
        for (var r = server.takeRequest(10, java.util.concurrent.TimeUnit.MILLISECONDS); r != null;
             r = server.takeRequest(10, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            out.add(r.getMethod() + " " + r.getPath());
        }
        return count == 0 ? List.of() : out;
    }
}
