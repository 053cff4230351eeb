package io.quorumlab.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.harness.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad arguments are refused before anything starts: exit 254 and one line saying what is wrong. */
class RunCommandArgumentsTest {
  @TempDir Path out;

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
