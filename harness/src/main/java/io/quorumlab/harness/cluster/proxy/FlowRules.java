package io.quorumlab.harness.cluster.proxy;

import io.quorumlab.harness.cluster.Link;
import io.quorumlab.harness.cluster.Slowness;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What happens to the frames that flow {@code from -> to}, on every connection between the two
 * nodes whichever of them opened it. Read by the proxies' event loops on every frame; changed by
 * the harness. Replacing the whole map keeps a partition change atomic for readers.
 */
public final class FlowRules {

  /** The rule of one directed flow. */
  public record Rule(boolean cut, Slowness slowness) {
    static final Rule OPEN = new Rule(false, Slowness.NONE);
  }

  private volatile Map<Link, Boolean> cut = Map.of();
  private volatile Map<Link, Slowness> slow = Map.of();
  private final Map<Link, LongAdder> forwarded = new ConcurrentHashMap<>();
  private final Map<Link, LongAdder> dropped = new ConcurrentHashMap<>();

  public Rule rule(Link flow) {
    boolean c = cut.containsKey(flow);
    Slowness s = slow.getOrDefault(flow, Slowness.NONE);
    return !c && s.isNone() ? Rule.OPEN : new Rule(c, s);
  }

  /** Cuts exactly these flows; every other flow is open again. */
  public void cutExactly(Set<Link> flows) {
    Map<Link, Boolean> next = new ConcurrentHashMap<>();
    flows.forEach(l -> next.put(l, Boolean.TRUE));
    cut = Map.copyOf(next);
  }

  /** Slows exactly these flows; every other flow is no longer slowed. */
  public void slowExactly(Collection<Link> flows, Slowness slowness) {
    if (slowness.isNone()) {
      slow = Map.of();
      return;
    }
    Map<Link, Slowness> next = new ConcurrentHashMap<>();
    flows.forEach(l -> next.put(l, slowness));
    slow = Map.copyOf(next);
  }

  public Set<Link> cutFlows() {
    return cut.keySet();
  }

  void countForwarded(Link flow) {
    forwarded.computeIfAbsent(flow, k -> new LongAdder()).increment();
  }

  void countDropped(Link flow) {
    dropped.computeIfAbsent(flow, k -> new LongAdder()).increment();
  }

  /** Frames forwarded on this flow since the proxies started. */
  public long forwarded(Link flow) {
    LongAdder a = forwarded.get(flow);
    return a == null ? 0 : a.sum();
  }

  /** Frames dropped on this flow (cut or lost) since the proxies started. */
  public long dropped(Link flow) {
    LongAdder a = dropped.get(flow);
    return a == null ? 0 : a.sum();
  }
}
