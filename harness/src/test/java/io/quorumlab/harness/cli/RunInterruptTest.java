package io.quorumlab.harness.cli;

import io.quorumlab.harness.ExitCodes;
import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.Verdict;
import io.quorumlab.harness.cluster.Classpath;
import io.quorumlab.harness.testing.ChildJvm;
import io.quorumlab.results.ResultsReader;
import io.quorumlab.results.RunDirectory;
import io.quorumlab.results.RunResults;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code quorumlab run} stopped by SIGINT (Ctrl-C) or SIGTERM exits 2, the code it documents and
 * prints, not the JVM's 130 or 143, and still writes its run as unknown (issue 19).
 */
class RunInterruptTest {
  @TempDir Path out;

  @ParameterizedTest
  @ValueSource(strings = {"TERM", "INT"})
  void aSignalledRunExits2AndWritesItsRunAsUnknown(String signal) throws Exception {
    Assumptions.assumeFalse(signal.equals("INT") && ChildJvm.sigintIgnored(), "SIGINT is ignored in this process tree (a background job)");
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-XX:TieredStopAtLevel=1", "-cp", Classpath.join(Classpath.current()), Main.class.getName(),
        "run", "--nodes", "1", "--n", "1", "--w", "1", "--r", "1", "--nemesis", "none", "--time-limit", "300",
        "--rate", "50", "--concurrency", "2", "--seed", "1", "--out", out.toString());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    StringBuilder output = new StringBuilder();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        output.append(line).append('\n');
        if (line.startsWith("load ")) break;
      }
      assertThat(p.isAlive()).as("the run reached its load phase:\n%s", output).isTrue();
      assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor()).isZero();
      while ((line = r.readLine()) != null) output.append(line).append('\n');
    } finally {
      if (!p.waitFor(120, TimeUnit.SECONDS)) p.destroyForcibly();
    }

    assertThat(p.exitValue()).as("output:\n%s", output).isEqualTo(ExitCodes.UNKNOWN);
    assertThat(output).contains("verdict     UNKNOWN: interrupted (exit 2)");
    Path runDir;
    try (var runs = Files.list(out.resolve("register"))) {
      runDir = runs.findFirst().orElseThrow();
    }
    RunResults stored = ResultsReader.read(runDir);
    assertThat(stored.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(stored.info().error()).isEqualTo("interrupted");
    assertThat(runDir.resolve(RunDirectory.REPORT)).isNotEmptyFile();
  }
}
