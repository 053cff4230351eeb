package io.quorumlab.harness.cli;

import io.quorumlab.harness.ExitCodes;
import io.quorumlab.harness.SpecException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code quorumlab} command line. */
@Command(
    name = "quorumlab",
    mixinStandardHelpOptions = true,
    version = "quorumlab 0.1.0",
    description = "Runs a Dynamo-style store under faults, records histories and checks them for consistency violations.",
    subcommands = {
      CommandLine.HelpCommand.class,
      CheckCommand.class,
      ServeCommand.class,
      ClusterCommand.class,
      KvCommand.class,
      RunCommand.class,
      ReportCommand.class,
      ReplayCommand.class,
      ShrinkCommand.class,
      CompareCommand.class,
      ExploreCommand.class,
      SelftestCommand.class,
      BenchCommand.class,
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns its exit code (for tests). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExitCodeExceptionMapper(e -> ExitCodes.BAD_ARGUMENTS);
    // Bad arguments: one line and exit 254, never a stack trace.
    cl.setParameterExceptionHandler((ex, a) -> {
      if (ex.getCommandLine().getCommand() instanceof ExplainsBadArguments c && c.explain().isPresent()) {
        ex.getCommandLine().getErr().println("quorumlab: " + c.explain().get());
        return ExitCodes.BAD_ARGUMENTS;
      }
      ex.getCommandLine().getErr().println("quorumlab: " + ex.getMessage());
      ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
      return ExitCodes.BAD_ARGUMENTS;
    });
    cl.setExecutionExceptionHandler((ex, c, parse) -> {
      if (ex instanceof SpecException) {
        c.getErr().println("quorumlab: " + ex.getMessage());
        return ExitCodes.BAD_ARGUMENTS;
      }
      c.getErr().println("quorumlab: " + ex);
      ex.printStackTrace(c.getErr());
      return ExitCodes.UNKNOWN;
    });
    return cl;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
