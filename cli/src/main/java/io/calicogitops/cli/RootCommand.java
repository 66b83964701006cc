package io.calicogitops.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The root command {@code calico-gitops}. Its subcommands are {@link #SUBCOMMANDS}, added by {@link Main}: all of
 * them for the root's help, completion or a name that is none of them (so picocli can suggest one), else only the one
 * the command line names, since building every command's model is most of a short run's start-up.
 */
@Command(name = "calico-gitops", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "GitOps for Calico network security: render per-cluster policy from a fleet, roll it out, audit clusters"
                + " for drift, ask the policies which flows they allow, read the history of their policy, export PCI evidence.",
        footer = {"", "Exit codes: 0 ok, 1 findings, 2 usage, 3 invalid input, 4 cluster or Git access failure, 70 internal error."})
public final class RootCommand implements Runnable {

    /** Every subcommand, in the order the help lists them. */
    static final java.util.List<Class<?>> SUBCOMMANDS = java.util.List.of(RenderCommand.class, ValidateCommand.class,
            AuditCommand.class, ApplyCommand.class, LogCommand.class, HistoryCommand.class, EvidenceCommand.class,
            ReachCommand.class, CheckCommand.class, DiagramCommand.class, LintCommand.class, MatrixCommand.class,
            PromoteCommand.class, ImportCommand.class, RecommendCommand.class, FlowsCommand.class, DemoCommand.class,
            CompletionCommand.class);

    @Option(names = "--stacktrace", scope = ScopeType.INHERIT, description = "print the stack trace of a failure")
    boolean stacktrace;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }
}
