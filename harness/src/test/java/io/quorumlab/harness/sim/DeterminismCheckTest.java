package io.quorumlab.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.harness.nemesis.NemesisPlan;
import io.quorumlab.harness.run.LoadSpec;
import io.quorumlab.harness.run.ProgressSink;
import io.quorumlab.harness.run.RunSpec;
import io.quorumlab.results.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check can fail, and then names where: the event at which two simulations part, or the first line that differs. */
class DeterminismCheckTest {
  @TempDir Path out;

  private static RunSpec shortRun() {
    return RunSpec.defaults(9).withBackend(SimBackend.NAME, 3).withLoad(new LoadSpec("register", 3, 50, 5, 0))
        .withNemesis(NemesisPlan.of("partition", 1));
  }

  /** Both runs schedule the same step at 2.5 s; only in the second does it kill a node. */
  @Test
  void aSecondRunThatDoesOneThingMoreIsCaughtAtThatEvent() throws Exception {
    DeterminismCheck.Result r = DeterminismCheck.run(shortRun(), out, ProgressSink.NONE, (run, sim) ->
        sim.schedule(Duration.ofMillis(2500), () -> {
          if (run == 1) sim.kill("n3");
        }));
    assertThat(r.deterministic()).isFalse();
    assertThat(r.line()).startsWith("NOT DETERMINISTIC: the simulations part at event ").contains(" 2.500000 s of virtual time: ")
        .contains("the second kill n3 process 1");
  }

  @Test
  void withoutTheKillTheSameRunsAreIdentical() throws Exception {
    DeterminismCheck.Result r = DeterminismCheck.run(shortRun(), out, ProgressSink.NONE, (run, sim) ->
        sim.schedule(Duration.ofMillis(2500), () -> { }));
    assertThat(r.line()).startsWith("identical: 2 runs, ");
    assertThat(r.compared()).as("a small run logs its messages, byte for byte the same").contains(RunDirectory.MESSAGES);
  }

  @Test
  void aMessageLogThatDiffersIsNamed() throws Exception {
    Path a = run("a", "");
    Path b = run("b", "");
    Files.writeString(a.resolve(RunDirectory.MESSAGES), "{\"format\":\"quorumlab-messages/1\"}\n{\"id\":1,\"at\":5}\n");
    Files.writeString(b.resolve(RunDirectory.MESSAGES), "{\"format\":\"quorumlab-messages/1\"}\n{\"id\":1,\"at\":6}\n");
    assertThat(DeterminismCheck.compareFiles(a, b, new ArrayList<>()))
        .isEqualTo("messages.jsonl differs: line 2: first run: {\"id\":1,\"at\":5}; second run: {\"id\":1,\"at\":6}");
  }

  @Test
  void theFirstLineThatDiffersIsNamed() throws Exception {
    Path a = run("a", "{\"index\":0}\n{\"index\":1,\"value\":1}\n");
    Path b = run("b", "{\"index\":0}\n{\"index\":1,\"value\":2}\n");
    List<String> compared = new ArrayList<>();
    assertThat(DeterminismCheck.compareFiles(a, b, compared))
        .isEqualTo("history.jsonl differs: line 2: first run: {\"index\":1,\"value\":1}; second run: {\"index\":1,\"value\":2}");
    assertThat(compared).isEmpty();
  }

  @Test
  void resultsDifferingOnlyInTimingsAndTheirOwnDirectoryAreTheSame() throws Exception {
    Path a = run("a", "");
    Path b = run("b", "");
    Files.writeString(a.resolve(RunDirectory.RESULTS), "{\"checks\":[{\"millis\":3.5,\"dot\":\"" + a.toAbsolutePath() + "/x.dot\",\"n\":1}]}");
    Files.writeString(b.resolve(RunDirectory.RESULTS), "{\"checks\":[{\"millis\":9.1,\"dot\":\"" + b.toAbsolutePath() + "/x.dot\",\"n\":1}]}");
    List<String> compared = new ArrayList<>();
    assertThat(DeterminismCheck.compareFiles(a, b, compared)).isNull();
    assertThat(compared).containsExactly(RunDirectory.HISTORY, RunDirectory.RESULTS, "nodes/n1.log");

    Files.writeString(b.resolve(RunDirectory.RESULTS), "{\"checks\":[{\"millis\":9.1,\"dot\":\"" + b.toAbsolutePath() + "/x.dot\",\"n\":2}]}");
    assertThat(DeterminismCheck.compareFiles(a, b, new ArrayList<>())).isEqualTo("results.json differs: /checks/0/n: first run 1, second run 2");
  }

  private Path run(String name, String history) throws Exception {
    Path dir = Files.createDirectories(out.resolve(name).resolve(RunDirectory.NODES)).getParent();
    Files.writeString(dir.resolve(RunDirectory.HISTORY), history);
    Files.writeString(dir.resolve(RunDirectory.RESULTS), "{}");
    Files.writeString(dir.resolve(RunDirectory.NODES).resolve("n1.log"), "0.5 n1 start\n");
    return dir;
  }
}
