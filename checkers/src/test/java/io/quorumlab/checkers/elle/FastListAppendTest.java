package io.quorumlab.checkers.elle;

import static io.quorumlab.checkers.elle.ElleAssertions.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorumlab.checkers.CheckContext;
import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Corpora;
import io.quorumlab.checkers.Verdict;
import io.quorumlab.checkers.elle.SimulatedDb.Mode;
import io.quorumlab.checkers.history.Histories;
import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.HistoryFormat;
import io.quorumlab.checkers.history.HistoryParseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The list-append checker's file path (columns, {@link FastListAppend}) answers exactly as the
 * general path (the history read as ops, {@link ElleChecker#check}) when it answers, answers for
 * clean histories, and leaves everything else (anomalies, cycles, lines it cannot hold, bad lines)
 * to the general path, never deciding an invalid history itself.
 */
class FastListAppendTest {
  @TempDir Path tmp;

  private static final List<List<String>> MODELS = List.of(List.of(), List.of("serializable"), List.of("strong-session-serializable"));

  @ParameterizedTest
  @EnumSource(Mode.class)
  void generatedHistoriesGetTheGeneralPathsResult(Mode mode) throws Exception {
    int answered = 0;
    for (long seed = 1; seed <= 3; seed++) {
      History made = new SimulatedDb(mode, true, seed, 4, 12, 0.05, 0.05).run(1500, 6);
      for (HistoryFormat f : HistoryFormat.values()) {
        Path file = tmp.resolve("h-" + mode + seed + "." + f.wireName());
        Histories.write(made, file, f);
        for (List<String> models : MODELS) if (agrees(file, f, models)) answered++;
      }
    }
    // the file path must answer for valid histories, else this test would show nothing
    if (mode == Mode.SERIALIZABLE) assertThat(answered).isGreaterThan(0);
    if (mode == Mode.READ_COMMITTED) assertThat(answered).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"huge-scc.edn", "si-without-g-single.edn"})
  void corporaGetTheGeneralPathsResult(String name) throws Exception {
    Path file = Corpora.dir().resolve("elle").resolve(name);
    for (List<String> models : MODELS) agrees(file, HistoryFormat.EDN, models);
    assertThat(agrees(file, HistoryFormat.EDN, List.of())).isFalse(); // invalid under strict-serializable
  }

  @Test
  void aValidHistoryIsJudgedInColumnsInBothFormats() throws Exception {
    History made = validHistory();
    for (HistoryFormat f : HistoryFormat.values()) {
      Path file = tmp.resolve("valid." + f.wireName());
      Histories.write(made, file, f);
      assertThat(agrees(file, f, List.of())).isTrue();
    }
  }

  @Test
  void linesOfOtherShapesAreReadAsTheGeneralReaderReadsThem() throws Exception {
    History made = validHistory();
    Path file = tmp.resolve("shapes.edn");
    Histories.write(made, file, HistoryFormat.EDN);
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    List<String> edited = new ArrayList<>();
    edited.add("{:process :nemesis, :type :info, :f :start-partition, :value {\"n1\" #{\"n2\"}}}");
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (i % 7 == 3) line = line.replace(", :time ", ",, :error [:timeout \"x\"], :time   ");
      if (i % 11 == 5) line = line.replace(":f :txn", ":f \"txn\"").replaceAll("\\[:r (\\d+) nil\\]", "(:r $1 nil)");
      if (i % 13 == 2) line = "  " + line + " ";
      edited.add(line);
      if (i == lines.size() / 2) edited.add("{:process :nemesis, :type :info, :f :stop-partition, :value nil}");
    }
    Files.write(file, edited);
    assertThat(agrees(file, HistoryFormat.EDN, List.of())).isTrue();
  }

  @Test
  void keysOnlyEverReadAreJudgedInColumns() throws Exception {
    History made = validHistory();
    Path file = tmp.resolve("reads.edn");
    Histories.write(made, file, HistoryFormat.EDN);
    StringBuilder reads = new StringBuilder();
    for (long k = 1000; k < 1300; k++) reads.append(reads.length() == 0 ? "" : " ").append("[:r ").append(k).append(" %s]");
    String mops = reads.toString();
    Files.writeString(file, "{:process 99, :type :invoke, :f :txn, :value [" + mops.replace("%s", "nil") + "]}\n"
        + "{:process 99, :type :ok, :f :txn, :value [" + mops.replace("%s", "[]") + "]}\n", java.nio.file.StandardOpenOption.APPEND);
    assertThat(agrees(file, HistoryFormat.EDN, List.of())).isTrue();
  }

  @Test
  void valuesTheColumnsCannotHoldAreLeftToTheGeneralPath() throws Exception {
    History made = validHistory();
    Path file = tmp.resolve("keys.jsonl");
    Histories.write(made, file, HistoryFormat.JSONL);
    String text = Files.readString(file).replace("[\"r\",0,", "[\"r\",\"zero\",").replace("[\"append\",0,", "[\"append\",\"zero\",");
    Files.writeString(file, text);
    assertThat(fileCheck(file, HistoryFormat.JSONL, List.of())).isEmpty();
    assertThat(general(file, List.of()).verdict()).isEqualTo(Verdict.VALID);
  }

  @Test
  void aReadThatIsNotAPrefixOfTheKeysLongestIsLeftToTheGeneralPath() throws Exception {
    History made = validHistory();
    Path file = tmp.resolve("order.edn");
    Histories.write(made, file, HistoryFormat.EDN);
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    int at = 0;
    java.util.regex.Pattern twoFirst = java.util.regex.Pattern.compile("\\[:r (\\d+) \\[(\\d+) (\\d+)");
    while (!(lines.get(at).contains(":type :ok") && twoFirst.matcher(lines.get(at)).find())) at++;
    // the first two elements of one committed read swapped: the columns hold one list per key, so they give up
    lines.set(at, twoFirst.matcher(lines.get(at)).replaceFirst("[:r $1 [$3 $2"));
    Files.write(file, lines);
    assertThat(fileCheck(file, HistoryFormat.EDN, List.of())).isEmpty();
    assertThat(general(file, List.of()).verdict()).isEqualTo(Verdict.INVALID);
  }

  @Test
  void aBadLineIsLeftToTheGeneralReaderWhichSaysWhere() throws Exception {
    History made = validHistory();
    Path file = tmp.resolve("bad.edn");
    Histories.write(made, file, HistoryFormat.EDN);
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    int bad = 40;
    while (!lines.get(bad).contains(":type :ok")) bad++;
    lines.set(bad, lines.get(bad).replace(":type :ok", ":type :okay"));
    Files.write(file, lines);
    assertThat(fileCheck(file, HistoryFormat.EDN, List.of())).isEmpty();
    assertThatThrownBy(() -> Histories.read(file)).isInstanceOf(HistoryParseException.class).hasMessageContaining(":" + (bad + 1) + ":");
  }

  @Test
  void aMalformedTransactionIsLeftToTheGeneralPath() throws Exception {
    History made = validHistory();
    Path file = tmp.resolve("twice.edn");
    Histories.write(made, file, HistoryFormat.EDN);
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    int at = 0;
    while (!(lines.get(at).contains(":type :ok") && lines.get(at).contains("[:append "))) at++;
    String line = lines.get(at);
    String append = line.substring(line.indexOf("[:append "), line.indexOf(']', line.indexOf("[:append ")) + 1);
    lines.set(at, line.replace(append, append + " " + append));
    Files.write(file, lines);
    assertThat(fileCheck(file, HistoryFormat.EDN, List.of())).isEmpty();
    assertThatThrownBy(() -> general(file, List.of())).hasMessageContaining("already appended");
  }

  /** A strict-serializable history: one client at a time, so realtime order agrees with the serial order. */
  private static History validHistory() {
    return new SimulatedDb(Mode.SERIALIZABLE, true, 5, 4, 12, 0.05, 0.05).run(800, 1);
  }

  /**
   * Whether the file path answered; either way the answer a user gets (the file path's, else the
   * general path's) equals the general path's.
   */
  private static boolean agrees(Path file, HistoryFormat f, List<String> models) {
    CheckResult expected = general(file, models);
    Optional<CheckResult> fast = fileCheck(file, f, models);
    fast.ifPresent(r -> {
      assertThat(expected.verdict()).isEqualTo(Verdict.VALID);
      assertSame(r, expected);
    });
    return fast.isPresent();
  }

  private static ElleChecker checker(List<String> models) {
    return new ElleChecker(ElleAnalyzer.LIST_APPEND, options(models.toArray(String[]::new)));
  }

  private static CheckResult general(Path file, List<String> models) {
    return checker(models).check(Histories.read(file), CheckContext.defaults());
  }

  private static Optional<CheckResult> fileCheck(Path file, HistoryFormat f, List<String> models) {
    return checker(models).checkFile(file, f, CheckContext.defaults());
  }

  private static void assertSame(CheckResult actual, CheckResult expected) {
    ElleAssertions.assertSameResult(actual, expected);
    assertThat(actual.artifacts()).isEqualTo(expected.artifacts());
  }
}
