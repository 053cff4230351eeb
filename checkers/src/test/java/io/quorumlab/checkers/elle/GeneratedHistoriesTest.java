package io.quorumlab.checkers.elle;

import static io.quorumlab.checkers.elle.ElleAssertions.listAppend;
import static io.quorumlab.checkers.elle.ElleAssertions.rwRegister;
import static io.quorumlab.checkers.elle.ElleAssertions.types;
import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Verdict;
import io.quorumlab.checkers.elle.SimulatedDb.Mode;
import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.OpType;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Histories of a simulated database in several isolation modes, with aborts and indeterminate
 * commits: the checkers find nothing the mode forbids, and find the anomalies the mode allows.
 */
class GeneratedHistoriesTest {
  private static final int TXNS = 3000;
  private static final int CONCURRENCY = 6;

  private static History history(Mode mode, boolean lists, long seed) {
    History h = new SimulatedDb(mode, lists, seed, 4, 12, 0.05, 0.05).run(TXNS, CONCURRENCY);
    // the generator really produces aborts and indeterminate results
    assertThat(h.ops()).anyMatch(op -> op.type() == OpType.FAIL);
    assertThat(h.ops()).anyMatch(op -> op.type() == OpType.INFO);
    return h;
  }

  private static String why(CheckResult r) {
    return r.summary() + "\n" + String.join("\n", r.explanation().subList(0, Math.min(40, r.explanation().size())));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void serializableListAppendIsStrictSerializable(long seed) {
    CheckResult r = listAppend(history(Mode.SERIALIZABLE, true, seed));
    assertThat(r.verdict()).as(why(r)).isEqualTo(Verdict.VALID);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void serializableRegistersAreStrictSerializable(long seed) {
    CheckResult r = rwRegister(history(Mode.SERIALIZABLE, false, seed));
    assertThat(r.verdict()).as(why(r)).isEqualTo(Verdict.VALID);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void snapshotIsolationListAppendHasWriteSkewOnly(long seed) {
    History h = history(Mode.SNAPSHOT_ISOLATION, true, seed);
    CheckResult si = listAppend(h, "snapshot-isolation");
    assertThat(si.verdict()).as(why(si)).isEqualTo(Verdict.VALID);
    CheckResult ser = listAppend(h, "serializable");
    assertThat(ser.verdict()).as(why(ser)).isEqualTo(Verdict.INVALID);
    assertThat(types(ser)).as(why(ser)).containsExactly("G2-item");
    assertThat(ElleAssertions.not(ser)).containsExactly("repeatable-read");
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void snapshotIsolationRegistersAreSnapshotIsolated(long seed) {
    History h = history(Mode.SNAPSHOT_ISOLATION, false, seed);
    CheckResult si = rwRegister(h, "snapshot-isolation");
    assertThat(si.verdict()).as(why(si)).isEqualTo(Verdict.VALID);
    CheckResult ser = rwRegister(h, "serializable");
    assertThat(types(ser)).as(why(ser)).isSubsetOf("G2-item");
  }

  private static final Set<String> READ_COMMITTED_ALLOWS = Set.of("G-single-item", "G-nonadjacent-item", "G2-item", "lost-update", "internal");

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void readCommittedListAppendHasReadSkewAndLostUpdates(long seed) {
    History h = history(Mode.READ_COMMITTED, true, seed);
    CheckResult rc = listAppend(h, "read-committed");
    assertThat(rc.verdict()).as(why(rc)).isEqualTo(Verdict.VALID);
    CheckResult ser = listAppend(h, "serializable");
    assertThat(ser.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(types(ser)).as(why(ser)).isSubsetOf(READ_COMMITTED_ALLOWS).contains("G-single-item", "lost-update");
    assertThat(ElleAssertions.not(ser)).doesNotContain("read-committed", "read-uncommitted");
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void readCommittedRegistersHaveLostUpdates(long seed) {
    History h = history(Mode.READ_COMMITTED, false, seed);
    CheckResult rc = rwRegister(h, "read-committed");
    assertThat(rc.verdict()).as(why(rc)).isEqualTo(Verdict.VALID);
    CheckResult ser = rwRegister(h, "serializable");
    assertThat(types(ser)).as(why(ser)).isSubsetOf(READ_COMMITTED_ALLOWS).contains("lost-update");
  }
}
