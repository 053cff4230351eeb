package io.quorumlab.harness.sim;

import io.quorumlab.results.RunDirectory;
import io.quorumlab.sim.LifecycleEvent;
import io.quorumlab.sim.MessageLog;
import io.quorumlab.sim.MembershipObserver;
import io.quorumlab.sim.NodeTraffic;
import io.quorumlab.sim.Simulation;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The simulated nodes' logs, {@code nodes/<node>.log}: what happened to each node (start, kill,
 * restart, pause, resume, clock changes) and what its failure detector concluded about the others,
 * at virtual times, then what it sent and received; {@code nodes/network.log} has the partitions and
 * slow links; {@link MessageFile} has every message of a small run. Every line is a function of the seed, so two runs of one spec write the same bytes.
 */
final class NodeLogs implements MembershipObserver {
  static final String NETWORK = "network";

  private final Simulation sim;
  private final MessageLog messages;
  /** Failure-detector verdicts per observing node, in the order they happened. */
  private final Map<String, List<LifecycleEvent>> verdicts = new HashMap<>();

  /** @param messages the run's message log, or null when it records none */
  NodeLogs(Simulation sim, MessageLog messages) {
    this.sim = sim;
    this.messages = messages;
    sim.addMembershipObserver(this);
  }

  @Override
  public void convicted(String observer, String subject, long timeNanos) {
    verdicts.computeIfAbsent(observer, k -> new ArrayList<>()).add(new LifecycleEvent(timeNanos, observer, "convicts " + subject + " (down)"));
  }

  @Override
  public void acquitted(String observer, String subject, long timeNanos) {
    verdicts.computeIfAbsent(observer, k -> new ArrayList<>()).add(new LifecycleEvent(timeNanos, observer, "acquits " + subject + " (up)"));
  }

  /**
   * Writes one log per node and the network's, in {@code dir} ({@code nodes/}), and beside that
   * directory, in the run's, {@code messages.jsonl} when the run was small enough to log every message.
   */
  void write(Path dir) throws IOException {
    writeNodeLogs(dir);
    if (messages != null) MessageFile.write(dir.resolveSibling(RunDirectory.MESSAGES), sim.nodeIds(), messages);
  }

  private void writeNodeLogs(Path dir) throws IOException {
    Files.createDirectories(dir);
    Map<String, List<LifecycleEvent>> lifecycle = new HashMap<>();
    for (LifecycleEvent e : sim.lifecycle()) lifecycle.computeIfAbsent(e.node(), k -> new ArrayList<>()).add(e);
    for (String node : sim.nodeIds()) {
      try (BufferedWriter out = Files.newBufferedWriter(dir.resolve(node + ".log"), StandardCharsets.UTF_8)) {
        for (LifecycleEvent e : merged(lifecycle.getOrDefault(node, List.of()), verdicts.getOrDefault(node, List.of()))) line(out, e);
        NodeTraffic t = sim.traffic(node);
        out.write(String.format(Locale.ROOT, "end: sent %d messages (%d bytes) to other nodes, received %d (%d bytes); process %d, %s%n",
            t.sentMessages(), t.sentBytes(), t.receivedMessages(), t.receivedBytes(), sim.node(node).incarnation(),
            sim.node(node).state().name().toLowerCase(Locale.ROOT)));
      }
    }
    try (BufferedWriter out = Files.newBufferedWriter(dir.resolve(NETWORK + ".log"), StandardCharsets.UTF_8)) {
      for (LifecycleEvent e : lifecycle.getOrDefault("*", List.of())) line(out, e);
      out.write(String.format(Locale.ROOT, "end: %d messages between nodes dropped; %d events; %d inputs failed in a node's code%s%n",
          sim.droppedMessages(), sim.eventsRun(), sim.nodeFailures(), sim.nodeFailures() == 0 ? "" : " (each one a bug in the store)"));
    }
  }

  /** Two time-ordered lists as one; at equal times the first list's entries come first. */
  private static List<LifecycleEvent> merged(List<LifecycleEvent> a, List<LifecycleEvent> b) {
    List<LifecycleEvent> out = new ArrayList<>(a.size() + b.size());
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (j == b.size() || (i < a.size() && a.get(i).timeNanos() <= b.get(j).timeNanos())) out.add(a.get(i++));
      else out.add(b.get(j++));
    }
    return out;
  }

  private static void line(BufferedWriter out, LifecycleEvent e) throws IOException {
    out.write(e.toString());
    out.write('\n');
  }
}
