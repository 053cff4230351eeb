package io.quorumlab.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.Verdict;
import io.quorumlab.checkers.history.Histories;
import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.HistoryFormat;
import io.quorumlab.checkers.history.Op;
import io.quorumlab.checkers.history.OpType;
import io.quorumlab.harness.cli.Main;
import io.quorumlab.results.ResultsReader;
import io.quorumlab.results.ResultsWriter;
import io.quorumlab.results.RunDirectory;
import io.quorumlab.results.RunInfo;
import io.quorumlab.results.write.RunWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
  @TempDir Path root;

  private int report(StringWriter out, StringWriter err, String... args) {
    var cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  /** A set run whose final read misses the acknowledged add of 2. */
  private Path storedSetRun() throws Exception {
    Path dir = RunDirectory.create(root, "set");
    ResultsWriter.writeSpec(dir, RunSpec.defaults(3).withWorkload("set").toMap());
    List<Op> ops = new ArrayList<>();
    ops.add(new Op(0, 1_000, 0, OpType.INVOKE, "add", 0L, 1L, "n1", null, Map.of()));
    ops.add(new Op(1, 2_000, 0, OpType.OK, "add", 0L, 1L, "n1", null, Map.of()));
    ops.add(new Op(2, 3_000, 1, OpType.INVOKE, "add", 0L, 2L, "n2", null, Map.of()));
    ops.add(new Op(3, 4_000, 1, OpType.OK, "add", 0L, 2L, "n2", null, Map.of()));
    ops.add(new Op(4, 5_000, 2, OpType.INVOKE, "read", 0L, null, "n3", null, Map.of()));
    ops.add(new Op(5, 6_000, 2, OpType.OK, "read", 0L, List.of(1L), "n3", null, Map.of()));
    Histories.write(new History(ops), dir.resolve(RunDirectory.HISTORY), HistoryFormat.JSONL);
    return dir;
  }

  /** A register run killed with SIGKILL: a spec and a valid history, but no results.json. */
  private Path killedRegisterRun(String historyTail) throws Exception {
    Path dir = RunDirectory.create(root, "register");
    ResultsWriter.writeSpec(dir, RunSpec.defaults(3).toMap());
    List<Op> ops = List.of(
        new Op(0, 1_000, 0, OpType.INVOKE, "write", 0L, 1L, "n1", null, Map.of()),
        new Op(1, 2_000, 0, OpType.OK, "write", 0L, 1L, "n1", null, Map.of()),
        new Op(2, 3_000, 1, OpType.INVOKE, "read", 0L, null, "n2", null, Map.of()),
        new Op(3, 4_000, 1, OpType.OK, "read", 0L, 1L, "n2", null, Map.of()),
        new Op(4, 5_000, 2, OpType.INVOKE, "write", 0L, 2L, "n3", null, Map.of()));
    Files.writeString(dir.resolve(RunDirectory.HISTORY), Histories.toString(new History(ops), HistoryFormat.JSONL) + historyTail);
    return dir;
  }

  @Test
  void aRunThatWasKilledIsUnknownAndSaysWhyWhateverItsPrefixShows() throws Exception {
    Path dir = killedRegisterRun("");
    StringWriter out = new StringWriter();

    assertThat(report(out, new StringWriter(), "report", dir.toString())).isEqualTo(2);
    assertThat(out.toString()).contains("verdict     UNKNOWN: the run did not finish: it wrote no results.json")
        .contains("(exit 2)").doesNotContain("VALID:");
    assertThat(ResultsReader.read(dir).verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(ResultsReader.read(dir).checks()).allMatch(c -> c.verdict() == Verdict.VALID);
    // Reporting again keeps the reason: the results it wrote say the run did not finish.
    StringWriter again = new StringWriter();
    assertThat(report(again, new StringWriter(), "report", dir.toString())).isEqualTo(2);
    assertThat(again.toString()).contains("UNKNOWN: the run did not finish");
  }

  @Test
  void aKilledRunsHalfWrittenLastLineIsLeftOut() throws Exception {
    Path dir = killedRegisterRun("{\"index\":5,\"time\":6000,\"process\":2,\"type\":\"ok\",\"f\":\"wri");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    assertThat(report(out, err, "report", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("left out the half-written last line").doesNotContain("\tat ");
    assertThat(out.toString()).contains("UNKNOWN: the run did not finish");
  }

  @Test
  void rechecksAStoredRunAndWritesItsResultsAndReport() throws Exception {
    Path dir = storedSetRun();
    RunWriter.write(dir, new RunInfo("set", "local", ResultsReader.readSpec(dir), 0, List.of(), null),
        Histories.read(dir.resolve(RunDirectory.HISTORY)), List.of());
    StringWriter out = new StringWriter();
    int code = report(out, new StringWriter(), "report", dir.toString());
    assertThat(code).isEqualTo(1);
    assertThat(dir.resolve(RunDirectory.REPORT)).isNotEmptyFile();
    assertThat(ResultsReader.read(dir).verdict()).isEqualTo(Verdict.INVALID);
    assertThat(ResultsReader.read(dir).anomalies()).containsEntry("lost-add", 1L);
    assertThat(out.toString()).contains("INVALID").contains("element 2 of key 0").contains("report.html");
    // the runs root works too: it stands for its latest run
    assertThat(report(new StringWriter(), new StringWriter(), "report", root.toString())).isEqualTo(1);
  }

  @Test
  void refusesADirectoryThatIsNotARun() throws Exception {
    StringWriter err = new StringWriter();
    Path empty = Files.createDirectories(root.resolve("empty"));
    assertThat(report(new StringWriter(), err, "report", empty.toString())).isEqualTo(254);
    assertThat(err.toString()).startsWith("quorumlab: ").contains("not a run directory");
    StringWriter err2 = new StringWriter();
    assertThat(report(new StringWriter(), err2, "report", root.resolve("missing").toString())).isEqualTo(254);
    assertThat(err2.toString()).contains("is not a directory");
  }

  @Test
  void refusesAMalformedHistoryWithItsLine() throws Exception {
    Path dir = storedSetRun();
    Files.writeString(dir.resolve(RunDirectory.HISTORY), "{\"index\":0,\"process\":0,\"type\":\"ok\",\"f\":\"read\"}\n");
    StringWriter err = new StringWriter();
    assertThat(report(new StringWriter(), err, "report", dir.toString())).isEqualTo(254);
    assertThat(err.toString()).contains("history.jsonl:1:").contains("no open invocation").doesNotContain("\tat ");
  }
}
