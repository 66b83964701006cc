package io.calicogitops.git;

import io.calicogitops.diag.GitAccessException;
import io.calicogitops.diag.SecretMask;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteConfig;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.URIish;

import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Fetch and push over JGit's transports (local paths, {@code file://}, HTTPS with a token, SSH as configured). Every
 * message that leaves here has the token and any {@code user:password@} part of a URL masked, and carries no JGit
 * exception as its cause (their messages quote URLs).
 */
final class Remotes {

    private static final int TIMEOUT_SECONDS = 60;

    private final Git git;
    private final Optional<GitCredentials> credentials;

    Remotes(Git git, Optional<GitCredentials> credentials) {
        this.git = git;
        this.credentials = credentials;
    }

    /**
     * Fetches {@code branch} (a full ref) of {@code remote} into {@code tracking}; empty, and {@code tracking} left
     * alone, when the remote has no such branch.
     */
    Optional<String> fetch(String remote, String branch, String tracking) {
        String what = "fetch " + branch + " from " + describe(remote);
        Optional<ScopedCredentialsProvider> provider = provider(remote, what);
        try {
            Collection<Ref> refs = auth(git.lsRemote().setRemote(remote).setHeads(true), provider).call();
            if (refs.stream().noneMatch(r -> r.getName().equals(branch))) {
                return Optional.empty();
            }
            auth(git.fetch().setRemote(remote).setRefSpecs(new RefSpec("+" + branch + ":" + tracking)), provider).call();
            Ref ref = git.getRepository().getRefDatabase().exactRef(tracking);
            return ref == null ? Optional.empty() : Optional.of(ref.getObjectId().name());
        } catch (GitAPIException | java.io.IOException | RuntimeException e) {
            throw new GitAccessException(what + ": " + redact(e.getMessage()) + refused(provider));
        }
    }

    /** Pushes {@code source} (a ref or a commit id) to {@code remoteRef} of {@code remote}, never forcing. */
    PushResult push(String remote, String source, String remoteRef) {
        String what = "push " + shortRef(remoteRef) + " to " + describe(remote);
        Optional<ScopedCredentialsProvider> provider = provider(remote, what);
        Iterable<org.eclipse.jgit.transport.PushResult> results;
        try {
            results = auth(git.push().setRemote(remote).setRefSpecs(new RefSpec(source + ":" + remoteRef)), provider).call();
        } catch (GitAPIException | RuntimeException e) {
            throw new GitAccessException(what + ": " + redact(e.getMessage()) + refused(provider));
        }
        for (org.eclipse.jgit.transport.PushResult r : results) {
            RemoteRefUpdate update = r.getRemoteUpdate(remoteRef);
            if (update == null) {
                continue;
            }
            String detail = update.getMessage() == null ? "" : redact(update.getMessage());
            return switch (update.getStatus()) {
                case OK -> new PushResult(PushResult.Status.PUSHED, remote, remoteRef, detail);
                case UP_TO_DATE -> new PushResult(PushResult.Status.UP_TO_DATE, remote, remoteRef, detail);
                case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED ->
                        new PushResult(PushResult.Status.REJECTED_NON_FAST_FORWARD, remote, remoteRef, detail);
                // A receiving Git that lost a race for the ref's lock says so in words; it is a race like the above.
                case REJECTED_OTHER_REASON -> detail.toLowerCase(java.util.Locale.ROOT).contains("lock")
                        ? new PushResult(PushResult.Status.REJECTED_NON_FAST_FORWARD, remote, remoteRef, detail)
                        : fail(remote, remoteRef, "the remote refused it" + (detail.isEmpty() ? "" : ": " + detail));
                default -> fail(remote, remoteRef, update.getStatus() + (detail.isEmpty() ? "" : ": " + detail));
            };
        }
        return fail(remote, remoteRef, "the remote did not report on the ref");
    }

    private static PushResult fail(String remote, String remoteRef, String why) {
        throw new GitAccessException("push " + shortRef(remoteRef) + " to " + remote + ": " + why);
    }

    private void checkRemote(String remote) {
        if (git.getRepository().getConfig().getString("remote", remote, "url") == null) {
            throw new GitAccessException("no remote '" + remote + "' in " + git.getRepository().getDirectory()
                    + "\n    hint: git remote add " + remote + " <url>");
        }
    }

    /**
     * The provider that gives the token to the remote's own https host only; none without a token. A remote with a
     * plain http URL is refused before any request when there is a token: Basic credentials over http are readable by
     * anyone on the path (Git's credential helpers likewise only fill https for forges that issue tokens).
     */
    private Optional<ScopedCredentialsProvider> provider(String remote, String what) {
        checkRemote(remote);
        if (credentials.isEmpty()) {
            return Optional.empty();
        }
        List<URIish> urls = new ArrayList<>();
        try {
            RemoteConfig config = new RemoteConfig(git.getRepository().getConfig(), remote);
            urls.addAll(config.getURIs());
            urls.addAll(config.getPushURIs());
        } catch (URISyntaxException e) {
            throw new GitAccessException(what + ": the remote's URL is not valid");
        }
        for (URIish url : urls) {
            if (url.getScheme() != null && "http".equals(url.getScheme().toLowerCase(Locale.ROOT))) {
                throw new GitAccessException(what + ": token not sent over plain http"
                        + "\n    hint: use the remote's https:// URL, or unset " + GitCredentials.TOKEN_VARIABLE);
            }
        }
        return Optional.of(new ScopedCredentialsProvider(credentials.get(), urls));
    }

    /** Why the token was held back, when it was: the server sent JGit to another host or scheme. */
    private static String refused(Optional<ScopedCredentialsProvider> provider) {
        return provider.flatMap(ScopedCredentialsProvider::refusedHost)
                .map(h -> " (the token was not sent to " + h + ": it goes only to the remote's own https host)")
                .orElse("");
    }

    /** The remote's name and URL, without credentials. */
    private String describe(String remote) {
        return remote + " (" + redact(git.getRepository().getConfig().getString("remote", remote, "url")) + ")";
    }

    private static <C extends TransportCommand<C, ?>> C auth(C command, Optional<ScopedCredentialsProvider> provider) {
        command.setTimeout(TIMEOUT_SECONDS);
        provider.ifPresent(command::setCredentialsProvider);
        return command;
    }

    /** The text with the token, URL credentials and URL query values masked. */
    String redact(String text) {
        if (text == null) {
            return "";
        }
        String out = text;
        // The token is masked whatever its length (SecretMask skips short values, which would hide ordinary words).
        if (credentials.isPresent() && !credentials.get().token().isEmpty()) {
            out = out.replace(credentials.get().token(), SecretMask.MASK);
        }
        return SecretMask.of(List.of()).apply(out);
    }

    private static String shortRef(String ref) {
        return ref.startsWith("refs/heads/") ? ref.substring("refs/heads/".length()) : ref;
    }
}
