package io.quorumlab.harness.nemesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.harness.cluster.DiskFault;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DiskNemesisTest {

  @Test
  void aCrashTakesDownItsTargetsAndStopRestartsExactlyThem() throws Exception {
    RecordingCluster c = new RecordingCluster(5);
    DiskNemesis n = new DiskNemesis(new DiskPlan(List.of(DiskFault.CRASH), List.of(Targets.MAJORITY)));
    String started = n.start(c, new SplittableRandom(1));
    assertThat(started).startsWith("crash (majority) ");
    assertThat(c.killed()).hasSize(3);
    assertThat(n.active()).isTrue();
    assertThat(n.stop(c)).startsWith("restarted ");
    assertThat(c.killed()).isEmpty();
    assertThat(n.active()).isFalse();
  }

  @Test
  void corruptionLeavesTheNodesRunningAndNothingToUndo() throws Exception {
    RecordingCluster c = new RecordingCluster(3);
    DiskNemesis n = new DiskNemesis(new DiskPlan(List.of(DiskFault.CORRUPT), List.of(Targets.ALL)));
    assertThat(n.start(c, new SplittableRandom(2))).startsWith("corrupt (all) n1: done; n2: done; n3: done");
    assertThat(c.killed()).isEmpty();
    assertThat(n.active()).isFalse();
    assertThat(n.stop(c)).startsWith("nothing crashed");
  }

  @Test
  void aNodeAlreadyDownIsLeftAlone() throws Exception {
    RecordingCluster c = new RecordingCluster(1);
    c.kill("n1");
    DiskNemesis n = new DiskNemesis(new DiskPlan(List.of(DiskFault.TORN), List.of(Targets.ONE)));
    assertThat(n.start(c, new SplittableRandom(3))).isEqualTo("torn (one) n1: not running, left alone");
    assertThat(n.active()).isFalse();
  }
}
