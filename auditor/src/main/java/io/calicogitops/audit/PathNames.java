package io.calicogitops.audit;

/** Turns a JSON pointer into the words people use: {@code /spec/egress/1/action} is {@code egress rule 2: action}. */
final class PathNames {

    private PathNames() {
    }

    static String of(String pointer) {
        String[] parts = pointer.substring(pointer.isEmpty() ? 0 : 1).split("/", -1);
        StringBuilder b = new StringBuilder();
        int i = 0;
        if (parts.length >= 3 && parts[0].equals("spec") && (parts[1].equals("ingress") || parts[1].equals("egress"))
                && parts[2].matches("\\d+")) {
            b.append(parts[1]).append(" rule ").append(Integer.parseInt(parts[2]) + 1);
            i = 3;
            if (i < parts.length) {
                b.append(": ");
            }
        } else if (parts.length >= 1 && (parts[0].equals("spec"))) {
            i = 1;
        } else if (parts.length >= 2 && parts[0].equals("metadata") && (parts[1].equals("labels") || parts[1].equals("annotations"))) {
            String what = parts[1].equals("labels") ? "label" : "annotation";
            return parts.length > 2 ? what + " " + unescape(parts[2]) : parts[1];
        }
        StringBuilder rest = new StringBuilder();
        for (; i < parts.length; i++) {
            String p = unescape(parts[i]);
            if (p.matches("\\d+")) {
                rest.append('[').append(Integer.parseInt(p)).append(']');
            } else {
                if (rest.length() > 0) {
                    rest.append(p.equals("selector") || p.equals("namespaceSelector") || p.equals("ports")
                            || p.equals("nets") || p.equals("domains") || p.equals("notNets") || p.equals("notPorts") ? " " : ".");
                }
                rest.append(p);
            }
        }
        return b.append(rest).toString();
    }

    private static String unescape(String s) {
        return s.replace("~1", "/").replace("~0", "~");
    }
}
