package io.quorumlab.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Main builds only the command a command line names; help and unknown words still see every command. */
class MainCommandsTest {

  @Test
  void aNamedCommandIsTheOnlyOneBuilt() {
    assertThat(Main.commandsFor("run", "--backend", "sim", "--seed", "1")).containsExactly(RunCommand.class);
    assertThat(Main.commandsFor("check", "history.edn")).containsExactly(CheckCommand.class);
  }

  @Test
  void noCommandHelpOrAnUnknownWordBuildsThemAll() {
    List<Class<?>> all = Main.commandsFor();
    assertThat(all).hasSize(13).contains(RunCommand.class, CheckCommand.class, CommandLine.HelpCommand.class);
    assertThat(Main.commandsFor("--help")).isEqualTo(all);
    assertThat(Main.commandsFor("help", "run")).isEqualTo(all);
    assertThat(Main.commandsFor("rnu")).isEqualTo(all);
  }

  @Test
  void helpListsEveryCommand() {
    CliRun help = CliRun.run("--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("check", "run", "report", "replay", "shrink", "compare", "explore", "selftest", "bench", "serve",
        "cluster", "kv");
  }

  @Test
  void aMistypedCommandIsABadArgument() {
    CliRun run = CliRun.run("rnu");
    assertThat(run.code()).isEqualTo(254);
    assertThat(run.err()).startsWith("quorumlab: ").contains("'rnu'");
  }

  @Test
  void aNamedCommandsBadArgumentIsOneLineAndExit254() {
    CliRun run = CliRun.run("run", "--backend", "nosuch");
    assertThat(run.code()).isEqualTo(254);
    assertThat(run.err()).startsWith("quorumlab: ");
  }
}
