package io.calicogitops.git;

import org.eclipse.jgit.errors.UnsupportedCredentialItem;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.URIish;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Hands the token to JGit only for an HTTPS URL on the host (and port) of the remote's own URL. JGit asks its
 * provider again after following a redirect, with the URL it was redirected to; answering there would send the token to
 * whatever host the redirect names. Git itself ({@code credential.useHttpPath}, credential helpers) matches
 * credentials on protocol and host for the same reason; a plain {@code http} URL never gets it (see
 * {@link Remotes}, which refuses such a remote before any request).
 */
final class ScopedCredentialsProvider extends CredentialsProvider {

    private final GitCredentials credentials;
    private final List<URIish> remotes;
    private Optional<String> refusedHost = Optional.empty();

    /** {@code remotes}: the URLs configured for the remote (fetch and push); only their https hosts get the token. */
    ScopedCredentialsProvider(GitCredentials credentials, List<URIish> remotes) {
        this.credentials = credentials;
        this.remotes = List.copyOf(remotes);
    }

    /** The host that asked for the token and did not get it, if any. */
    Optional<String> refusedHost() {
        return refusedHost;
    }

    @Override
    public boolean isInteractive() {
        return false;
    }

    @Override
    public boolean supports(CredentialItem... items) {
        for (CredentialItem i : items) {
            if (!(i instanceof CredentialItem.Username) && !(i instanceof CredentialItem.Password)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean get(URIish uri, CredentialItem... items) throws UnsupportedCredentialItem {
        if (!isHttps(uri) || remotes.stream().noneMatch(r -> isHttps(r) && sameHost(r, uri))) {
            refusedHost = Optional.ofNullable(uri.getHost());
            return false;
        }
        for (CredentialItem i : items) {
            if (i instanceof CredentialItem.Username u) {
                u.setValue(credentials.user());
            } else if (i instanceof CredentialItem.Password p) {
                p.setValue(credentials.token().toCharArray());
            } else {
                throw new UnsupportedCredentialItem(uri, i.getClass().getSimpleName() + ":" + i.getPromptText());
            }
        }
        return true;
    }

    static boolean isHttps(URIish uri) {
        return uri.getScheme() != null && "https".equals(uri.getScheme().toLowerCase(Locale.ROOT));
    }

    private static boolean sameHost(URIish a, URIish b) {
        return a.getHost() != null && b.getHost() != null
                && a.getHost().toLowerCase(Locale.ROOT).equals(b.getHost().toLowerCase(Locale.ROOT))
                && port(a) == port(b);
    }

    private static int port(URIish uri) {
        return uri.getPort() > 0 ? uri.getPort() : 443;
    }
}
