package io.quorumlab.checkers.elle;

import static io.quorumlab.checkers.elle.ElleAssertions.listAppend;
import static io.quorumlab.checkers.elle.ElleAssertions.rwRegister;
import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Corpora;
import io.quorumlab.checkers.Verdict;
import io.quorumlab.checkers.elle.SimulatedDb.Mode;
import io.quorumlab.checkers.history.Histories;
import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.HistoryFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Elle checkers judge a history read by the streaming reader (fast path, compact values) as
 * they judge the same history read whole by the EDN and JSON libraries, and as the history the
 * generator made in memory: same verdict, same anomalies, same explanation. Valid histories and
 * histories whose isolation mode plants anomalies, in both formats.
 */
class StreamedHistoriesVerdictTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @EnumSource(Mode.class)
  void generatedHistoriesGetTheSameResults(Mode mode) throws Exception {
    for (boolean lists : new boolean[] {true, false}) {
      for (long seed = 1; seed <= 2; seed++) {
        History made = new SimulatedDb(mode, lists, seed, 4, 12, 0.05, 0.05).run(1500, 6);
        CheckResult expected = check(made, lists);
        if (mode == Mode.READ_COMMITTED) assertThat(expected.verdict()).isEqualTo(Verdict.INVALID);
        for (HistoryFormat f : HistoryFormat.values()) {
          Path file = tmp.resolve("h-" + mode + lists + seed + "." + f.wireName());
          Histories.write(made, file, f);
          History streamed = Histories.read(file);
          History whole = Histories.parse(Files.readString(file, StandardCharsets.UTF_8), f, file);
          assertThat(streamed).isEqualTo(whole);
          assertSame(check(streamed, lists), expected);
          assertSame(check(whole, lists), expected);
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"huge-scc.edn", "si-without-g-single.edn"})
  void corporaGetTheSameResults(String name) throws Exception {
    Path file = Corpora.dir().resolve("elle").resolve(name);
    History streamed = Histories.read(file);
    History whole = Histories.parse(Files.readString(file, StandardCharsets.UTF_8), HistoryFormat.EDN, file);
    assertThat(streamed).isEqualTo(whole);
    assertSame(listAppend(streamed), listAppend(whole));
  }

  @Test
  void plantedAnomaliesAreFoundInStreamedHistories() throws Exception {
    History made = new SimulatedDb(Mode.SNAPSHOT_ISOLATION, true, 7, 4, 12, 0.05, 0.05).run(3000, 6);
    Path file = tmp.resolve("si.edn");
    Histories.write(made, file, HistoryFormat.EDN);
    CheckResult r = listAppend(Histories.read(file));
    assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(r.anomalies().keySet()).containsAnyOf("G2-item", "G2-item-realtime", "G-single-item-realtime");
    assertSame(r, listAppend(made));
  }

  private static CheckResult check(History h, boolean lists) {
    return lists ? listAppend(h) : rwRegister(h);
  }

  private static void assertSame(CheckResult actual, CheckResult expected) {
    ElleAssertions.assertSameResult(actual, expected);
  }
}
