package io.quorumlab.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.harness.cluster.NodeConfigs;
import io.quorumlab.harness.run.RunSpec;
import io.quorumlab.harness.run.StoreSettings;
import io.quorumlab.store.config.NodeConfig;
import io.quorumlab.store.config.Quorum;
import io.quorumlab.store.config.ReadRepair;
import io.quorumlab.store.server.NodeConfigJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** One mixin of store options: each command shows and uses its own defaults, and serve keeps a config file's values. */
class StoreOptionsTest {
  @TempDir Path dir;

  private static String help(String... command) {
    StringWriter out = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    String[] args = new String[command.length + 1];
    System.arraycopy(command, 0, args, 0, command.length);
    args[command.length] = "--help";
    cl.execute(args);
    return out.toString();
  }

  private static <T> T parsed(Class<T> type, String... args) {
    CommandLine cl = Main.commandLine();
    CommandLine.ParseResult result = cl.parseArgs(args);
    return type.cast(result.subcommand().commandSpec().userObject());
  }

  @Test
  void eachCommandShowsItsOwnDefaults() {
    assertThat(help("run")).contains("Write quorum (default: 1)").contains("(default: lww)").contains("(default: sloppy)")
        .contains("--vnodes=K").contains("Virtual nodes per node (default: 256)");
    assertThat(help("compare")).contains("(default: strict)");
    assertThat(help("serve")).contains("Write quorum (default: 2)").contains("(default: siblings)");
  }

  @Test
  void runTakesTheOptionsGivenOverItsDefaults() {
    RunCommand run = parsed(RunCommand.class, "run", "--w", "2", "--quorum", "STRICT", "--gossip-fanout", "5", "--seed", "3");
    RunSpec spec = run.toSpec();
    NodeConfig expected = RunSpec.DEFAULT_STORE.applyTo(NodeConfigs.template()).toBuilder().w(2).quorum(Quorum.STRICT)
        .gossipFanout(5).build();
    assertThat(spec.store()).isEqualTo(StoreSettings.of(expected));
    assertThat(spec.seed()).isEqualTo(3);
  }

  @Test
  void serveKeepsTheConfigFilesValuesForOptionsNotGiven() throws Exception {
    Path file = dir.resolve("node.json");
    NodeConfig inFile = NodeConfig.defaults("n1", 7101, dir.resolve("data").toString(), Map.of("n1", "127.0.0.1:7101"))
        .toBuilder().n(1).w(1).r(1).vnodes(16).readRepair(ReadRepair.OFF).build();
    NodeConfigJson.write(inFile, file);
    ServeCommand serve = parsed(ServeCommand.class, "serve", "--config", file.toString(), "--vnodes", "32");
    NodeConfig resolved = serve.resolve();
    assertThat(resolved.vnodes()).as("given").isEqualTo(32);
    assertThat(resolved.readRepair()).as("not given: the file's, not the default").isEqualTo(ReadRepair.OFF);
    assertThat(resolved.w()).isEqualTo(1);
  }

  @Test
  void compareRefusesQuorumSizesOutsideItsConfigurations() {
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setErr(new PrintWriter(err, true));
    cl.setOut(new PrintWriter(new StringWriter(), true));
    assertThat(cl.execute("compare", "--w", "2", "--out", dir.toString())).isEqualTo(254);
    assertThat(err.toString()).startsWith("quorumlab: compare takes N/W/R from --configs");
  }
}
