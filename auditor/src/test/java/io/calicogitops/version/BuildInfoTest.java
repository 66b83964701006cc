package io.calicogitops.version;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The build writes the version and the commit it was built from; the test never hard-codes the commit. */
class BuildInfoTest {

    @Test
    void theBuildWroteVersionAndCommit_theCommitIsWhatGitDescribeSaysOfThisCheckout() throws Exception {
        BuildInfo info = BuildInfo.current();
        assertNotEquals("dev", info.version(), "the build step wrote " + BuildInfo.RESOURCE);
        Path root = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
        assumeTrue(Files.exists(root.resolve(".git")), "a clone: a source tarball's build says unknown");
        Process git = new ProcessBuilder("git", "describe", "--always", "--dirty").directory(root.toFile()).start();
        assumeTrue(git.waitFor(60, TimeUnit.SECONDS) && git.exitValue() == 0, "git is available");
        String now = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        // Files may have been edited since the build: compare the commit, not the -dirty mark.
        assertEquals(now.replace("-dirty", ""), info.commit().replace("-dirty", ""));
        assertEquals(info.version() + " (commit " + info.commit() + ")", info.display());
    }

    @Test
    void unexpandedOrMissingValues_sayDevAndUnknown() throws IOException {
        java.util.Properties p = new java.util.Properties();
        p.load(new java.io.StringReader("version=${project.version}\ncommit=\n"));
        assertEquals(new BuildInfo("dev", "unknown"), BuildInfo.from(p));
    }
}
