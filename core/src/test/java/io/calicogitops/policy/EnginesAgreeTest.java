package io.calicogitops.policy;

import io.calicogitops.diag.Diagnostics;
import io.calicogitops.yaml.YamlReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Property test (seeded, deterministic): the compiled evaluator agrees with the reference one on random policy sets and flows. */
class EnginesAgreeTest {

    private static final String[] APPS = {"web", "api", "db", "cache", "dns"};
    private static final String[] NAMESPACES = {"default", "dev", "pci"};
    private static final String[] ACTIONS = {"Allow", "Deny", "Pass", "Log", "Allow", "Deny"};
    /** Source ranges: Linux's default, one port, every port, and one around the pods' named client port. */
    private static final List<SourcePorts> SOURCE_RANGES = List.of(SourcePorts.LINUX_EPHEMERAL, new SourcePorts(80, 80),
            new SourcePorts(0, 65535), new SourcePorts(44990, 45010));

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void randomPolicySets_bothEngines_giveSameVerdictsAndTraces(long seed) {
        int[] counts = compare(seed);
        assertTrue(counts[0] + counts[1] > 100, "flows compared: " + (counts[0] + counts[1]));
    }

    @org.junit.jupiter.api.Test
    void generatedSets_splitSomeFlowsBySourcePort() {
        int split = 0;
        int depends = 0;
        for (long seed = 100; seed < 110; seed++) {
            int[] c = compare(seed);
            split += c[2];
            depends += c[3];
        }
        assertTrue(split > 0 && depends > 0, "the generated sets should split some flows by source port: " + split + "/" + depends);
    }

    @org.junit.jupiter.api.Test
    void generatedSets_coverBothVerdicts() {
        int allowed = 0;
        int denied = 0;
        for (long seed = 100; seed < 110; seed++) {
            int[] c = compare(seed);
            allowed += c[0];
            denied += c[1];
        }
        assertTrue(allowed > 0 && denied > 0, "the generated sets should allow some flows and deny others: " + allowed + "/" + denied);
    }

    private static int[] compare(long seed) {
        Random rnd = new Random(seed);
        String yamlText = generate(rnd);
        Diagnostics diagnostics = new Diagnostics();
        ModelBuilder builder = new ModelBuilder(diagnostics).addAll(new YamlReader().read(yamlText, "random.yaml", diagnostics));
        assertFalse(diagnostics.hasErrors(), () -> diagnostics.format() + "\n" + yamlText);
        List<Endpoint> externals = List.of(
                Endpoint.external("blocked", IpAddress.parse("198.51.100.7").orElseThrow(), null),
                Endpoint.external("twilio", IpAddress.parse("3.0.0.10").orElseThrow(), "api.twilio.com"),
                Endpoint.external("other", IpAddress.parse("203.0.113.5").orElseThrow(), "example.org"));
        ClusterModel model = builder.build(externals);
        Evaluator reference = model.reference();
        Evaluator compiled = model.compiled();
        // A second compiled evaluator asked only for one end at a time, from a cold memo: Replay's path.
        Evaluator oneEnd = new CompiledEvaluator(model.policies(), model.inventory());
        List<Endpoint> all = new ArrayList<>(model.inventory().workloads());
        all.addAll(externals);
        int allowed = 0;
        int denied = 0;
        int split = 0;
        int depends = 0;
        for (Endpoint a : all) {
            for (Endpoint b : all) {
                for (int[] pp : new int[][]{{Protocols.TCP, 80, -1}, {Protocols.TCP, 443, -1}, {Protocols.UDP, 53, -1},
                        {Protocols.ICMP, -1, -1}, {Protocols.ICMP, 8, -1}, {Protocols.ICMP, 8, 0}, {Protocols.ICMP, 8, 3},
                        {Protocols.ICMP, 0, -1}}) {
                  for (SourcePorts sp : Protocols.hasPorts(pp[0]) ? SOURCE_RANGES : List.of(SourcePorts.LINUX_EPHEMERAL)) {
                    Flow f = new Flow(a, b, pp[0], pp[1], pp[2], sp);
                    Verdicts r = reference.evaluate(f);
                    for (Direction end : Direction.values()) {
                        for (boolean prefer : new boolean[]{true, false}) {
                            assertEquals(r.side(end, prefer), oneEnd.decision(f, end, prefer),
                                    () -> "one end " + end + ", seed " + seed + " " + f.display() + " from " + sp);
                            assertEquals(reference.evaluateStaged(f).side(end, prefer), oneEnd.stagedDecision(f, end, prefer),
                                    () -> "staged, one end " + end + ", seed " + seed + " " + f.display() + " from " + sp);
                        }
                    }
                    Verdicts c = compiled.evaluate(f);
                    assertEquals(r, c, () -> "seed " + seed + " " + f.display() + " from " + sp + "\n" + yamlText);
                    assertEquals(reference.evaluateStaged(f), compiled.evaluateStaged(f),
                            () -> "staged, seed " + seed + " " + f.display() + " from " + sp);
                    assertEquals(sp.min(), r.first().flow().sourcePorts().min());
                    assertEquals(sp.max(), r.parts().get(r.parts().size() - 1).flow().sourcePorts().max());
                    split += r.parts().size() > 1 ? 1 : 0;
                    depends += r.dependsOnSourcePort() ? 1 : 0;
                    if (r.allowed()) {
                        allowed++;
                    } else {
                        denied++;
                    }
                  }
                }
            }
        }
        return new int[]{allowed, denied, split, depends};
    }

    private static String generate(Random rnd) {
        StringBuilder y = new StringBuilder();
        for (String ns : NAMESPACES) {
            y.append("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ").append(ns).append("\n  labels: {zone: ")
                    .append(rnd.nextBoolean() ? "open" : "closed").append("}\n---\n");
        }
        int pods = 6 + rnd.nextInt(6);
        for (int i = 0; i < pods; i++) {
            String app = APPS[rnd.nextInt(APPS.length)];
            y.append("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p").append(i).append("\n  namespace: ")
                    .append(NAMESPACES[rnd.nextInt(NAMESPACES.length)]).append("\n  labels: {app: ").append(app)
                    .append(rnd.nextBoolean() ? ", PCI: 'true'" : "").append("}\nspec:\n  serviceAccountName: sa")
                    .append(rnd.nextInt(2)).append("\n  containers: [{name: c, ports: [{name: http, containerPort: ")
                    .append(rnd.nextBoolean() ? 80 : 8080).append("}, {name: cli, containerPort: ").append(rnd.nextBoolean() ? 45000 : 45005)
                    .append("}]}]\nstatus: {podIP: 10.0.0.").append(i + 1).append("}\n---\n");
        }
        y.append("apiVersion: projectcalico.org/v3\nkind: GlobalNetworkSet\nmetadata: {name: blocked, labels: {type: blocked}}\n")
                .append("spec: {nets: [198.51.100.0/24, 10.0.0.3/32], allowedEgressDomains: ['*.twilio.com']}\n---\n");
        String[] tiers = {"security", "platform"};
        for (String t : tiers) {
            y.append("apiVersion: projectcalico.org/v3\nkind: Tier\nmetadata: {name: ").append(t).append("}\nspec: {order: ")
                    .append(100 + rnd.nextInt(3) * 100).append(rnd.nextInt(4) == 0 ? ", defaultAction: Pass" : "").append("}\n---\n");
        }
        int policies = 3 + rnd.nextInt(7);
        for (int i = 0; i < policies; i++) {
            int kind = rnd.nextInt(4);
            String tier = kind == 3 ? "default" : rnd.nextInt(3) == 0 ? "default" : tiers[rnd.nextInt(2)];
            String name = (tier.equals("default") ? "" : tier + ".") + "p" + i;
            boolean staged = rnd.nextInt(5) == 0;
            if (kind == 3) {
                y.append("apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: k").append(i)
                        .append(", namespace: ").append(NAMESPACES[rnd.nextInt(3)]).append("}\nspec:\n  podSelector: {matchLabels: {app: ")
                        .append(APPS[rnd.nextInt(APPS.length)]).append("}}\n  ingress: [{from: [{namespaceSelector: {matchLabels: {zone: open}}}], ports: [{port: 80}]}]\n")
                        .append(rnd.nextBoolean() ? "  egress: [{}]\n" : "").append("---\n");
                continue;
            }
            boolean global = kind == 0 || kind == 1;
            y.append("apiVersion: projectcalico.org/v3\nkind: ").append(staged ? "Staged" : "").append(global ? "GlobalNetworkPolicy" : "NetworkPolicy")
                    .append("\nmetadata: {name: ").append(name).append(global ? "" : ", namespace: " + NAMESPACES[rnd.nextInt(3)])
                    .append("}\nspec:\n  tier: ").append(tier).append("\n");
            if (rnd.nextInt(4) > 0) {
                y.append("  order: ").append(rnd.nextInt(3) * 10).append("\n");
            }
            y.append("  selector: '").append(selector(rnd)).append("'\n");
            for (String dir : new String[]{"ingress", "egress"}) {
                if (rnd.nextInt(3) == 0) {
                    continue;
                }
                y.append("  ").append(dir).append(":\n");
                int rules = 1 + rnd.nextInt(3);
                for (int r = 0; r < rules; r++) {
                    y.append("  - action: ").append(ACTIONS[rnd.nextInt(ACTIONS.length)]).append("\n");
                    switch (rnd.nextInt(6)) {
                        case 0, 1 -> y.append("    protocol: ").append(rnd.nextBoolean() ? "TCP" : "UDP").append("\n");
                        case 2 -> y.append("    protocol: ICMP\n    icmp: {type: 8").append(rnd.nextBoolean() ? ", code: 0" : "").append("}\n");
                        case 3 -> y.append("    protocol: ICMP\n    notICMP: {type: ").append(rnd.nextBoolean() ? 0 : 8).append("}\n");
                        default -> { }
                    }
                    y.append("    source: ").append(rnd.nextInt(3) == 0 ? sourceEntity(rnd) : entity(rnd, false)).append("\n");
                    y.append("    destination: ").append(entity(rnd, dir.equals("egress"))).append("\n");
                }
            }
            y.append("---\n");
        }
        return y.toString();
    }

    private static String selector(Random rnd) {
        return switch (rnd.nextInt(6)) {
            case 0 -> "all()";
            case 1 -> "PCI == \"true\"";
            case 2 -> "app in {\"web\", \"api\"}";
            case 3 -> "projectcalico.org/namespace == \"dev\"";
            case 4 -> "PCI != \"true\"";
            default -> "app == \"" + APPS[rnd.nextInt(APPS.length)] + "\"";
        };
    }

    /** Source sides that constrain the source port: ranges, single ports, notPorts and named ports. */
    private static String sourceEntity(Random rnd) {
        return switch (rnd.nextInt(6)) {
            case 0 -> "{ports: ['1024:65535']}";
            case 1 -> "{ports: ['40000:50000']}";
            case 2 -> "{notPorts: ['32768:40000', 45003]}";
            case 3 -> "{ports: [cli, 80]}";
            case 4 -> "{notPorts: [cli], selector: '" + selector(rnd) + "'}";
            default -> "{ports: [45000, '50000:60999']}";
        };
    }

    private static String entity(Random rnd, boolean egressDestination) {
        return switch (rnd.nextInt(9)) {
            case 0 -> "{}";
            case 1 -> "{selector: '" + selector(rnd) + "'}";
            case 2 -> "{selector: 'type == \"blocked\"'}";
            case 3 -> "{nets: [10.0.0.0/30]}";
            case 4 -> "{ports: [80, '400:500']}";
            // A selector with a namespaceSelector (or global()) reaches pods outside a NetworkPolicy's namespace.
            case 5 -> rnd.nextBoolean() ? "{namespaceSelector: 'zone == \"open\"'}"
                    : "{selector: '" + selector(rnd) + "', namespaceSelector: '" + (rnd.nextBoolean() ? "zone == \"open\"" : "global()") + "'}";
            case 6 -> "{serviceAccounts: {names: [sa1]}}";
            case 7 -> egressDestination ? "{domains: ['*.twilio.com']}" : "{notNets: [10.0.0.0/29]}";
            default -> "{ports: [http], notSelector: 'app == \"db\"'}";
        };
    }
}
