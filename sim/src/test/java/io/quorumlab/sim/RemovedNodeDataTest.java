package io.quorumlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.store.client.Context;
import io.quorumlab.store.client.GetResult;
import io.quorumlab.store.client.RequestOptions;
import io.quorumlab.store.client.StoreClient;
import io.quorumlab.store.client.StoreException;
import io.quorumlab.store.config.ConflictMode;
import io.quorumlab.store.config.NodeConfig;
import io.quorumlab.store.config.Quorum;
import io.quorumlab.store.config.ReadRepair;
import io.quorumlab.store.ring.Ring;
import io.quorumlab.store.services.ClusterServices;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A force-removed node's data reaches the node that takes over its ranges before that node counts
 * as a replica for reads: N=3, W=2, R=2, strict quorum, abd, four nodes. A write acknowledged by
 * X and Y only (A is partitioned away from both), then X dies and is removed, so Z replicates the
 * key in X's place. A read from A and Z must not miss the write.
 */
class RemovedNodeDataTest {
  private static final String KEY = "k";
  private static final RequestOptions OPTIONS = RequestOptions.DEFAULTS.withW(2).withR(2).withQuorum(Quorum.STRICT)
      .withTimeoutMs(2_000);

  private final Simulation sim = Clusters.started(config(), Duration.ofSeconds(5));
  // The key's replicas in the 4-node ring are X, Y, A; Z replicates it once X is gone.
  private final List<String> walk = Ring.of(List.of("n1", "n2", "n3", "n4"), config().template().vnodes()).walk(KEY);
  private final String x = walk.get(0);
  private final String y = walk.get(1);
  private final String a = walk.get(2);
  private final String z = walk.get(3);

  private static SimConfig config() {
    SimConfig c = SimConfig.of(4, 14);
    // Anti-entropy off: it would close the gap given time; the point is what holds without it.
    NodeConfig t = c.template().toBuilder().n(3).w(2).r(2).quorum(Quorum.STRICT).conflicts(ConflictMode.ABD)
        .readRepair(ReadRepair.BLOCKING).antiEntropyIntervalMs(0).build();
    return c.withTemplate(t);
  }

  @Test
  void aWriteAckedByTheRemovedNodeAndOneSurvivorIsReadFromTheNewReplicaSet() throws Exception {
    // A hears neither X nor Y for the rest of the test: the write reaches X and Y only, no hint or
    // read reply from Y reaches A.
    sim.cut(x, a);
    sim.cut(y, a);
    StoreClient atY = sim.client(y);
    Clusters.await(sim, atY.putAsync(KEY, "v1".getBytes(StandardCharsets.UTF_8), Context.EMPTY, OPTIONS));
    assertThat(sim.node(x).node().localState(KEY).live()).as("X holds the write").hasSize(1);
    assertThat(sim.node(a).node().localState(KEY).live()).as("A missed the write").isEmpty();

    // Z cannot hear Y while X is removed: Z's copy of the range cannot be complete yet.
    sim.cut(y, z);
    sim.kill(x);
    sim.runFor(Duration.ofSeconds(20));
    sim.node(a).services().admin(ClusterServices.REMOVE + x);
    // Y sends nothing anyone hears, so it learns of the removal only once the cut heals.
    assertThat(sim.runUntil(() -> ringsLack(x, a, z), Duration.ofSeconds(30))).as("X leaves A's and Z's rings").isTrue();

    StoreClient atA = sim.client(a);
    GetResult whilePulling = tryGet(atA);
    if (whilePulling != null) {
      assertThat(values(whilePulling)).as("a read from A and Z while Z still lacks Y's copy of the range").containsExactly("v1");
    }
    assertThat(whilePulling).as("Z, still pulling the range from Y, does not count for a quorum read of it").isNull();
    assertThat(sim.node(z).status().transfer().streams()).as("Z's pull from Y is still waiting").isPositive();

    sim.uncut(y, z);
    sim.runFor(Duration.ofSeconds(20));
    GetResult after = tryGet(atA);
    assertThat(after).as("the read from A and Z succeeds once Z pulled the range from every survivor").isNotNull();
    assertThat(values(after)).as("the write acknowledged by X and Y, read from A and Z").containsExactly("v1");
    assertThat(sim.nodeFailures()).isZero();
  }

  private boolean ringsLack(String id, String... nodes) {
    return List.of(nodes).stream().noneMatch(n -> sim.node(n).node().ring().contains(id));
  }

  /** The get's result, or null when it failed (a failed read claims nothing). */
  private GetResult tryGet(StoreClient client) {
    CompletableFuture<GetResult> f = client.getAsync(KEY, OPTIONS);
    try {
      return Clusters.await(sim, f);
    } catch (StoreException e) {
      return null;
    }
  }

  private static List<String> values(GetResult r) {
    return r.siblings().stream().map(v -> new String(v, StandardCharsets.UTF_8)).toList();
  }
}
