package io.quorumlab.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.harness.cluster.Link;
import io.quorumlab.harness.cluster.Slowness;
import io.quorumlab.harness.run.Deployment;
import io.quorumlab.harness.run.RunSpec;
import io.quorumlab.harness.time.EventLoop;
import io.quorumlab.sim.SimNode;
import io.quorumlab.sim.Simulation;
import io.quorumlab.store.client.ClientOptions;
import io.quorumlab.store.client.PutResult;
import io.quorumlab.store.client.RequestOptions;
import io.quorumlab.store.client.StoreClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The harness's faults, on a simulated cluster: each one in force in the simulation as the real backends put it in force. */
class SimClusterTest {
  private Simulation sim;
  private Deployment deployment;
  private SimCluster cluster;
  private EventLoop loop;

  @BeforeEach
  void start() throws Exception {
    deployment = new SimBackend(io.quorumlab.sim.Trace.Mode.DIGEST, s -> sim = s)
        .deploy(RunSpec.defaults(3).withBackend(SimBackend.NAME, 3).withQuorums(3, 3, 1));
    cluster = (SimCluster) deployment.cluster();
    loop = deployment.loop();
    cluster.start();
  }

  @Test
  void startBringsEveryNodeUp() {
    assertThat(cluster.nodes()).containsExactly("n1", "n2", "n3");
    assertThat(cluster.nodes()).allMatch(n -> sim.node(n).isUp());
    assertThat(loop.virtual()).isTrue();
    assertThat(loop.nanos()).as("the nodes start within a second of virtual time").isLessThanOrEqualTo(1_000_000_000L);
  }

  @Test
  void aOneWayGrudgeCutsOneDirectionOnly() {
    cluster.partition(Map.of("n1", Set.of("n2")));
    assertThat(cluster.grudge()).isEqualTo(Map.of("n1", Set.of("n2")));
    cluster.partition(Map.of());
    assertThat(cluster.grudge()).isEmpty();
  }

  @Test
  void killRestartPauseAndResumeAreTheSimulatedProcessesOwn() {
    cluster.kill("n2");
    assertThat(cluster.killed()).containsExactly("n2");
    assertThat(sim.node("n2").state()).isEqualTo(SimNode.State.KILLED);
    cluster.restart("n2");
    assertThat(sim.node("n2").incarnation()).isEqualTo(2);
    cluster.pause("n3");
    assertThat(cluster.paused()).containsExactly("n3");
    cluster.heal();
    assertThat(cluster.paused()).isEmpty();
    assertThat(cluster.killed()).isEmpty();
  }

  /** Unlike on this kernel (no netem), a slow link's latency is in force: a put that waits for all 3 replicas pays it. */
  @Test
  void aSlowLinksLatencyIsInjected() throws Exception {
    StoreClient client = deployment.connect("n1", ClientOptions.DEFAULTS.withRequestTimeoutMs(5000));
    long fast = putMillis(client, "k");
    List<String> notInjected = cluster.slow(List.of(new Link("n1", "n2"), new Link("n2", "n1"), new Link("n1", "n3"), new Link("n3", "n1")),
        new Slowness(200, 0, 0, 0));
    assertThat(notInjected).isEmpty();
    long slow = putMillis(client, "k");
    assertThat(fast).isLessThan(50);
    assertThat(slow).as("W=3: a round trip over a slowed link").isGreaterThanOrEqualTo(400);
    cluster.slow(List.of(), Slowness.NONE);
    assertThat(putMillis(client, "k")).isLessThan(50);
  }

  private long putMillis(StoreClient client, String key) throws Exception {
    long start = loop.nanos();
    CompletableFuture<PutResult> put = client.putAsync(key, "v".getBytes(StandardCharsets.UTF_8), null, RequestOptions.DEFAULTS.withTimeoutMs(5000));
    loop.runUntil(put);
    return (loop.nanos() - start) / 1_000_000;
  }

  @Test
  void aTaskFromAnotherThreadRunsOnTheLoop() throws Exception {
    CompletableFuture<Thread> ranOn = new CompletableFuture<>();
    Thread other = new Thread(() -> loop.execute(() -> ranOn.complete(Thread.currentThread())));
    other.start();
    other.join();
    assertThat(loop.runUntil(ranOn)).isSameAs(Thread.currentThread());
  }

  @Test
  void timersRunInVirtualTimeInTheOrderTheyAreDue() throws Exception {
    long t0 = loop.nanos();
    StringBuilder order = new StringBuilder();
    CompletableFuture<Void> done = new CompletableFuture<>();
    loop.schedule(2_000_000_000L, () -> {
      order.append('b');
      done.complete(null);
    });
    loop.schedule(1_000_000_000L, () -> order.append('a'));
    loop.schedule(1_500_000_000L, () -> order.append('x')).cancel();
    loop.runUntil(done);
    assertThat(order).hasToString("ab");
    assertThat(loop.nanos() - t0).isEqualTo(2_000_000_000L);
  }
}
