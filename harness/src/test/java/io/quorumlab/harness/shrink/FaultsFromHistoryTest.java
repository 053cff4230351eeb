package io.quorumlab.harness.shrink;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.Op;
import io.quorumlab.checkers.history.OpType;
import io.quorumlab.harness.nemesis.Grudges;
import io.quorumlab.harness.run.FaultScript;
import io.quorumlab.harness.run.ScriptedFault;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The faults a history records, read back as a script: what each did, from when to when. */
class FaultsFromHistoryTest {
  private static final List<String> NODES = List.of("n1", "n2", "n3", "n4", "n5");
  private static final long S = 1_000_000_000L;
  private final List<Op> ops = new ArrayList<>();

  /** A nemesis op as the run records it: an invoke without a value, then the completion with what it did. */
  private void nemesis(long time, String f, String value) {
    ops.add(new Op(ops.size(), time, Op.NEMESIS, OpType.INFO, f, null, null, null, null, Map.of()));
    ops.add(new Op(ops.size(), time, Op.NEMESIS, OpType.INFO, f, null, value, null, null, Map.of()));
  }

  @Test
  void partitionsKillsAndPausesBecomeScriptedFaultsTimedFromTheLoadsStart() {
    Map<String, Set<String>> ring = Grudges.majoritiesRing(NODES, new java.util.SplittableRandom(3));
    nemesis(11 * S, "start-partition", "halves: n1 n2 | n3 n4 n5");
    nemesis(13 * S, "stop-partition", "fully connected");
    nemesis(15 * S, "start-kill", "killed n2 n4 (minority)");
    nemesis(17 * S, "stop-kill", "restarted n2 n4");
    nemesis(19 * S, "start-partition", "majorities-ring: " + Grudges.describe(ring, NODES));
    nemesis(20 * S, "start-pause", "paused n5 (one)");
    nemesis(21 * S, "heal", "links restored, every node running");

    FaultScript script = FaultsFromHistory.of(new History(ops), 10 * S, NODES).orElseThrow();

    assertThat(script.faults()).containsExactly(
        ScriptedFault.partition(1 * S, 3 * S, Grudges.complete(List.of(Set.of("n1", "n2"), Set.of("n3", "n4", "n5")))),
        ScriptedFault.onNodes("kill", 5 * S, 7 * S, List.of("n2", "n4")),
        ScriptedFault.partition(9 * S, 11 * S, ring),
        ScriptedFault.onNodes("pause", 10 * S, 11 * S, List.of("n5")));
  }

  @Test
  void aScriptedFaultsOwnRecordReadsBackAsTheSameFault() {
    ScriptedFault f = ScriptedFault.partition(2 * S, 4 * S, Map.of("n1", Set.of("n3")));
    nemesis(12 * S, "start-partition", f.describe(NODES));
    nemesis(14 * S, "stop-partition", "ended");
    ScriptedFault k = ScriptedFault.onNodes("kill", 5 * S, 6 * S, List.of("n2"));
    nemesis(15 * S, "start-kill", k.describe(NODES));
    nemesis(16 * S, "heal", "links restored, every node running");
    assertThat(FaultsFromHistory.of(new History(ops), 10 * S, NODES).orElseThrow().faults()).containsExactly(f, k);
  }

  @Test
  void aFaultWithoutAnExactRecordMeansNoScript() {
    nemesis(11 * S, "start-slow", "slowed every link by 50 ms");
    assertThat(FaultsFromHistory.of(new History(ops), 10 * S, NODES)).isEmpty();
  }
}
