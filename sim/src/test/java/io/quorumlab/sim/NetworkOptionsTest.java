package io.quorumlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkOptionsTest {

  private static Simulation run(NetworkConfig network, LinkTap tap) {
    Simulation sim = new Simulation(SimConfig.of(3, 4).withNetwork(network));
    sim.addMessageObserver(tap);
    sim.start();
    sim.runFor(Duration.ofSeconds(20));
    return sim;
  }

  @Test
  void totalLossDeliversNothing() {
    LinkTap tap = new LinkTap();
    run(NetworkConfig.defaults().withLoss(1.0), tap);
    assertThat(tap.deliveries).isEmpty();
    assertThat(tap.dropsByReason.get("lost")).isGreaterThan(100);
  }

  @Test
  void duplicationDeliversMessagesTwice() {
    LinkTap tap = new LinkTap();
    Simulation sim = run(NetworkConfig.defaults().withDuplicate(1.0), tap);
    long sent = 0;
    long received = 0;
    for (String n : sim.nodeIds()) {
      sent += sim.traffic(n).sentMessages();
      received += sim.traffic(n).receivedMessages();
    }
    // Every message twice, but for those still in flight when the run stopped.
    assertThat(received).isBetween(2 * sent - 20, 2 * sent);
  }

  @Test
  void linksAreFirstInFirstOutUnlessReorderingIsAsked() {
    // Latency from 0 to 5 ms: independent latencies would let many messages overtake.
    NetworkConfig jittery = NetworkConfig.defaults().withLatency(Latency.uniform(0, 5_000_000));
    assertThat(overtakes(jittery)).isZero();
    assertThat(overtakes(jittery.withReorder(true))).isPositive();
  }

  /** Replica writes from n1 that reached a replica after one n1 had sent it later. */
  private static long overtakes(NetworkConfig network) {
    Simulation sim = new Simulation(SimConfig.of(3, 5).withNetwork(network));
    SendOrder order = new SendOrder();
    sim.addMessageObserver(order);
    sim.start();
    // A burst of puts makes each coordinator send many replica writes back to back.
    sim.runFor(Duration.ofSeconds(2));
    SimClient c = sim.client("n1");
    for (int i = 0; i < 200; i++) {
      c.putAsync("k" + i, new byte[] {1}, io.quorumlab.store.client.Context.EMPTY, io.quorumlab.store.client.RequestOptions.DEFAULTS);
    }
    sim.runFor(Duration.ofSeconds(2));
    return order.overtakes;
  }

  /** Replica writes from n1 carry increasing operation ids, so their order of sending is known. */
  private static final class SendOrder implements MessageObserver {
    final java.util.Map<String, Long> lastOp = new java.util.HashMap<>();
    long overtakes;

    @Override
    public void delivered(String from, String to, io.quorumlab.store.protocol.PeerMessage message, long timeNanos) {
      if (from.equals("n1") && message instanceof io.quorumlab.store.protocol.PeerMessage.ReplicaWrite w && w.op() != 0) {
        Long last = lastOp.put(to, w.op());
        if (last != null && w.op() < last) {
          overtakes++;
        }
      }
    }
  }

  @Test
  void latencyDistributionsStayInTheirRange() {
    var random = new java.util.SplittableRandom(1);
    Latency uniform = Latency.uniform(10, 20);
    Latency loopback = Latency.loopback();
    List<Long> samples = new java.util.ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      assertThat(uniform.sampleNanos(random)).isBetween(10L, 20L);
      samples.add(loopback.sampleNanos(random));
    }
    samples.sort(null);
    assertThat(samples.get(0)).isGreaterThanOrEqualTo(20_000);
    assertThat(samples.get(5_000)).isBetween(50_000L, 70_000L);
    assertThat(samples.get(9_900)).isBetween(100_000L, 170_000L);
  }
}
