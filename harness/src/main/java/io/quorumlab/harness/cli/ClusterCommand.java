package io.quorumlab.harness.cli;

import io.quorumlab.harness.cli.store.ClusterState;
import io.quorumlab.harness.cli.store.NodeLauncher;
import io.quorumlab.harness.cli.store.StoreSettings;
import io.quorumlab.store.client.ClientOptions;
import io.quorumlab.store.config.NodeConfig;
import io.quorumlab.store.node.NodeConfigCheck;
import io.quorumlab.store.server.NodeConfigJson;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code quorumlab cluster start|stop|status}: a local cluster of real node processes on 127.0.0.1. */
@Command(
    name = "cluster",
    mixinStandardHelpOptions = true,
    description = "Starts, stops and inspects a local cluster of node processes on 127.0.0.1.",
    subcommands = {ClusterCommand.Start.class, ClusterCommand.Stop.class, ClusterCommand.Status.class})
public final class ClusterCommand implements Runnable {
  static final String DEFAULT_DIR = "runs/cluster";

  @Override
  public void run() {
    throw new UsageException("cluster needs a subcommand: start, stop or status");
  }

  @Command(name = "start", mixinStandardHelpOptions = true,
      description = "Starts K node processes (detached), waits until each answers, prints their addresses and returns.")
  static final class Start implements Callable<Integer> {
    @Option(names = "--nodes", paramLabel = "K", defaultValue = "3", description = "Number of nodes (default ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = DEFAULT_DIR, description = "State, configs, data and logs (default ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--base-port", paramLabel = "PORT", description = "Ports PORT..PORT+K-1 (default: free ports).")
    Integer basePort;

    @Option(names = "--heap", paramLabel = "SIZE", defaultValue = "256m", description = "Heap per node JVM (default ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--start-timeout-ms", paramLabel = "MS", defaultValue = "30000", description = "How long each node may take to answer (default ${DEFAULT-VALUE}).")
    long startTimeoutMs;

    @Mixin StoreSettings settings;

    @Override
    public Integer call() throws Exception {
      if (nodes < 1) {
        throw new UsageException("--nodes must be at least 1, not " + nodes);
      }
      if (ClusterState.exists(dir)) {
        ClusterState old = ClusterState.read(dir);
        List<String> alive = old.nodes().stream()
            .filter(n -> NodeLauncher.ours(n.pid(), n.startedMs()).isPresent()).map(n -> n.id() + " (pid " + n.pid() + ")").toList();
        if (!alive.isEmpty()) {
          throw new UsageException("a cluster is already running in " + dir + ": " + String.join(", ", alive)
              + "; stop it with 'quorumlab cluster stop" + (dir.toString().equals(DEFAULT_DIR) ? "" : " --dir " + dir) + "'");
        }
      }
      List<Integer> ports = ports();
      Map<String, String> members = new LinkedHashMap<>();
      for (int i = 0; i < nodes; i++) {
        members.put("n" + (i + 1), "127.0.0.1:" + ports.get(i));
      }
      NodeConfig template = settings.applyTo(NodeConfig.defaults("n1", ports.get(0), "", members));
      List<String> problems = NodeConfigCheck.problems(template).stream()
          .map(p -> p.replace("the cluster size", "--nodes")).toList();
      if (!problems.isEmpty()) {
        throw new UsageException("refusing to start: " + String.join("; ", problems));
      }

      List<ClusterState.Node> started = new ArrayList<>();
      List<Process> processes = new ArrayList<>();
      for (int i = 0; i < nodes; i++) {
        String id = "n" + (i + 1);
        Path nodeDir = dir.resolve(id).toAbsolutePath();
        NodeConfig c = template.toBuilder().nodeId(id).port(ports.get(i)).dataDir(nodeDir.resolve("data").toString()).build();
        Path configFile = nodeDir.resolve("node.json");
        NodeConfigJson.write(c, configFile);
        Path log = nodeDir.resolve("node.log");
        Process p = NodeLauncher.spawn(configFile, log, heap);
        processes.add(p);
        started.add(new ClusterState.Node(id, "127.0.0.1", ports.get(i), p.pid(), NodeLauncher.startedMs(p.toHandle()),
            configFile.toString(), log.toString()));
      }
      ClusterState state = new ClusterState(template.n(), template.w(), template.r(), started);
      state.write(dir);
      for (int i = 0; i < started.size(); i++) {
        ClusterState.Node n = started.get(i);
        if (!NodeLauncher.awaitPing(processes.get(i), new InetSocketAddress(n.host(), n.port()), startTimeoutMs)) {
          System.err.println("quorumlab: node " + n.id() + " did not start; the end of " + n.log() + ":");
          System.err.println(NodeLauncher.tail(Path.of(n.log()), 15));
          for (Process p : processes) {
            NodeLauncher.stop(p.toHandle(), 3000);
          }
          ClusterState.delete(dir);
          return ExitCodes.UNKNOWN;
        }
      }
      System.out.println("cluster of " + nodes + " nodes in " + dir + " (n=" + template.n() + " w=" + template.w() + " r=" + template.r()
          + " quorum=" + lower(template.quorum()) + " read-repair=" + lower(template.readRepair()) + " conflicts="
          + lower(template.conflicts()) + " fsync=" + lower(template.fsync()) + ")");
      for (ClusterState.Node n : started) {
        System.out.println(n.id() + " " + n.address() + " pid " + n.pid() + " log " + n.log());
      }
      return ExitCodes.VALID;
    }

    private List<Integer> ports() throws IOException {
      List<Integer> out = new ArrayList<>();
      if (basePort != null) {
        if (basePort < 1 || basePort + nodes - 1 > 65535) {
          throw new UsageException("--base-port " + basePort + " leaves no room for " + nodes + " ports");
        }
        for (int i = 0; i < nodes; i++) {
          out.add(basePort + i);
        }
        return out;
      }
      List<ServerSocket> sockets = new ArrayList<>();
      try {
        for (int i = 0; i < nodes; i++) {
          ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
          sockets.add(s);
          out.add(s.getLocalPort());
        }
      } finally {
        for (ServerSocket s : sockets) {
          s.close();
        }
      }
      return out;
    }
  }

  @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stops the nodes of a cluster started by 'cluster start' (their data stays).")
  static final class Stop implements Callable<Integer> {
    @Option(names = "--dir", paramLabel = "DIR", defaultValue = DEFAULT_DIR, description = "The cluster's directory (default ${DEFAULT-VALUE}).")
    Path dir;

    @Override
    public Integer call() throws Exception {
      ClusterState state = ClusterState.read(dir);
      int failed = 0;
      for (ClusterState.Node n : state.nodes()) {
        Optional<ProcessHandle> h = NodeLauncher.ours(n.pid(), n.startedMs());
        if (h.isEmpty()) {
          System.out.println(n.id() + " was not running");
        } else if (NodeLauncher.stop(h.get(), 10_000)) {
          System.out.println(n.id() + " stopped (pid " + n.pid() + ")");
        } else {
          System.out.println(n.id() + " did not stop (pid " + n.pid() + ")");
          failed++;
        }
      }
      if (failed == 0) {
        ClusterState.delete(dir);
      }
      return failed == 0 ? ExitCodes.VALID : ExitCodes.UNKNOWN;
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true, description = "Shows each node of the cluster: its address, pid and whether it answers.")
  static final class Status implements Callable<Integer> {
    @Option(names = "--dir", paramLabel = "DIR", defaultValue = DEFAULT_DIR, description = "The cluster's directory (default ${DEFAULT-VALUE}).")
    Path dir;

    @Override
    public Integer call() {
      ClusterState state = ClusterState.read(dir);
      ClientOptions opts = ClientOptions.DEFAULTS.withConnectTimeoutMs(500).withRequestTimeoutMs(1000);
      int down = 0;
      System.out.println("n=" + state.n() + " w=" + state.w() + " r=" + state.r());
      for (ClusterState.Node n : state.nodes()) {
        boolean running = NodeLauncher.ours(n.pid(), n.startedMs()).isPresent();
        boolean answers = NodeLauncher.ping(new InetSocketAddress(n.host(), n.port()), opts).isPresent();
        down += answers ? 0 : 1;
        System.out.println(n.id() + " " + n.address() + " pid " + n.pid() + " " + (running ? "running" : "not running")
            + ", " + (answers ? "answers" : "does not answer"));
      }
      return down == 0 ? ExitCodes.VALID : ExitCodes.INVALID;
    }
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(java.util.Locale.ROOT);
  }
}
