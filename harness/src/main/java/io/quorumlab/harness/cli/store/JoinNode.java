package io.quorumlab.harness.cli.store;

import io.quorumlab.harness.ExitCodes;
import io.quorumlab.harness.SpecException;
import io.quorumlab.store.admin.NodeStatus;
import io.quorumlab.store.config.NodeConfig;
import io.quorumlab.store.server.NodeConfigJson;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code cluster join NODE}: starts a new node process that joins the local cluster through its
 * running members (the seeds), waits until it has taken over its ranges and announced itself UP,
 * and records it in the cluster's state. Refused (254, nothing started or moved): an id already in
 * the cluster, a cluster none of whose nodes answers, a port where the new node could not be
 * reached, or a node that does not come up.
 */
public final class JoinNode {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private JoinNode() {}

  public static int run(Path dir, String id, Integer port, String heap, long startTimeoutMs, long joinTimeoutMs,
      PrintStream out, PrintStream err) throws Exception {
    if (!ID.matcher(id).matches()) {
      throw new SpecException("'" + id + "' is not a node id (letters, digits, '_', '.', '-')");
    }
    ClusterState state = ClusterState.read(dir);
    if (state.nodes().stream().anyMatch(n -> n.id().equals(id))) {
      throw new SpecException("refusing to join " + id + ": it is already a member of the cluster in " + dir + "; nothing moved");
    }
    Map<String, NodeStatus> statuses = NodeAdmin.statuses(state.nodes());
    if (statuses.isEmpty()) {
      throw new SpecException("refusing to join " + id + ": no node of the cluster in " + dir
          + " answers, so it has no seed to join through; nothing moved");
    }
    for (Map.Entry<String, NodeStatus> e : statuses.entrySet()) {
      NodeStatus.Member known = e.getValue().member(id);
      if (known != null && !known.status().equals("LEFT")) {
        throw new SpecException("refusing to join " + id + ": " + e.getKey() + " already knows a member " + id + " ("
            + known.status() + " at " + known.address() + "); nothing moved");
      }
    }
    int p = port == null ? freePort() : checkedPort(id, port);

    ClusterState.Node first = state.nodes().get(0);
    NodeConfig template = NodeConfigJson.read(Path.of(first.config()));
    Map<String, String> members = new LinkedHashMap<>();
    state.nodes().forEach(n -> members.put(n.id(), n.address()));
    String address = "127.0.0.1:" + p;
    members.put(id, address);
    Path nodeDir = dir.resolve(id).toAbsolutePath();
    NodeConfig config = template.toBuilder().nodeId(id).listenHost("127.0.0.1").port(p)
        .dataDir(nodeDir.resolve("data").toString()).members(members).seeds(List.copyOf(statuses.keySet())).join(true).build();
    Path configFile = nodeDir.resolve("node.json");
    NodeConfigJson.write(config, configFile);
    Path log = nodeDir.resolve("node.log");
    long started = System.nanoTime();
    Process process = NodeLauncher.spawn(configFile, log, heap);
    if (!NodeLauncher.awaitPing(process, new InetSocketAddress("127.0.0.1", p), startTimeoutMs)) {
      NodeLauncher.stop(process.toHandle(), 3000);
      String tail = NodeLauncher.tail(log, 10);
      deleteTree(nodeDir);
      throw new SpecException("refusing to join " + id + ": the new node is unreachable at " + address
          + " (it did not answer within " + startTimeoutMs + " ms); nothing moved. Its log ended with:\n" + tail);
    }
    ClusterState.Node added = new ClusterState.Node(id, "127.0.0.1", p, process.pid(), NodeLauncher.startedMs(process.toHandle()),
        configFile.toString(), log.toString());
    List<ClusterState.Node> nodes = new ArrayList<>(state.nodes());
    nodes.add(added);
    new ClusterState(state.n(), state.w(), state.r(), nodes).write(dir);
    List<String> failed = NodeAdmin.editConfigs(state.nodes(), c -> NodeAdmin.withMember(c, id, address));
    failed.forEach(f -> err.println("quorumlab: could not add " + id + " to the config of " + f));
    out.println(id + " started at " + address + " (pid " + process.pid() + "), joining through " + String.join(", ", statuses.keySet()));

    long deadline = System.nanoTime() + joinTimeoutMs * 1_000_000L;
    NodeStatus last = null;
    while (System.nanoTime() < deadline) {
      Optional<NodeStatus> s = NodeAdmin.status(added);
      if (s.isPresent()) {
        last = s.get();
        if (last.state().equals("UP")) {
          awaitOthersSeeUp(state.nodes(), id, Math.max(0, (deadline - System.nanoTime()) / 1_000_000));
          long ms = (System.nanoTime() - started) / 1_000_000;
          NodeStatus.Member me = last.member(id);
          out.printf("%s joined in %.1f s: received %d entries (%s) from the current replicas; owns %.1f%% of the ring of %d%n",
              id, ms / 1000.0, last.transfer().keysReceived(), StatusView.bytes(last.transfer().bytesReceived()),
              100 * (me == null ? 0 : me.ownership()), last.ringSize());
          return ExitCodes.VALID;
        }
      } else if (!process.isAlive()) {
        err.println("quorumlab: " + id + " exited while joining; the end of " + log + ":");
        err.println(NodeLauncher.tail(log, 15));
        return ExitCodes.UNKNOWN;
      }
      Thread.sleep(200);
    }
    err.println("quorumlab: " + id + " has not finished joining after " + joinTimeoutMs + " ms ("
        + (last == null ? "it does not answer" : last.transfer().detail()) + "); it keeps trying, see " + log);
    return ExitCodes.UNKNOWN;
  }

  /** The ring change reaches the others by gossip: the join is done once every answering node has it. */
  private static void awaitOthersSeeUp(List<ClusterState.Node> others, String id, long timeoutMs) throws InterruptedException {
    long deadline = System.nanoTime() + Math.min(timeoutMs, 30_000) * 1_000_000L;
    while (System.nanoTime() < deadline) {
      boolean all = NodeAdmin.statuses(others).values().stream().allMatch(s -> {
        NodeStatus.Member m = s.member(id);
        return m != null && m.status().equals("UP");
      });
      if (all) {
        return;
      }
      Thread.sleep(100);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static int checkedPort(String id, int port) {
    if (port < 1 || port > 65535) {
      throw new SpecException("--port " + port + " is not a port");
    }
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return port;
    } catch (IOException e) {
      throw new SpecException("refusing to join " + id + ": 127.0.0.1:" + port + " is in use, so the new node would be"
          + " unreachable there; nothing moved");
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException ignored) {
      // best effort: a leftover directory of a node that never started
    }
  }
}
