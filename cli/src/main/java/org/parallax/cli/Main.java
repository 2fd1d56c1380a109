package org.parallax.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code parallax} command: one small class per subcommand. */
@Command(name = "parallax", mixinStandardHelpOptions = true, version = "parallax 0.1.0",
        description = "Compare how news outlets cover the same events, with evidence down to the sentence.",
        subcommands = {AnalyzeCommand.class, IngestCommand.class, StoriesCommand.class, ServeCommand.class, ExportCommand.class, ExtractCommand.class, BenchCommand.class, SynthCommand.class, SynthReuseCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int execute(String... args) {
        return new CommandLine(new Main()).execute(args);
    }
}
