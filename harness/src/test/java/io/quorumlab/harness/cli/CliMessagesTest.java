package io.quorumlab.harness.cli;

import io.quorumlab.harness.ExitCodes;
import static io.quorumlab.harness.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad arguments name the option the user typed and exit 254; hints name options that exist. */
class CliMessagesTest {
  @TempDir Path tmp;

  @Test
  void aPortOutOfRangeIsABadArgument() {
    CliRun serve = run("serve", "--port", "99999", "--storage", "memory", "--data-dir", tmp.toString());
    assertThat(serve.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    assertThat(serve.err().strip()).startsWith("quorumlab: refusing to start n1: ").contains("port=99999 must be between 0")
        .doesNotContain("Exception");
  }

  @Test
  void clusterStatusWithoutAClusterSuggestsOnlyWhatItAccepts() {
    String nothing = tmp.resolve("nothing").toString();
    CliRun status = run("cluster", "status", "--dir", nothing);
    assertThat(status.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    assertThat(status.err()).contains("no cluster in " + nothing + " (start one with 'quorumlab cluster start')")
        .doesNotContain("--address");
    CliRun get = run("kv", "get", "k", "--dir", nothing);
    assertThat(get.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    assertThat(get.err()).contains("or pass --address HOST:PORT");
  }

  @Test
  void aBadRequestTimeoutNamesTheOptionAsTyped() {
    CliRun r = run("run", "--out", tmp.toString(), "--request-timeout-ms", "0");
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    assertThat(r.err()).contains("--request-timeout-ms must be between 1 and 600000");
  }
}
