package io.calicogitops.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A Secret in Git ({@code payments/db-credentials}) whose password differs in the cluster, and distinctive values
 * that must never reach any output: neither plain, nor base64 (as {@code data} holds them), nor as a SHA-256 of either.
 */
public final class SecretFixtures {

    public static final String NAMESPACE = "payments";
    public static final String NAME = "db-credentials";
    /** The password in Git. */
    public static final String DESIRED = "s3cr3t-desired-VALUE";
    /** The password in the cluster. */
    public static final String LIVE = "s3cr3t-live-VALUE";
    /** The user name, the same on both sides. */
    public static final String SAME = "s3cr3t-same-VALUE";
    /** Only in the live object's last-applied-configuration annotation. */
    public static final String LAST_APPLIED = "s3cr3t-lastapplied-VALUE";
    /** The value of a Secret in the cluster that Git does not name. */
    public static final String OTHER = "s3cr3t-other-VALUE";

    private SecretFixtures() {
    }

    public static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** The Secret as Git holds it, with {@code password} = {@code password}. */
    public static String desiredYaml(String password) {
        return "apiVersion: v1\nkind: Secret\nmetadata:\n  name: " + NAME + "\n  namespace: " + NAMESPACE + "\n"
                + "type: Opaque\ndata:\n  password: " + b64(password) + "\n  username: " + b64(SAME) + "\n";
    }

    /** The Secret as the cluster returns it (server fields, last-applied annotation), with {@code password}. */
    public static String liveSecretYaml(String password) {
        String lastApplied = "{\"apiVersion\":\"v1\",\"data\":{\"old\":\"" + b64(LAST_APPLIED) + "\",\"password\":\""
                + b64(password) + "\",\"note\":\"" + LAST_APPLIED + "\"},\"kind\":\"Secret\"}";
        return "apiVersion: v1\nkind: Secret\nmetadata:\n  name: " + NAME + "\n  namespace: " + NAMESPACE + "\n"
                + "  resourceVersion: \"4711\"\n  uid: 0b9e6f6c-1111-2222-3333-444455556666\n"
                + "  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: '" + lastApplied + "'\n"
                + "type: Opaque\ndata:\n  password: " + b64(password) + "\n  username: " + b64(SAME) + "\n";
    }

    /** A Secret in the cluster that Git does not name. */
    public static String otherSecretYaml() {
        return "apiVersion: v1\nkind: Secret\nmetadata:\n  name: cloud-token\n  namespace: kube-system\n"
                + "type: Opaque\ndata:\n  token: " + b64(OTHER) + "\nstringData:\n  plain: " + OTHER + "\n";
    }

    /** Every form in which a value must not appear. */
    public static List<String> forbidden() {
        List<String> out = new ArrayList<>();
        for (String v : List.of(DESIRED, LIVE, SAME, LAST_APPLIED, OTHER)) {
            out.add(v);
            out.add(b64(v));
            out.add(sha256(v));
            out.add(sha256(b64(v)));
        }
        return out;
    }

    /** Fails naming {@code what} when {@code text} holds any value in any form. */
    public static void assertNoValue(String what, String text) {
        for (String f : forbidden()) {
            assertFalse(text.contains(f), what + " holds a secret value (" + f + "):\n" + text);
        }
        // Case-insensitive too: a hex digest may be written in upper case.
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        for (String f : forbidden()) {
            assertFalse(lower.contains(f.toLowerCase(java.util.Locale.ROOT)), what + " holds a secret value (" + f + ")");
        }
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
