package io.calicogitops.evidence;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The repository as the manifest names it: never a credential, never a local path. */
class RepoOriginTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "https://user:token@git.example.com/org/fleet.git | https://git.example.com/org/fleet.git",
            "https://ghp_0123456789abcdef@github.com/org/fleet   | https://github.com/org/fleet",
            "https://github.com/org/fleet.git?access_token=abc#x | https://github.com/org/fleet.git",
            "http://git.example.com:8080/fleet                   | http://git.example.com:8080/fleet",
            "ssh://git:pw@git.example.com:2222/org/fleet.git     | ssh://git.example.com:2222/org/fleet.git",
            "git@github.com:org/fleet.git                        | github.com:org/fleet.git",
            "github.com:org/fleet.git                            | github.com:org/fleet.git",
    })
    void remoteUrl_credentialsQueryAndFragmentStripped(String configured, String expected) {
        RepoOrigin origin = RepoOrigin.of(Optional.of(configured), Path.of("/home/alice/work/fleet"));

        assertEquals(Optional.of(expected), origin.url());
        assertEquals(Optional.empty(), origin.folder(), "with a remote, nothing local is named");
    }

    @ParameterizedTest(name = "{0} -> folder {1}")
    @CsvSource(delimiter = '|', value = {
            "/home/alice/git/fleet.git           | fleet.git",
            "file:///home/alice/git/fleet.git/   | fleet.git",
            "../fleet                            | fleet",
            "/home/alice/git/fleet/.git          | fleet",
    })
    void localRemote_onlyItsFolderName(String configured, String expected) {
        RepoOrigin origin = RepoOrigin.of(Optional.of(configured), Path.of("/home/alice/work/fleet-checkout"));

        assertEquals(Optional.empty(), origin.url());
        assertEquals(Optional.of(expected), origin.folder());
    }

    @org.junit.jupiter.api.Test
    void noRemote_theRepositoryFolderName() {
        RepoOrigin origin = RepoOrigin.of(Optional.empty(), Path.of("/home/alice/work/fleet-repo"));

        assertEquals(new RepoOrigin(Optional.empty(), Optional.of("fleet-repo")), origin);
        assertEquals("folder fleet-repo", origin.display());
    }
}
