package io.quorumlab.sim.scenario;

import io.quorumlab.sim.NodeTraffic;
import io.quorumlab.sim.SimConfig;
import io.quorumlab.sim.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A large cluster with no load: the nodes form their membership through gossip, one node is
 * killed, and every other node's failure detector is watched for when it convicts it. Periodic
 * anti-entropy is off (with no data it would only compare empty trees with every peer).
 */
public final class MembershipOnlyScenario implements Consumer<Simulation> {
  private final Duration duration;
  private final Duration killAt;
  private final String victim;
  private final Map<String, Long> convictedAfterKill = new LinkedHashMap<>();
  private final List<String> wrongful = new ArrayList<>();
  private long killedAt = -1;
  private long[] sentAtKill;
  private long[] bytesAtKill;
  private long windowNanos;

  public MembershipOnlyScenario(Duration duration, Duration killAt, String victim) {
    if (killAt.compareTo(duration) >= 0) {
      throw new IllegalArgumentException("the kill must come before the end of the run");
    }
    this.duration = duration;
    this.killAt = killAt;
    this.victim = victim;
  }

  /** {@code nodes} nodes, the first {@code seeds} of them gossip seeds, {@code vnodes} tokens each. */
  public static SimConfig config(int nodes, long seed, int vnodes, int seeds) {
    SimConfig c = SimConfig.of(nodes, seed);
    return c.withTemplate(c.template().toBuilder().vnodes(vnodes).antiEntropyIntervalMs(0)
        .seeds(c.nodes().subList(0, Math.min(seeds, nodes))).build());
  }

  @Override
  public void accept(Simulation sim) {
    sim.node(victim);
    sim.addMembershipObserver((observer, subject, time) -> {
      if (subject.equals(victim) && killedAt >= 0) {
        convictedAfterKill.putIfAbsent(observer, time - killedAt);
      } else {
        wrongful.add(observer + " convicted " + subject + " at " + time / 1_000_000 + " ms");
      }
    });
    sim.start();
    sim.runFor(killAt);
    List<String> ids = sim.nodeIds();
    sentAtKill = new long[ids.size()];
    bytesAtKill = new long[ids.size()];
    for (int i = 0; i < ids.size(); i++) {
      NodeTraffic t = sim.traffic(ids.get(i));
      sentAtKill[i] = t.sentMessages();
      bytesAtKill[i] = t.sentBytes();
    }
    sim.kill(victim);
    killedAt = sim.now();
    sim.runFor(duration.minus(killAt));
    windowNanos = sim.now() - killedAt;
  }

  /** For each node that convicted the victim, how long after the kill (nanos). */
  public Map<String, Long> convictedAfterKill() {
    return convictedAfterKill;
  }

  /** Convictions of live nodes (and of the victim before its kill): false positives. */
  public List<String> wrongfulConvictions() {
    return wrongful;
  }

  /** Messages each surviving node sent per second between the kill and the end. */
  public double[] messagesPerNodePerSecond(Simulation sim) {
    return rates(sim, sentAtKill, true);
  }

  /** Bytes each surviving node sent per second between the kill and the end. */
  public double[] bytesPerNodePerSecond(Simulation sim) {
    return rates(sim, bytesAtKill, false);
  }

  private double[] rates(Simulation sim, long[] atKill, boolean messages) {
    List<String> ids = sim.nodeIds();
    double[] r = new double[ids.size() - 1];
    int k = 0;
    for (int i = 0; i < ids.size(); i++) {
      if (ids.get(i).equals(victim)) {
        continue;
      }
      NodeTraffic t = sim.traffic(ids.get(i));
      long now = messages ? t.sentMessages() : t.sentBytes();
      r[k++] = (now - atKill[i]) / (windowNanos / 1e9);
    }
    return r;
  }
}
