package io.quorumlab.harness.cli;

import io.quorumlab.harness.ExitCodes;
import io.quorumlab.harness.SpecException;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code quorumlab} command line. */
@Command(
    name = "quorumlab",
    mixinStandardHelpOptions = true,
    version = "quorumlab 0.1.0",
    description = "Runs a Dynamo-style store under faults, records histories and checks them for consistency violations.")
public final class Main implements Runnable {
  /**
   * The subcommands, in the order the help lists them. Picocli builds the model of every command it
   * is given (annotations read, options and their converters made) before it parses a word: at a
   * cold start, all of these cost about 0.1 s of CPU more than {@code run} alone (measured, see
   * docs/simulation.md); so a command line that names one of them builds
   * only that one, and the others are built when the whole list is needed (no command, help, or a
   * word that is not a command, which picocli then reports as unmatched).
   */
  private static final List<Class<?>> COMMANDS = List.of(
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
      BenchCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns its exit code (for tests). */
  public static int run(String... args) {
    return commandLine(commandsFor(args)).execute(args);
  }

  /** The command line with every subcommand. */
  public static CommandLine commandLine() {
    return commandLine(COMMANDS);
  }

  /** The one subcommand the arguments name (their first word that is not an option), or all of them. */
  static List<Class<?>> commandsFor(String... args) {
    String first = Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse(null);
    for (Class<?> c : COMMANDS) {
      Command command = c.getAnnotation(Command.class);
      if (c != CommandLine.HelpCommand.class && command.name().equals(first)) return List.of(c);
    }
    return COMMANDS;
  }

  private static CommandLine commandLine(List<Class<?>> commands) {
    CommandLine cl = new CommandLine(new Main());
    // Before the settings below: picocli applies them to the subcommands already added.
    for (Class<?> c : commands) cl.addSubcommand(c);
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
