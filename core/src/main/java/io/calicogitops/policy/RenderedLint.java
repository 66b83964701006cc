package io.calicogitops.policy;

import io.calicogitops.diag.Diagnostic;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.yaml.YamlReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Lint over a rendered cluster folder (file name -> bytes), with the profile's workloads when the folder exists. */
public final class RenderedLint {

    private RenderedLint() {
    }

    /**
     * @param folder   {@code clusters/<name>}, for the file names in findings
     * @param files    the rendered files of that folder
     * @param workloads the profile's workloads folder (resolved), or null
     * @param dormant  label keys meant to select nothing until set (the quarantine label)
     */
    public static List<Diagnostic> lint(String folder, Map<String, byte[]> files, Path workloads, Set<String> dormant) {
        Diagnostics diagnostics = new Diagnostics();
        ModelBuilder builder = new ModelBuilder(diagnostics);
        YamlReader yaml = new YamlReader();
        files.forEach((name, bytes) -> {
            if (name.endsWith(".yaml") && !name.equals("kustomization.yaml") && !name.contains("/")) {
                builder.addAll(yaml.read(bytes, folder + "/" + name, diagnostics));
            }
        });
        if (workloads != null && Files.exists(workloads)) {
            builder.workloads().readPath(workloads, Path.of(""));
        }
        if (diagnostics.hasErrors()) {
            return diagnostics.sorted();
        }
        return new Linter(builder.build(List.of()), dormant).run();
    }
}
