package io.quorumlab.results.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Verdict;
import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.Op;
import io.quorumlab.checkers.history.OpType;
import io.quorumlab.results.RunDirectory;
import io.quorumlab.results.RunInfo;
import io.quorumlab.results.RunResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The message diagram of a small simulated run: lanes, arrows, the gossip toggle, drops, delays, faults and the blamed operations. */
class MessageDiagramTest {
  @TempDir Path runDir;

  private static final long S = 1_000_000_000L;

  /** Process 0 writes 1 through n1 (its replica write to n2 is cut), a partition, then process 1 reads nothing through n2. */
  private static History history() {
    return new History(List.of(
        new Op(0, S, 0, OpType.INVOKE, "write", 1L, 1L, "n1", null, Map.of()),
        new Op(1, S + 200_000, 0, OpType.OK, "write", 1L, 1L, "n1", null, Map.of()),
        new Op(2, S + 100_000_000, Op.NEMESIS, OpType.INFO, "start-partition", null, "n1 | n2", null, null, Map.of()),
        new Op(3, S + 200_000_000, 1, OpType.INVOKE, "read", 1L, null, "n2", null, Map.of()),
        new Op(4, S + 200_300_000, 1, OpType.OK, "read", 1L, null, "n2", null, Map.of()),
        new Op(5, S + 500_000_000, Op.NEMESIS, OpType.INFO, "stop-partition", null, "fully connected", null, null, Map.of())));
  }

  private static final List<String> MESSAGES = List.of(
      "{\"format\":\"quorumlab-messages/1\",\"nodes\":[\"n1\",\"n2\"],\"clients\":{\"client0\":\"n1\",\"client1\":\"n2\"},\"max-client-requests\":300}",
      "{\"id\":1,\"type\":\"client-request\",\"from\":\"client0\",\"to\":\"n1\",\"sent\":1000000000,\"due\":1000050000,\"fate\":\"delivered\",\"at\":1000050000,\"key\":\"register/1\",\"text\":\"put register/1 = \\\"1\\\"\"}",
      "{\"id\":2,\"type\":\"replica-write\",\"from\":\"n1\",\"to\":\"n2\",\"sent\":1000050000,\"fate\":\"dropped\",\"at\":1000050000,\"why\":\"link cut\",\"cause\":1,\"key\":\"register/1\",\"text\":\"write register/1 (op 1): \\\"1\\\" ts +1.000050 s by n1\"}",
      "{\"id\":3,\"type\":\"client-reply\",\"from\":\"n1\",\"to\":\"client0\",\"sent\":1000150000,\"due\":1000200000,\"fate\":\"delivered\",\"at\":1000200000,\"answers\":1,\"key\":\"register/1\",\"text\":\"put ok, 1 ack\"}",
      "{\"id\":4,\"type\":\"gossip\",\"from\":\"n1\",\"to\":\"n2\",\"sent\":1100000000,\"due\":1100060000,\"fate\":\"delivered\",\"at\":1100060000,\"text\":\"gossip syn: 2 digests\"}",
      "{\"id\":5,\"type\":\"client-request\",\"from\":\"client1\",\"to\":\"n2\",\"sent\":1200000000,\"due\":1200050000,\"fate\":\"delivered\",\"at\":1200050000,\"key\":\"register/1\",\"text\":\"get register/1\"}",
      "{\"id\":6,\"type\":\"replica-read\",\"from\":\"n2\",\"to\":\"n1\",\"sent\":1200050000,\"due\":1200150000,\"fate\":\"delivered\",\"at\":1200200000,\"slowed\":50000,\"cause\":5,\"key\":\"register/1\",\"text\":\"read register/1 <b>(op 1, a get)</b>\"}",
      "{\"id\":7,\"type\":\"client-reply\",\"from\":\"n2\",\"to\":\"client1\",\"sent\":1200200000,\"due\":1200300000,\"fate\":\"delivered\",\"at\":1200300000,\"answers\":5,\"key\":\"register/1\",\"text\":\"get ok from 1 replica: nothing\"}",
      "{\"id\":8,\"type\":\"anti-entropy\",\"from\":\"n1\",\"to\":\"n2\",\"sent\":1300000000,\"due\":1300060000,\"fate\":\"in-flight\",\"text\":\"anti-entropy start (session 1)\"}");

  private RunResults results(String backendTime) {
    RunInfo info = new RunInfo("register", "sim", Map.of(RunInfo.TIME, backendTime, "seed", 7L), 0, List.of(), null);
    CheckResult stale = new CheckResult("stale-read", Verdict.INVALID, "1 stale read", List.of(), Map.of("stale-read", 1L),
        Map.of("examples", List.of(Map.of("read-index", 3L, "missed-write-index", 0L, "missed-write-known-index", 1L))), List.of());
    return RunResults.of(runDir, info, history(), List.of(stale));
  }

  private String section() throws IOException {
    Files.write(runDir.resolve(RunDirectory.MESSAGES), MESSAGES);
    return MessageDiagram.section(runDir, results(RunInfo.SIMULATED), history());
  }

  @Test
  void drawsALanePerProcessAndPerNodeAndAnArrowPerMessage() throws IOException {
    String html = section();
    assertThat(html).contains("id=\"messages\"").contains(">process 0<").contains(">process 1<").contains(">n1<").contains(">n2<");
    String plain = between(html, "md-plain", "md-with-gossip");
    String withGossip = between(html, "md-with-gossip", "md-legend");
    assertThat(count(plain, "<line class=\"md-m ")).as("every message but the gossip").isEqualTo(7);
    assertThat(count(withGossip, "<line class=\"md-m ")).isEqualTo(8);
    assertThat(plain).doesNotContain("t-gossip");
    assertThat(withGossip).contains("t-gossip");
    assertThat(html).contains("<input type=\"checkbox\" id=\"md-gossip\" class=\"md-toggle\">").contains("mdZoom(2)");
  }

  @Test
  void marksDropsDelaysMessagesInFlightAndFaults() throws IOException {
    String plain = between(section(), "md-plain", "md-with-gossip");
    assertThat(plain).contains("md-dropped").contains("\u2715").contains("dropped as sent: link cut");
    assertThat(plain).contains("md-delayed").contains("delayed 50 \u00b5s by a slow link").contains("waited 50 \u00b5s for its paused receiver");
    assertThat(plain).contains("md-inflight").contains("still in flight when the run ended");
    assertThat(plain).contains("class=\"md-fault\"").contains("partition: n1 | n2");
  }

  @Test
  void highlightsTheOperationsTheCheckersBlameAndTheirMessages() throws IOException {
    String plain = between(section(), "md-plain", "md-with-gossip");
    assertThat(plain).contains("md-op o-ok md-blamed md-culprit").contains("\u26a0 stale-read: read");
    assertThat(plain).contains("md-op o-ok md-blamed\"").contains("\u26a0 stale-read: missed write");
    // The read's request, its replica read (through the chain of causes) and its reply; the write's too.
    assertThat(count(plain, " md-hl")).isEqualTo(6);
    assertThat(plain).contains("part of read 1 \u2192 nil by process 1");
  }

  @Test
  void tooltipsNameTheMessageAndWhatItCarriedEscaped() throws IOException {
    String html = section();
    assertThat(html).contains("#1 client-request: process 0 \u2192 n1\nput register/1 = &quot;1&quot;");
    assertThat(html).contains("read register/1 &lt;b&gt;(op 1, a get)&lt;/b&gt;").doesNotContain("<b>(op");
  }

  @Test
  void aMessageTypeFromTheFileCannotBreakOutOfItsAttribute() throws IOException {
    Files.write(runDir.resolve(RunDirectory.MESSAGES), List.of(MESSAGES.get(0),
        MESSAGES.get(2).replace("\"type\":\"replica-write\"", "\"type\":\"x\\\" onmouseover=\\\"alert(1)\"")));
    String html = MessageDiagram.section(runDir, results(RunInfo.SIMULATED), history());
    assertThat(html).contains("t-x&quot; onmouseover=&quot;alert(1)").doesNotContain("onmouseover=\"");
  }

  @Test
  void onlySimulatedRunsHaveTheSectionAndOnlySmallOnesADiagram() throws IOException {
    assertThat(MessageDiagram.section(runDir, results(RunInfo.SIMULATED), history()))
        .contains("No message diagram").doesNotContain("<svg");
    Files.write(runDir.resolve(RunDirectory.MESSAGES), MESSAGES);
    assertThat(MessageDiagram.section(runDir, results("real"), history())).isEmpty();
    Files.writeString(runDir.resolve(RunDirectory.MESSAGES), "{\"format\":\"something else\"}\n");
    assertThat(MessageDiagram.section(runDir, results(RunInfo.SIMULATED), history())).contains("could not be read").doesNotContain("<svg");
  }

  private static String between(String s, String from, String to) {
    int i = s.indexOf(from);
    return s.substring(i, s.indexOf(to, i));
  }

  private static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) n++;
    return n;
  }
}
