package io.calicogitops.cli;

import io.calicogitops.version.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** The version and commit the build wrote into the jar ({@link BuildInfo}), the same the evidence manifest names. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"calico-gitops " + BuildInfo.current().display()};
    }
}
