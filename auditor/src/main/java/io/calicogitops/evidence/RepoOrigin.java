package io.calicogitops.evidence;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the bundle names the GitOps repository without leaking anything: the {@code origin} remote's URL with user
 * name, password or token, query and fragment removed ({@code https://user:token@host/x?t=1} -> {@code https://host/x}),
 * or, when there is no remote or the remote is a local path (which would show a home folder), only the folder name.
 */
public record RepoOrigin(Optional<String> url, Optional<String> folder) {

    private static final Pattern SCHEME_URL = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)(?:[^/@]*@)?([^?#]*)(?:[?#].*)?$");
    // scp-like syntax, as Git reads it: [user@]host:path, where host has no slash and is more than one letter.
    private static final Pattern SCP_LIKE = Pattern.compile("^(?:[^/@:]*@)?([^/:]{2,}):(.*)$");

    /** From the configured origin URL (if any) and the repository folder. */
    public static RepoOrigin of(Optional<String> originUrl, Path repo) {
        Optional<String> url = originUrl.map(String::trim).filter(u -> !u.isEmpty()).flatMap(RepoOrigin::withoutCredentials);
        if (url.isPresent()) {
            return new RepoOrigin(url, Optional.empty());
        }
        String local = originUrl.map(String::trim).filter(u -> !u.isEmpty()).orElse(null);
        return new RepoOrigin(Optional.empty(), Optional.of(folderName(local != null ? local : repo.toAbsolutePath().normalize().toString())));
    }

    /** The URL without credentials, query or fragment; empty for a local path ({@code /srv/git/x}, {@code file://...}). */
    static Optional<String> withoutCredentials(String url) {
        if (url.startsWith("file:")) {
            return Optional.empty();
        }
        Matcher m = SCHEME_URL.matcher(url);
        if (m.matches()) {
            return Optional.of(m.group(1) + m.group(2));
        }
        Matcher scp = SCP_LIKE.matcher(url);
        if (scp.matches() && !url.startsWith("/") && !url.startsWith(".")) {
            return Optional.of(scp.group(1) + ":" + scp.group(2));
        }
        return Optional.empty();
    }

    /** The last segment of a path or URL ({@code /home/alice/fleet.git/} -> {@code fleet.git}). */
    private static String folderName(String path) {
        String p = path.replace('\\', '/');
        while (p.endsWith("/") && p.length() > 1) {
            p = p.substring(0, p.length() - 1);
        }
        int slash = p.lastIndexOf('/');
        String name = slash < 0 ? p : p.substring(slash + 1);
        if (name.equals(".git")) {
            return folderName(p.substring(0, Math.max(slash, 0)));
        }
        return name.isEmpty() ? "repository" : name;
    }

    /** For people: the URL, else {@code folder <name>}. */
    public String display() {
        return url.orElseGet(() -> "folder " + folder.orElse("repository"));
    }
}
