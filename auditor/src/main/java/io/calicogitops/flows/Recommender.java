package io.calicogitops.flows;

import io.calicogitops.flows.FlowEndpoint.EndpointType;
import io.calicogitops.flows.FlowRecord.FlowAction;
import io.calicogitops.flows.FlowRecord.Reporter;
import io.calicogitops.flows.Recommendation.Withheld;
import io.calicogitops.flows.RecommendedPeer.Scope;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Least-privilege policies from observed traffic, in the spirit of Calico's Policy Recommender (flow-logs.md 6.2):
 * only allowed records whose enforced trace ends in a {@code __PROFILE__} allow (traffic no policy addressed), egress
 * rules from {@code src} records and ingress rules from {@code dst} records of the namespace's workloads, peers
 * classified and rules grouped and ordered as Calico does. Unlike Calico: names are stable (no random suffix), each
 * rule keeps its evidence, traffic seen in fewer than {@code minIntervals} export intervals gets no rule, and a rule
 * that would also match an observed denied flow, which its tier comes early enough to allow, is withheld.
 * Deterministic: every map is sorted, so the same records in any order give the same recommendation.
 */
public final class Recommender {

    private static final List<String> EXCLUDED_PREFIXES = List.of("kube-", "calico-", "tigera-");

    private Recommender() {
    }

    /** The recommendation for {@code records} (one cluster's flow logs). */
    public static Recommendation recommend(Iterable<FlowRecord> records, RecommendOptions options) {
        SortedMap<Unit, Evidence> observed = new TreeMap<>();
        List<Denied> denied = new ArrayList<>();
        long read = 0;
        long used = 0;
        long withoutTrace = 0;
        for (FlowRecord r : records) {
            read++;
            if (!r.policiesRecorded()) {
                withoutTrace++;
                continue;
            }
            List<Unit> units = units(r, options);
            if (units.isEmpty()) {
                continue;
            }
            if (r.action() == FlowAction.DENY && !r.enforced().isEmpty()) {
                units.forEach(u -> denied.add(new Denied(u, r)));
            } else if (r.action() == FlowAction.ALLOW && unprotected(r)) {
                units.forEach(u -> observed.merge(u, Evidence.NONE.plus(r), Evidence::plus));
                used++;
            }
        }
        double recTier = options.tierOrder(options.tier());
        List<Withheld> withheld = new ArrayList<>();
        SortedMap<String, List<Map.Entry<Unit, Evidence>>> accepted = new TreeMap<>();
        for (Map.Entry<Unit, Evidence> e : observed.entrySet()) {
            Unit u = e.getKey();
            int seen = e.getValue().intervals().size();
            Optional<Denied> conflict = denied.stream().filter(d -> u.covers(d.unit())
                    && options.tierOrder(d.decidingTier()) >= recTier).findFirst();
            if (u.port() < 0 && hasPorts(u.protocol())) {
                // Aggregation level 3 drops dest_port: a rule without ports would allow every port.
                withheld.add(new Withheld(u.namespace(), u.direction(), u.display(), "no destination port recorded"
                        + " (aggregation level 3); a rule without ports would allow every port"));
            } else if (seen < options.minIntervals()) {
                withheld.add(new Withheld(u.namespace(), u.direction(), u.display(), "seen in " + seen + " interval"
                        + (seen == 1 ? "" : "s") + ", fewer than " + options.minIntervals()));
            } else if (conflict.isPresent()) {
                withheld.add(new Withheld(u.namespace(), u.direction(), u.display(), "would also allow denied traffic: "
                        + conflict.get().describe()));
            } else {
                accepted.computeIfAbsent(u.namespace(), k -> new ArrayList<>()).add(e);
            }
        }
        List<RecommendedPolicy> policies = new ArrayList<>();
        accepted.forEach((ns, units) -> policies.add(new RecommendedPolicy(ns, policyName(options.tier(), ns),
                "recommend-" + ns, options.tier(), (int) options.order(), rules(units, false), rules(units, true))));
        return new Recommendation(options.cluster(), options.tier(), options.minIntervals(), policies, withheld, read, used, withoutTrace);
    }

    /** {@code <ns>-recommendation}, tier-prefixed outside the default tier (works on every Calico version). */
    static String policyName(String tier, String namespace) {
        return (tier.equals("default") ? "" : tier + ".") + namespace + "-recommendation";
    }

    /** The final enforced hit is a profile allow: no policy in any tier decided (Calico's "unprotected" flows). */
    static boolean unprotected(FlowRecord r) {
        if (r.enforced().isEmpty()) {
            return false;
        }
        PolicyHit last = r.enforced().get(r.enforced().size() - 1);
        return last.tier().equals(PolicyHit.PROFILE_TIER) && last.action() == PolicyHit.HitAction.ALLOW;
    }

    /** The record's units: one, or one per domain for a domains peer (each domain earns its place alone). */
    private static List<Unit> units(FlowRecord r, RecommendOptions options) {
        if (r.reporter() == Reporter.FWD) {
            return List.of();
        }
        boolean egress = r.reporter() == Reporter.SRC;
        FlowEndpoint local = r.tracedEndpoint();
        if (local.type() != EndpointType.WEP || local.namespace() == null || !selected(local.namespace(), options)) {
            return List.of();
        }
        String protocol = protocol(r.proto());
        int port = hasPorts(protocol) && r.destPort() != null ? r.destPort() : -1;
        Optional<RecommendedPeer> peer = RecommendedPeer.of(r, egress);
        if (peer.isEmpty()) {
            return List.of();
        }
        if (peer.get().scope() != Scope.DOMAINS) {
            return List.of(new Unit(local.namespace(), egress, peer.get(), protocol, port, r.destDomains()));
        }
        return r.destDomains().stream().distinct().sorted().map(d -> new Unit(local.namespace(), egress,
                new RecommendedPeer(Scope.DOMAINS, null, d), protocol, port, r.destDomains())).toList();
    }

    private static boolean selected(String namespace, RecommendOptions options) {
        if (!options.namespaces().isEmpty()) {
            return options.namespaces().contains(namespace);
        }
        return EXCLUDED_PREFIXES.stream().noneMatch(namespace::startsWith);
    }

    /** Calico's protocol names ({@code Uint8OrString}: TCP, UDP, ICMP, ICMPv6, SCTP, UDPLite), numbers as given. */
    static String protocol(String proto) {
        return switch (proto.toLowerCase(java.util.Locale.ROOT)) {
            case "tcp" -> "TCP";
            case "udp" -> "UDP";
            case "icmp" -> "ICMP";
            case "icmp6", "icmpv6" -> "ICMPv6";
            case "sctp" -> "SCTP";
            case "udplite" -> "UDPLite";
            default -> proto;
        };
    }

    private static boolean hasPorts(String protocol) {
        return protocol.equals("TCP") || protocol.equals("UDP") || protocol.equals("SCTP") || protocol.equals("UDPLite");
    }

    /**
     * One direction's rules in Calico's order: groups (domains, service, namespace, network set, private, public),
     * then protocol, ports and peer. A domains rule is one per protocol and port listing its domains; every other rule
     * is one per peer and protocol listing its ports.
     */
    private static List<RecommendedRule> rules(List<Map.Entry<Unit, Evidence>> units, boolean egress) {
        SortedMap<String, List<Map.Entry<Unit, Evidence>>> groups = new TreeMap<>();
        for (Map.Entry<Unit, Evidence> e : units) {
            Unit u = e.getKey();
            if (u.egress() != egress) {
                continue;
            }
            boolean domains = u.peer().scope() == Scope.DOMAINS;
            String key = u.peer().scope().ordinal() + "|" + u.protocol() + "|"
                    + (domains ? String.format("%05d", u.port() + 1) : u.peer().namespace() + "|" + u.peer().name());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
        }
        List<RecommendedRule> rules = new ArrayList<>();
        for (List<Map.Entry<Unit, Evidence>> g : groups.values()) {
            Unit first = g.get(0).getKey();
            TreeSet<Integer> ports = new TreeSet<>();
            TreeSet<String> domains = new TreeSet<>();
            Evidence evidence = Evidence.NONE;
            for (Map.Entry<Unit, Evidence> e : g) {
                if (e.getKey().port() >= 0) {
                    ports.add(e.getKey().port());
                }
                if (first.peer().scope() == Scope.DOMAINS) {
                    domains.add(e.getKey().peer().name());
                }
                evidence = evidence.plus(e.getValue());
            }
            RecommendedPeer peer = first.peer().scope() == Scope.DOMAINS ? new RecommendedPeer(Scope.DOMAINS, null, null) : first.peer();
            rules.add(new RecommendedRule(peer, first.protocol(), List.copyOf(ports), List.copyOf(domains), evidence));
        }
        // Within a group Calico sorts by protocol, then ports, then selector.
        rules.sort(java.util.Comparator.comparing((RecommendedRule r) -> r.peer().scope())
                .thenComparing(RecommendedRule::protocol)
                .thenComparing(r -> r.ports().toString())
                .thenComparing(RecommendedRule::peer));
        return rules;
    }

    /** One observed (namespace, direction, peer, protocol, port); port -1 = none. */
    record Unit(String namespace, boolean egress, RecommendedPeer peer, String protocol, int port, List<String> domains)
            implements Comparable<Unit> {

        String direction() {
            return egress ? "egress" : "ingress";
        }

        /** A rule made from this unit would also match traffic of {@code other}. */
        boolean covers(Unit other) {
            if (!namespace.equals(other.namespace) || egress != other.egress || !protocol.equals(other.protocol) || port != other.port) {
                return false;
            }
            if (peer.scope() == Scope.DOMAINS) {
                return other.domains.contains(peer.name());
            }
            return peer.covers(other.peer);
        }

        String display() {
            return namespace + " " + direction() + " " + protocol + (port < 0 ? "" : " " + port) + " " + peer.display();
        }

        @Override
        public int compareTo(Unit o) {
            int c = namespace.compareTo(o.namespace);
            c = c != 0 ? c : Boolean.compare(egress, o.egress);
            c = c != 0 ? c : peer.compareTo(o.peer);
            c = c != 0 ? c : protocol.compareTo(o.protocol);
            return c != 0 ? c : Integer.compare(port, o.port);
        }
    }

    /** An observed denied record and the hit that decided it. */
    record Denied(Unit unit, FlowRecord record) {

        String decidingTier() {
            return record.enforced().get(record.enforced().size() - 1).tier();
        }

        String describe() {
            FlowRecord r = record;
            return r.source().namespace() + "/" + r.source().nameAggr() + " -> "
                    + (r.destination().namespace() == null ? "" : r.destination().namespace() + "/") + r.destination().nameAggr()
                    + " " + unit.protocol() + (unit.port() < 0 ? "" : "/" + unit.port()) + " denied by "
                    + record.enforced().get(record.enforced().size() - 1).text() + " (" + r.origin() + ")";
        }
    }
}
