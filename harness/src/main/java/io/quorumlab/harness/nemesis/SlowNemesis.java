package io.quorumlab.harness.nemesis;

import io.quorumlab.harness.cluster.Cluster;
import io.quorumlab.harness.cluster.Link;
import io.quorumlab.harness.cluster.Slowness;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Slows every link (latency, jitter, loss, rate). What the backend could not inject is part of the
 * start op's value, so a history says plainly that, say, no latency was added.
 */
public final class SlowNemesis implements Nemesis {
  /** Mild enough that quorums still form within the default 1 s request timeout. */
  public static final Slowness DEFAULT = new Slowness(50, 25, 0.05, 0);

  private final Slowness slowness;
  private boolean active;
  private List<String> lastNotInjected = List.of();

  public SlowNemesis(Slowness slowness) {
    if (slowness.isNone()) throw new IllegalArgumentException("a slow nemesis needs some latency, loss or rate limit");
    this.slowness = slowness;
  }

  @Override
  public String name() {
    return "slow";
  }

  public Slowness slowness() {
    return slowness;
  }

  /** What the last start could not inject (empty when all of it took effect). */
  public List<String> lastNotInjected() {
    return lastNotInjected;
  }

  @Override
  public String start(Cluster cluster, RandomGenerator random) throws Exception {
    List<Link> links = cluster.links();
    active = true;
    lastNotInjected = List.copyOf(cluster.slow(links, slowness));
    String done = slowness + " on all " + links.size() + " links";
    return lastNotInjected.isEmpty() ? done : done + "; NOT INJECTED: " + String.join("; ", lastNotInjected);
  }

  @Override
  public String stop(Cluster cluster) throws Exception {
    if (!active) return "nothing slowed";
    cluster.slow(List.of(), Slowness.NONE);
    active = false;
    return "links at full speed";
  }

  @Override
  public boolean active() {
    return active;
  }
}
