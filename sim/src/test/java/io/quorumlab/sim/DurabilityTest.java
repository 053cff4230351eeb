package io.quorumlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.store.config.FsyncPolicy;
import io.quorumlab.store.config.NodeConfig;
import io.quorumlab.store.client.StoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A kill loses exactly what the fsync policy left unsynced. */
class DurabilityTest {

  /** One node holding every key (N=W=R=1), so no other replica can mask a loss. */
  private static SimConfig single(FsyncPolicy fsync) {
    SimConfig c = SimConfig.of(1, 3);
    NodeConfig t = c.template().toBuilder().n(1).w(1).r(1).fsync(fsync).fsyncIntervalMs(100).build();
    return c.withTemplate(t);
  }

  /** Writes keys k0..k{count-1} through n1, each acknowledged before the next. */
  private static void write(Simulation sim, String prefix, int count) throws StoreException {
    SimClient c = sim.client("n1");
    for (int i = 0; i < count; i++) {
      Clusters.put(sim, c, prefix + i, "v" + i);
    }
  }

  private static List<String> missing(Simulation sim, String prefix, int count) throws StoreException {
    SimClient c = sim.client("n1");
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (!Clusters.get(sim, c, prefix + i).equals(List.of("v" + i))) {
        missing.add(prefix + i);
      }
    }
    return missing;
  }

  private static void killAndRestart(Simulation sim) {
    sim.kill("n1");
    sim.runFor(Duration.ofMillis(500));
    sim.restart("n1");
    sim.runFor(Duration.ofSeconds(1));
  }

  @Test
  void fsyncAlwaysLosesNoAcknowledgedWrite() throws StoreException {
    Simulation sim = Clusters.started(single(FsyncPolicy.ALWAYS), Duration.ofSeconds(2));
    write(sim, "k", 100);
    // The kill comes at the instant the last acknowledgement reached the client.
    killAndRestart(sim);
    assertThat(sim.node("n1").disk().lostWrites()).isZero();
    assertThat(missing(sim, "k", 100)).isEmpty();
  }

  @Test
  void fsyncNeverLosesWhatWasNotSynced() throws StoreException {
    Simulation sim = Clusters.started(single(FsyncPolicy.NEVER), Duration.ofSeconds(2));
    write(sim, "k", 100);
    killAndRestart(sim);
    assertThat(sim.node("n1").disk().lostWrites()).isGreaterThanOrEqualTo(100);
    assertThat(missing(sim, "k", 100)).hasSize(100);
  }

  @Test
  void fsyncNeverKeepsWhatTheOperatingSystemWroteBack() throws StoreException {
    Simulation sim = Clusters.started(single(FsyncPolicy.NEVER).withDisk(DiskConfig.defaults().withWritebackMs(5_000)),
        Duration.ofSeconds(2));
    write(sim, "old", 20);
    sim.runFor(Duration.ofSeconds(6));
    write(sim, "new", 20);
    killAndRestart(sim);
    assertThat(missing(sim, "old", 20)).isEmpty();
    assertThat(missing(sim, "new", 20)).hasSize(20);
  }

  @Test
  void fsyncPeriodicLosesOnlyTheLastInterval() throws StoreException {
    Simulation sim = Clusters.started(single(FsyncPolicy.PERIODIC), Duration.ofSeconds(2));
    write(sim, "synced", 20);
    sim.runFor(Duration.ofMillis(150));
    assertThat(sim.node("n1").disk().unsyncedWrites()).isZero();
    write(sim, "recent", 5); // within microseconds: no sync since
    assertThat(sim.node("n1").disk().unsyncedWrites()).isGreaterThanOrEqualTo(5);
    killAndRestart(sim);
    assertThat(missing(sim, "synced", 20)).isEmpty();
    assertThat(missing(sim, "recent", 5)).hasSize(5);
  }

  @Test
  void aProcessCrashKeepsThePageCache() throws StoreException {
    Simulation sim = Clusters.started(single(FsyncPolicy.NEVER).withDisk(DiskConfig.defaults().withKillIsPowerLoss(false)),
        Duration.ofSeconds(2));
    write(sim, "k", 50);
    killAndRestart(sim);
    assertThat(missing(sim, "k", 50)).isEmpty();
  }

  @Test
  void aPausedNodeDoesNotSyncPeriodically() throws StoreException {
    Simulation sim = Clusters.started(single(FsyncPolicy.PERIODIC), Duration.ofSeconds(2));
    write(sim, "k", 10);
    sim.pause("n1");
    sim.runFor(Duration.ofSeconds(1));
    // SIGSTOP stops the WAL syncer thread too.
    assertThat(sim.node("n1").disk().unsyncedWrites()).isGreaterThanOrEqualTo(10);
    sim.resume("n1");
    sim.runFor(Duration.ofMillis(1));
    assertThat(sim.node("n1").disk().unsyncedWrites()).isZero();
  }

  @Test
  void aWholeReplicaSetLosingPowerKeepsAcknowledgedWritesUnderFsyncAlways() throws StoreException {
    SimConfig c = SimConfig.of(3, 9);
    c = c.withTemplate(c.template().toBuilder().n(3).w(3).r(3).fsync(FsyncPolicy.ALWAYS).build());
    Simulation sim = Clusters.started(c, Duration.ofSeconds(3));
    SimClient client = sim.client("n2");
    for (int i = 0; i < 30; i++) {
      Clusters.put(sim, client, "k" + i, "v" + i);
    }
    for (String n : sim.nodeIds()) {
      sim.kill(n);
    }
    sim.runFor(Duration.ofSeconds(1));
    for (String n : sim.nodeIds()) {
      sim.restart(n);
    }
    sim.runFor(Duration.ofSeconds(3));
    for (int i = 0; i < 30; i++) {
      assertThat(Clusters.get(sim, sim.client("n1"), "k" + i)).containsExactly("v" + i);
    }
  }
}
