package io.quorumlab.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quorumlab.harness.nemesis.NemesisPlan;
import io.quorumlab.harness.run.LoadSpec;
import io.quorumlab.harness.run.ProgressSink;
import io.quorumlab.harness.run.RunOutcome;
import io.quorumlab.harness.run.RunSpec;
import io.quorumlab.harness.run.Runner;
import io.quorumlab.results.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small simulated run leaves every message in messages.jsonl and a message diagram in its report; a larger one neither. */
class MessageFileTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path out;

  /** About 20 requests: 2 s at 8 ops/s, then a final read of each key. */
  private static RunSpec smallRun() {
    return RunSpec.defaults(5).withBackend(SimBackend.NAME, 3).withLoad(new LoadSpec("register", 2, 8, 3, 0))
        .withNemesis(NemesisPlan.of("partition", 1));
  }

  @Test
  void aSmallRunWritesEveryMessageAndTheReportDrawsThem() throws Exception {
    RunOutcome run = new Runner(smallRun(), out, ProgressSink.NONE, new SimBackend()).run();
    List<String> lines = Files.readAllLines(run.runDir().resolve(RunDirectory.MESSAGES));
    JsonNode header = JSON.readTree(lines.get(0));
    assertThat(header.get("format").asText()).isEqualTo(MessageFile.FORMAT);
    assertThat(header.get("nodes")).hasSize(3);
    long requests = 0;
    for (int i = 1; i < lines.size(); i++) {
      JsonNode m = JSON.readTree(lines.get(i));
      assertThat(m.get("id").asLong()).isEqualTo(i);
      assertThat(m.get("fate").asText()).isIn("delivered", "dropped", "in-flight");
      assertThat(m.has("at")).isEqualTo(!m.get("fate").asText().equals("in-flight"));
      if (m.get("type").asText().equals("client-request")) requests++;
    }
    long ops = run.results().metrics().overall().total();
    assertThat(requests).as("one request per operation of the register workload").isEqualTo(ops).isPositive();
    String report = Files.readString(run.runDir().resolve(RunDirectory.REPORT));
    assertThat(report).contains("<section id=\"messages\">").contains("class=\"md-svg\"").contains("id=\"md-gossip\"");
  }

  @Test
  void aRunWithMoreRequestsThanTheLimitHasNoMessageFileNorDiagram() throws Exception {
    RunOutcome run = new Runner(smallRun(), out, ProgressSink.NONE, new SimBackend().withMessageLimit(5)).run();
    assertThat(run.runDir().resolve(RunDirectory.MESSAGES)).doesNotExist();
    String report = Files.readString(run.runDir().resolve(RunDirectory.REPORT));
    assertThat(report).contains("<section id=\"messages\">").contains("No message diagram").doesNotContain("class=\"md-svg\"");
    assertThat(Set.of(run.exitCode())).containsAnyOf(0, 1);
  }
}
