package io.quorumlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorumlab.store.client.RequestOptions;
import io.quorumlab.store.client.StoreException;
import io.quorumlab.store.client.UnavailableException;
import io.quorumlab.store.config.FsyncPolicy;
import io.quorumlab.store.config.NodeConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The disk nemesis on simulated disks: power loss, torn writes and corruption, and how the store copes. */
class DiskFaultTest {

  private static Simulation cluster(int nodes, int n, int w, int r, FsyncPolicy fsync) {
    SimConfig c = SimConfig.of(nodes, 11);
    NodeConfig t = c.template().toBuilder().n(n).w(w).r(r).fsync(fsync).antiEntropyIntervalMs(2_000).build();
    // kill is kill -9, as on the harness's sim backend: only crash() loses the page cache.
    return Clusters.started(c.withTemplate(t).withDisk(DiskConfig.defaults().withKillIsPowerLoss(false)), Duration.ofSeconds(3));
  }

  @Test
  void aCrashLosesWhatWasNotSyncedWhereAKillDoesNot() throws StoreException {
    Simulation sim = cluster(1, 1, 1, 1, FsyncPolicy.NEVER);
    SimClient c = sim.client("n1");
    for (int i = 0; i < 10; i++) Clusters.put(sim, c, "k" + i, "v" + i);
    sim.kill("n1");
    sim.restart("n1");
    sim.runFor(Duration.ofSeconds(1));
    assertThat(Clusters.get(sim, sim.client("n1"), "k3")).containsExactly("v3");
    assertThat(sim.crash("n1", false, 1)).startsWith("0 unsynced writes lost"); // the kill's page cache was written back
    sim.restart("n1");
    sim.runFor(Duration.ofSeconds(1));
    for (int i = 10; i < 20; i++) Clusters.put(sim, sim.client("n1"), "k" + i, "v" + i);
    assertThat(sim.crash("n1", false, 1)).matches("\\d+ unsynced writes lost");
    sim.restart("n1");
    sim.runFor(Duration.ofSeconds(1));
    assertThat(Clusters.get(sim, sim.client("n1"), "k3")).containsExactly("v3");
    assertThat(Clusters.get(sim, sim.client("n1"), "k13")).isEmpty();
  }

  @Test
  void aTornWriteIsDiscardedAtRestartAndTheNodeServes() throws StoreException {
    for (long seed = 1; seed <= 4; seed++) {
      Simulation sim = cluster(1, 1, 1, 1, FsyncPolicy.NEVER);
      for (int i = 0; i < 20; i++) Clusters.put(sim, sim.client("n1"), "k" + i, "value " + i);
      String done = sim.crash("n1", true, seed);
      sim.restart("n1");
      sim.runFor(Duration.ofSeconds(1));
      assertThat(sim.node("n1").isUp()).isTrue();
      SimClient c = sim.client("n1");
      for (int i = 0; i < 20; i++) {
        List<String> got = Clusters.get(sim, c, "k" + i);
        assertThat(got).as(done).isIn(List.of(), List.of("value " + i));
      }
    }
  }

  @Test
  void aCorruptRecordIsNeverServedAndIsRepairedFromTheOtherReplicas() throws StoreException {
    Simulation sim = cluster(3, 3, 3, 1, FsyncPolicy.ALWAYS);
    SimClient writer = sim.client("n1");
    for (int i = 0; i < 30; i++) Clusters.put(sim, writer, "k" + i, "v" + i);
    sim.runFor(Duration.ofSeconds(1));
    List<String> corrupted = sim.corrupt("n2", 30, 5);
    assertThat(corrupted).hasSize(30);
    // Reads ask every replica and answer from the first R=1 good replies: n2's damaged records never count.
    for (int i = 0; i < 30; i++) {
      assertThat(Clusters.get(sim, sim.client("n2"), "k" + i)).containsExactly("v" + i);
    }
    // Anti-entropy (every 2 s here) replaces what n2's reads found damaged.
    sim.runFor(Duration.ofSeconds(10));
    for (int i = 0; i < 30; i++) {
      assertThat(sim.node("n2").node().localState("k" + i).live()).extracting(b -> new String(b, StandardCharsets.UTF_8))
          .containsExactly("v" + i);
    }
  }

  @Test
  void aKeyCorruptOnEveryReplicaIsRefusedNotInvented() throws StoreException {
    Simulation sim = cluster(1, 1, 1, 1, FsyncPolicy.ALWAYS);
    Clusters.put(sim, sim.client("n1"), "k", "v");
    assertThat(sim.corrupt("n1", 5, 1)).containsExactly("k");
    assertThatThrownBy(() -> Clusters.get(sim, sim.client("n1"), "k")).isInstanceOf(UnavailableException.class)
        .hasMessageContaining("could not read");
  }
}
