package io.calicogitops.query;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.policy.Decision;
import io.calicogitops.policy.Flow;
import io.calicogitops.policy.Protocols;
import io.calicogitops.policy.SourcePorts;
import io.calicogitops.policy.Step;
import io.calicogitops.policy.Verdict;
import io.calicogitops.report.JsonStyle;

import java.util.Locale;

/** The JSON form of flows and traces, shared by the reach and segmentation documents. */
final class TraceJson {

    private TraceJson() {
    }

    static ObjectNode flow(Flow f) {
        ObjectNode n = JsonStyle.MAPPER.createObjectNode();
        n.put("from", f.source().display());
        n.put("to", f.destination().display());
        n.put("protocol", Protocols.name(f.protocol()));
        if (f.protocol() == Protocols.ICMP || f.protocol() == Protocols.ICMPV6) {
            if (f.port() >= 0) {
                n.put("icmpType", f.port());
            }
            if (f.icmpCode() >= 0) {
                n.put("icmpCode", f.icmpCode());
            }
        } else if (f.port() >= 0) {
            n.put("port", f.port());
        }
        if (f.hasSourcePort()) {
            n.set("sourcePorts", ports(f.sourcePorts()));
        }
        return n;
    }

    /** {@code {"min": 32768, "max": 60999}}. */
    static ObjectNode ports(SourcePorts p) {
        ObjectNode n = JsonStyle.MAPPER.createObjectNode();
        n.put("min", p.min());
        n.put("max", p.max());
        return n;
    }

    /** Both ends: egress at the source, then ingress at the destination. */
    static ArrayNode trace(Verdict v) {
        ArrayNode a = JsonStyle.MAPPER.createArrayNode();
        a.add(decision(v.egress()));
        a.add(decision(v.ingress()));
        return a;
    }

    static ObjectNode decision(Decision d) {
        ObjectNode n = JsonStyle.MAPPER.createObjectNode();
        n.put("direction", d.direction().display().toLowerCase(Locale.ROOT));
        n.put("endpoint", d.endpoint());
        n.put("verdict", d.allows() ? "allow" : "deny");
        n.put("outcome", d.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        ArrayNode steps = n.putArray("steps");
        for (Step s : d.steps()) {
            ObjectNode st = steps.addObject();
            st.put("tier", s.tier());
            if (s.endOfTier()) {
                st.put("endOfTier", true);
            } else {
                st.put("policy", s.policy());
                if (!s.namespace().isEmpty()) {
                    st.put("namespace", s.namespace());
                }
                st.put("rule", s.rule());
            }
            st.put("action", s.action().display());
        }
        n.put("text", d.display());
        return n;
    }
}
