package io.calicogitops.audit;

import java.util.regex.Pattern;

/** The list fields whose order means nothing to Calico (calico-semantics §3.2): described as added/removed members. */
final class SetFields {

    private static final Pattern SET = Pattern.compile(
            ".*/(types|policyTypes|nets|notNets|domains|ports|notPorts|allowedEgressDomains|names)$");

    private SetFields() {
    }

    static boolean isSet(String pointer) {
        return SET.matcher(pointer).matches();
    }
}
