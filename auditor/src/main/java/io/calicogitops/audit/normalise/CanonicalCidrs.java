package io.calicogitops.audit.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.model.ResourceId;
import io.calicogitops.validate.Cidr;

import java.util.ArrayList;
import java.util.List;

/** Writes every CIDR of rules and network sets as its masked network with an explicit prefix length. */
final class CanonicalCidrs implements NormaliseStep {

    @Override
    public String name() {
        return "cidrs";
    }

    @Override
    public String why() {
        return "Felix reads nets with libcalico-go's ParseCIDROrIP, which takes a bare address as /32 or /128 and, "
                + "through Go's net.ParseCIDR, masks host bits (10.0.0.5/24 is 10.0.0.0/24; updateprocessors/rules.go "
                + "normalizeIPNet does it again for rule nets). The server stores nets as written (calico-semantics "
                + "§3.1), so only the dataplane meaning is compared. IPv6 is written in RFC 5952 form. An invalid "
                + "CIDR is kept verbatim: the validator reports it.";
    }

    @Override
    public void apply(ObjectNode body, ResourceId id, Side side) {
        List<JsonNode> lists = new ArrayList<>();
        if (CalicoKinds.isTieredPolicy(id)) {
            for (ObjectNode entity : PolicyRules.entityRules(body)) {
                lists.add(entity.get("nets"));
                lists.add(entity.get("notNets"));
            }
        } else if (CalicoKinds.isNetworkSet(id)) {
            lists.add(body.path("spec").get("nets"));
        }
        for (JsonNode list : lists) {
            if (list instanceof ArrayNode nets) {
                for (int i = 0; i < nets.size(); i++) {
                    if (nets.get(i).isTextual()) {
                        nets.set(i, nets.textNode(canonical(nets.get(i).asText())));
                    }
                }
            }
        }
    }

    /** {@code network/prefix} with host bits cleared, or {@code text} when it is not a CIDR or address. */
    static String canonical(String text) {
        Cidr cidr;
        try {
            cidr = Cidr.parse(text);
        } catch (IllegalArgumentException e) {
            return text;
        }
        byte[] network = cidr.address().clone();
        for (int bit = cidr.prefix(); bit < network.length * 8; bit++) {
            network[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return (cidr.isV4() ? v4(network) : v6(network)) + "/" + cidr.prefix();
    }

    private static String v4(byte[] b) {
        return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
    }

    /** RFC 5952: lower case, no leading zeros, the longest run of two or more zero groups (first if tied) as "::". */
    private static String v6(byte[] b) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (b[2 * i] & 0xff) << 8 | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }
}
