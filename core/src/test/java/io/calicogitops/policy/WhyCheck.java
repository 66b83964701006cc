package io.calicogitops.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Checks a verdict against the acceptance file's {@code why} text: the side that denied (E@ named first), its
 * end-of-tier Deny (and tier), and every "policy rule N Action" the text names for an end.
 */
final class WhyCheck {

    private static final Pattern END = Pattern.compile("([EI])@([\\w.-]+)");
    private static final Pattern RULE = Pattern.compile("([\\w./-]+)(?: (?:ingress|egress))? rule (\\d+) (Allow|Deny|Pass)");
    private static final Pattern END_OF_TIER = Pattern.compile("(?:([\\w-]+) )?end-of-tier Deny");

    private WhyCheck() {
    }

    static void assertConsistent(String why, Verdict v, String trace) {
        List<String[]> segments = segments(why);
        if (!v.allowed() && !segments.isEmpty() && !why.startsWith("no ")) {
            Decision denied = v.deciding().get(0);
            String[] first = segments.stream().filter(s -> s[0].equals(denied.direction().mark())
                    && (denied.endpoint().endsWith("/" + s[1]) || denied.endpoint().equals(s[1]))).findFirst()
                    .orElseThrow(() -> new AssertionError("why names no denial at " + denied.direction().mark() + "@"
                            + denied.endpoint() + trace));
            Matcher eot = END_OF_TIER.matcher(first[2]);
            if (eot.find() && !first[2].contains("would also")) {
                Step last = denied.steps().get(denied.steps().size() - 1);
                assertTrue(last.endOfTier(), "end-of-tier expected" + trace);
                if (eot.group(1) != null && !eot.group(1).equals("of") && isTier(eot.group(1), v)) {
                    assertEquals(eot.group(1), last.tier(), "end-of-tier tier" + trace);
                }
            }
        }
        for (String[] seg : segments) {
            Decision d = seg[0].equals("E") ? v.egress() : v.ingress();
            if (!(d.endpoint().endsWith("/" + seg[1]) || d.endpoint().equals(seg[1])) || seg[2].contains("would also")) {
                continue;
            }
            Matcher m = RULE.matcher(seg[2]);
            while (m.find()) {
                String policy = m.group(1);
                if (!policy.contains(".") && !policy.contains("/") && !isTier(policy, v)) {
                    continue;
                }
                int rule = Integer.parseInt(m.group(2));
                String action = m.group(3);
                boolean found = d.steps().stream().anyMatch(s -> !s.endOfTier() && s.rule() == rule
                        && s.action().display().equals(action) && names(s, policy));
                if (!found) {
                    fail("trace lacks '" + m.group() + "'" + trace);
                }
            }
        }
    }

    private static boolean isTier(String word, Verdict v) {
        return List.of("security", "platform", "quarantine", "default").contains(word);
    }

    private static boolean names(Step s, String token) {
        String bare = s.policy();
        String full = s.tier() + "/" + bare;
        return token.equals(bare) || token.equals(full) || bare.endsWith("." + token)
                || token.equals(s.tier()) || full.endsWith("/" + token);
    }

    /** [side, endpoint, text] per "E@x"/"I@y" mention, the text running to the next mention. */
    private static List<String[]> segments(String why) {
        List<String[]> out = new ArrayList<>();
        Matcher m = END.matcher(why);
        List<int[]> at = new ArrayList<>();
        List<String[]> heads = new ArrayList<>();
        while (m.find()) {
            at.add(new int[]{m.start(), m.end()});
            heads.add(new String[]{m.group(1), m.group(2)});
        }
        for (int i = 0; i < at.size(); i++) {
            int end = i + 1 < at.size() ? at.get(i + 1)[0] : why.length();
            out.add(new String[]{heads.get(i)[0], heads.get(i)[1], why.substring(at.get(i)[1], end)});
        }
        return out;
    }
}
