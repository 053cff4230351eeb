package io.quorumlab.harness.nemesis;

import io.quorumlab.harness.cluster.Cluster;
import io.quorumlab.harness.cluster.Link;
import io.quorumlab.harness.cluster.Slowness;
import io.quorumlab.store.node.ClockSkew;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/** A test double that keeps a cluster's fault state in memory and logs every command. */
public final class RecordingCluster implements Cluster {
  final List<String> nodes;
  final List<String> log = Collections.synchronizedList(new ArrayList<>());
  final Set<String> killed = new LinkedHashSet<>();
  final Set<String> paused = new LinkedHashSet<>();
  Map<String, Set<String>> grudge = Map.of();
  Slowness slowness = Slowness.NONE;
  List<String> notInjected = List.of();
  RuntimeException failKill;

  public RecordingCluster(int n) {
    nodes = io.quorumlab.harness.cluster.NodeConfigs.nodeIds(n);
  }

  @Override public String backend() { return "recording"; }
  @Override public List<String> nodes() { return nodes; }
  @Override public void start() {}
  @Override public InetSocketAddress clientAddress(String node) { return new InetSocketAddress("127.0.0.1", 1); }

  @Override
  public void kill(String node) {
    if (failKill != null) throw failKill;
    killed.add(node);
    log.add("kill " + node);
  }

  @Override
  public void restart(String node) {
    if (!killed.remove(node)) throw new IllegalStateException(node + " is running");
    log.add("restart " + node);
  }

  @Override
  public String diskFault(String node, io.quorumlab.harness.cluster.DiskFault fault, long seed) {
    if (killed.contains(node)) throw new IllegalStateException(node + " is not running");
    if (fault.crashes()) killed.add(node);
    log.add("disk " + fault.specName() + " " + node);
    return "done";
  }

  @Override
  public void pause(String node) {
    paused.add(node);
    log.add("pause " + node);
  }

  @Override
  public void resume(String node) {
    paused.remove(node);
    log.add("resume " + node);
  }

  @Override
  public void partition(Map<String, Set<String>> g) {
    grudge = Map.copyOf(g);
    log.add("partition " + Link.cutBy(g));
  }

  @Override
  public List<String> slow(Collection<Link> links, Slowness s) {
    slowness = s;
    log.add("slow " + links.size() + " " + s);
    return s.isNone() ? List.of() : notInjected;
  }

  /** Clock skews in force, by node. */
  final Map<String, ClockSkew> clocks = new java.util.TreeMap<>();

  @Override
  public void skewClock(String node, ClockSkew skew) {
    if (skew.isNone()) clocks.remove(node); else clocks.put(node, skew);
    log.add("clock " + node + " " + skew);
  }

  @Override
  public void heal() {
    grudge = Map.of();
    slowness = Slowness.NONE;
    killed.clear();
    paused.clear();
    log.add("heal");
  }

  @Override public Map<String, Set<String>> grudge() { return grudge; }
  @Override public Set<String> killed() { return Set.copyOf(killed); }
  @Override public Set<String> paused() { return Set.copyOf(paused); }
  @Override public OptionalLong residentBytes(String node) { return OptionalLong.empty(); }
  @Override public void collectLogs(Path dir) {}
  @Override public void close() {}
}
