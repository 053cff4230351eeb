package io.quorumlab.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.Verdict;
import io.quorumlab.results.write.RunWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Writes a realistic sample run to target/sample-run, to check the report by eye and in tests. */
class SampleReportTest {
  @Test
  void writesSampleRun() throws Exception {
    Path dir = Path.of("target", "sample-run");
    Files.createDirectories(dir.resolve(RunDirectory.NODES));
    Files.writeString(dir.resolve(RunDirectory.NODES).resolve("n1.log"), "n1 started\n");
    SyntheticRun run = SyntheticRun.generate(42, 150, 16);
    RunResults r = RunWriter.write(dir, run.info, run.history, SyntheticRun.checks(dir));
    assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(Files.readString(dir.resolve(RunDirectory.REPORT))).contains("INVALID");
  }
}
