package io.calicogitops.query;

import io.calicogitops.audit.LiveReader;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What to evaluate: the policies of {@code clusters/<cluster>/} at {@code ref} (or a live source), workloads from
 * manifests (or the profile's {@code workloads} folder when {@code fleet} is given), and named external endpoints
 * ({@code name=ip}, {@code name=domain} or {@code name=ip,domain}). Live snapshot files ({@code liveFiles}) may hold
 * Pods, Namespaces, ServiceAccounts and Services too ({@code kubectl get pods,ns,sa,svc -A -o yaml}): they count as workloads.
 */
public record EvaluationRequest(Path repo, String cluster, String ref, List<Path> workloads, Optional<Path> fleet,
                                Optional<LiveReader> live, String liveDescription, List<Path> liveFiles,
                                List<String> externals) {

    public EvaluationRequest {
        workloads = List.copyOf(workloads);
        liveFiles = List.copyOf(liveFiles);
        externals = List.copyOf(externals);
    }
}
