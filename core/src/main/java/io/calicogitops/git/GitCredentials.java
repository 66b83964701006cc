package io.calicogitops.git;

import java.util.Map;
import java.util.Optional;

/**
 * A token for HTTPS remotes, taken from the environment ({@value #TOKEN_VARIABLE}, with the user name from
 * {@value #USER_VARIABLE}, default {@value #DEFAULT_USER}) so that it never appears on a command line, in the
 * repository's config or in any output. {@link #toString()} shows no secret.
 */
public record GitCredentials(String user, String token) {

    public static final String TOKEN_VARIABLE = "CALICO_GITOPS_GIT_TOKEN";
    public static final String USER_VARIABLE = "CALICO_GITOPS_GIT_USER";
    /** Forges that take a token as the password (GitHub, GitLab, Gitea, Azure DevOps) accept any non-empty user. */
    public static final String DEFAULT_USER = "x-access-token";

    /** The credentials the environment gives, or none when {@value #TOKEN_VARIABLE} is unset or empty. */
    public static Optional<GitCredentials> fromEnvironment(Map<String, String> env) {
        String token = env.get(TOKEN_VARIABLE);
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String user = env.get(USER_VARIABLE);
        return Optional.of(new GitCredentials(user == null || user.isBlank() ? DEFAULT_USER : user, token.strip()));
    }

    @Override
    public String toString() {
        return "GitCredentials[user=" + user + ", token=[redacted]]";
    }
}
