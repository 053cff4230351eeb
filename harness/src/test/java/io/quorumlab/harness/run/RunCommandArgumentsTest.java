package io.quorumlab.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.harness.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad arguments are refused before anything starts: exit 254 and one line saying what is wrong. */
class RunCommandArgumentsTest {
  @TempDir Path out;

  @TempDir Path elsewhere;

  /** A short, otherwise valid run: before the fix it ran to the end and only then failed to write. */
  @Test
  void aJUnitPathThatCannotBeWrittenIsRefusedBeforeTheRunStarts() throws Exception {
    Path file = Files.writeString(elsewhere.resolve("a-file"), "");
    StringWriter err = new StringWriter();
    var cl = Main.commandLine();
    cl.setErr(new PrintWriter(err, true));
    cl.setOut(new PrintWriter(new StringWriter(), true));
    int code = cl.execute("run", "--out", out.toString(), "--nodes", "1", "--n", "1", "--w", "1", "--r", "1", "--nemesis", "none",
        "--time-limit", "1", "--quiesce", "0", "--junit", file.resolve("gate.xml").toString());

    assertThat(code).isEqualTo(254);
    assertThat(err.toString().lines().findFirst().orElse("")).isEqualTo("quorumlab: --junit " + file.resolve("gate.xml")
        + " cannot be written: " + file + " is not a directory");
    try (var files = Files.list(out)) {
      assertThat(files).as("nothing ran").isEmpty();
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--w 4                                  | W=4 needs 1 <= W <= N (3)",
      "--nodes 2                              | N=3 needs 1 <= N <= nodes (2)",
      "--r 0                                  | R=0 needs 1 <= R <= N (3)",
      "--nemesis partition,flood              | unknown fault 'flood'",
      "--nemesis none,kill                    | cannot be combined",
      "--conflicts siblings                   | use --conflicts lww or abd, or the set or list-append workload",
      "--workload queue                       | unknown workload 'queue' (expected register, list-append, set)",
      "--backend cloud                        | unknown backend 'cloud'",
      "--time-limit 0                         | --time-limit must be a positive number of seconds",
      "--rate -5                              | --rate must be 0",
      "--concurrency 0                        | --concurrency must be between 1 and 1000",
      "--conflicts causal                     | Invalid value for option '--conflicts'",
      "--nodes 300                            | --nodes must be between 1 and 16 (each node is a JVM or container of its own), not 300",
      "--time-limit 1e300                     | --time-limit must be a positive number of seconds up to 86400 (a day), not 1.0E300",
      "--time-limit NaN                       | --time-limit must be a positive number of seconds up to 86400 (a day), not NaN",
      "--nemesis-interval 0.001               | --nemesis-interval must be between 0.1 and 86400 seconds, not 0.001",
      "--nemesis-interval Infinity            | --nemesis-interval must be between 0.1 and 86400 seconds, not Infinity",
      "--rate NaN                             | --rate must be 0 (as fast as the processes can) or up to 100000 ops per second, not NaN",
      "--rate 1e300                           | --rate must be 0 (as fast as the processes can) or up to 100000 ops per second, not 1.0E300",
      "--concurrency 5000                     | --concurrency must be between 1 and 1000, not 5000",
      "--quiesce NaN                          | --quiesce must be between 0 and 3600 seconds, not NaN",
      "--quiesce -1                           | --quiesce must be between 0 and 3600 seconds, not -1",
      "--quiesce 1e12                         | --quiesce must be between 0 and 3600 seconds, not 1000000000000",
      "--request-timeout-ms 0                 | --request-timeout-ms must be between 1 and 600000, not 0",
      "--loss 0.1                             | shape a simulated network: the local backend runs on the machine's real network",
      "--backend docker --latency constant:1  | shape a simulated network: the docker backend runs on the machine's real network",
      "--reorder                              | shape a simulated network",
      "--duplicate 0.01                       | shape a simulated network",
      "--check-determinism                    | --check-determinism needs --backend sim",
      "--backend sim --nodes 1001             | --nodes must be between 1 and 1000 (the simulation runs every node on one thread), not 1001",
      "--backend sim --latency fast           | unknown --latency 'fast': expected loopback, constant:MS",
      "--backend sim --latency uniform:3,1    | the maximum is below the minimum",
      "--backend sim --latency constant       | --latency 'constant' takes 1 number",
      "--backend sim --latency lognormal:0,x,1 | 'x' is not a number",
      "--backend sim --loss 1.5               | --loss must be a probability between 0 and 1, not 1.5",
      "--backend sim --duplicate NaN          | --duplicate must be a probability between 0 and 1, not NaN",
      "--backend sim --storage memory         | --storage memory: the sim backend gives every node a simulated disk",
      "--diagram-limit 10                     | --diagram-limit needs --backend sim",
      "--backend sim --diagram-limit -1       | --diagram-limit must be 0 (no diagram) or more client requests, not -1",
  })
  void badArgumentsExit254WithAOneLineReason(String args, String reason) throws Exception {
    StringWriter err = new StringWriter();
    var cl = Main.commandLine();
    cl.setErr(new PrintWriter(err, true));
    cl.setOut(new PrintWriter(new StringWriter(), true));
    String[] argv = ("run --out " + out + " " + args.strip()).split("\\s+");
    int code = cl.execute(argv);
    assertThat(code).isEqualTo(254);
    String first = err.toString().lines().findFirst().orElse("");
    assertThat(first).startsWith("quorumlab: ").contains(reason);
    assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
    try (var files = Files.list(out)) {
      assertThat(files).as("nothing written for a refused run").isEmpty();
    }
  }
}
