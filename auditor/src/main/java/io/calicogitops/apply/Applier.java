package io.calicogitops.apply;

import io.calicogitops.audit.AuditReport;
import io.calicogitops.audit.AuditRequest;
import io.calicogitops.audit.Auditor;
import io.calicogitops.audit.DesiredState;
import io.calicogitops.audit.LiveSnapshot;
import io.calicogitops.audit.ignore.IgnoreRules;
import io.calicogitops.diag.CalicoGitOpsException;
import io.calicogitops.diag.GitAccessException;
import io.calicogitops.git.GitRepo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Rolls a cluster out to a commit: reads the cluster folder at the ref and the live state, audits one against the
 * other, turns the drift into an {@link ApplyPlan} and writes it change by change. The first failed write stops the
 * run; the result says what was applied and what was not, and running again converges because the next plan starts
 * from whatever the cluster then holds. Rolling back is applying an older ref.
 */
public final class Applier {

    private final Auditor auditor = new Auditor();

    public ApplyResult apply(ApplyRequest request) {
        DesiredState desired;
        try (GitRepo git = GitRepo.open(request.repo())) {
            String commit = git.commitId(request.ref())
                    .orElseThrow(() -> new GitAccessException("ref '" + request.ref() + "' does not name a commit in " + request.repo()));
            desired = DesiredState.read(git, commit, request.cluster());
        }
        LiveSnapshot live = request.live().read(Auditor.query(desired));
        AuditReport audit = auditor.compare(new AuditRequest(request.repo(), request.cluster(), request.ref(),
                request.live(), IgnoreRules.none(), null), desired, live);
        ApplyPlan plan = ApplyPlan.of(request.cluster(), request.ref(), desired, live, audit, request.prune());
        TreeSet<String> kinds = new TreeSet<>();
        plan.changes().forEach(c -> kinds.add(c.kindKey()));
        // Checked in a dry run too: a plan the cluster cannot take is a failure before anything is written.
        request.writer().prepare(kinds);
        List<StepResult> steps = new ArrayList<>();
        if (request.dryRun()) {
            plan.changes().forEach(c -> steps.add(new StepResult(c, StepStatus.PLANNED, Optional.empty())));
            return new ApplyResult(plan, request.strategy(), true, request.prune(), steps, Optional.empty());
        }
        Optional<String> failure = Optional.empty();
        for (PlannedChange change : plan.changes()) {
            if (failure.isPresent()) {
                steps.add(new StepResult(change, StepStatus.NOT_APPLIED, Optional.empty()));
                continue;
            }
            try {
                request.writer().write(change, request.strategy());
                steps.add(new StepResult(change, StepStatus.APPLIED, Optional.empty()));
            } catch (CalicoGitOpsException e) {
                failure = Optional.of(e.getMessage());
                steps.add(new StepResult(change, StepStatus.FAILED, failure));
            }
        }
        return new ApplyResult(plan, request.strategy(), false, request.prune(), steps, failure);
    }
}
