package io.quorumlab.harness.cli;

import io.quorumlab.harness.ExitCodes;
import io.quorumlab.harness.SpecException;
import io.quorumlab.harness.cluster.NodeConfigs;
import io.quorumlab.harness.cli.store.ClusterState;
import io.quorumlab.harness.cli.store.JoinNode;
import io.quorumlab.harness.cli.store.LeaveNode;
import io.quorumlab.harness.cli.store.NodeAdmin;
import io.quorumlab.harness.cli.store.RemoveNode;
import io.quorumlab.harness.cli.store.StatusView;
import io.quorumlab.harness.cli.store.NodeLauncher;
import io.quorumlab.harness.cli.store.ClusterIdentityOptions;
import io.quorumlab.harness.cli.store.StoreOptions;
import io.quorumlab.store.admin.NodeStatus;
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

/** {@code quorumlab cluster start|stop|status|join|leave|remove|repair}: a local cluster of real node processes on 127.0.0.1. */
@Command(
    name = "cluster",
    mixinStandardHelpOptions = true,
    description = "Starts, stops, inspects and resizes a local cluster of node processes on 127.0.0.1.",
    subcommands = {ClusterCommand.Start.class, ClusterCommand.Stop.class, ClusterCommand.Status.class,
        ClusterCommand.Join.class, ClusterCommand.Leave.class, ClusterCommand.Remove.class, ClusterCommand.Repair.class})
public final class ClusterCommand implements Runnable {
  static final String DEFAULT_DIR = "runs/cluster";

  @Override
  public void run() {
    throw new SpecException("cluster needs a subcommand: start, stop, status, join, leave, remove or repair");
  }

  @Command(name = "start", mixinStandardHelpOptions = true, defaultValueProvider = StoreOptions.StoreDefaults.class,
      description = "Starts K node processes (detached), waits until each answers, prints their addresses and returns.")
  static final class Start implements Callable<Integer>, ExplainsBadArguments {
    @Option(names = "--nodes", paramLabel = "K", defaultValue = "3", description = "Number of nodes (default ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--backend", paramLabel = "local", defaultValue = "local",
        description = "Only local: the nodes run on this machine. On docker or ssh hosts, run and compare start, fault and stop the nodes themselves.")
    String backend;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = DEFAULT_DIR, description = "State, configs, data and logs (default ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--base-port", paramLabel = "PORT", description = "Ports PORT..PORT+K-1 (default: free ports).")
    Integer basePort;

    @Option(names = "--heap", paramLabel = "SIZE", defaultValue = "256m", description = "Heap per node JVM (default ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--start-timeout-ms", paramLabel = "MS", defaultValue = "30000", description = "How long each node may take to answer (default ${DEFAULT-VALUE}).")
    long startTimeoutMs;

    @Mixin StoreOptions settings;
    @Mixin ClusterIdentityOptions identity;

    /**
     * A detached cluster is a local one: its state file, stop, status, join and leave reach the
     * nodes as processes of this machine. Nodes on docker or ssh hosts live as long as the run that
     * started them, which tears them down when it ends.
     */
    @Override
    public Optional<String> explain() {
      if (backend == null || backend.equals("local")) return Optional.empty();
      return Optional.of("cluster start runs its nodes on this machine only (--backend local), not on the " + backend + " backend:"
          + " 'quorumlab run --backend " + backend + "' and 'quorumlab compare --backend " + backend + "' start its nodes and remove"
          + " them when the run ends");
    }

    @Override
    public Integer call() throws Exception {
      Optional<String> refusal = explain();
      if (refusal.isPresent()) throw new SpecException(refusal.get());
      if (nodes < 1) {
        throw new SpecException("--nodes must be at least 1, not " + nodes);
      }
      if (ClusterState.exists(dir)) {
        ClusterState old = ClusterState.read(dir);
        List<String> alive = old.nodes().stream()
            .filter(n -> NodeLauncher.ours(n.pid(), n.startedMs()).isPresent()).map(n -> n.id() + " (pid " + n.pid() + ")").toList();
        if (!alive.isEmpty()) {
          throw new SpecException("a cluster is already running in " + dir + ": " + String.join(", ", alive)
              + "; stop it with 'quorumlab cluster stop" + (dir.toString().equals(DEFAULT_DIR) ? "" : " --dir " + dir) + "'");
        }
      }
      List<Integer> ports = ports();
      Map<String, String> members = new LinkedHashMap<>();
      for (int i = 0; i < nodes; i++) {
        members.put("n" + (i + 1), "127.0.0.1:" + ports.get(i));
      }
      NodeConfig template = identity.applyTo(settings.applyTo(NodeConfigs.inCluster(NodeConfig.defaults("n1", ports.get(0), "", members),
          "cluster-" + NodeConfigs.newSecret().substring(0, 8))));
      List<String> problems = NodeConfigCheck.problems(template).stream()
          .map(p -> p.replace("the cluster size", "--nodes")).toList();
      if (!problems.isEmpty()) {
        throw new SpecException("refusing to start: " + String.join("; ", problems));
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
          + " quorum=" + template.quorum().wireName() + " read-repair=" + template.readRepair().wireName() + " conflicts="
          + template.conflicts().wireName() + " fsync=" + template.fsync().wireName() + ")");
      for (ClusterState.Node n : started) {
        System.out.println(n.id() + " " + n.address() + " pid " + n.pid() + " log " + n.log());
      }
      return ExitCodes.VALID;
    }

    private List<Integer> ports() throws IOException {
      List<Integer> out = new ArrayList<>();
      if (basePort != null) {
        if (basePort < 1 || basePort + nodes - 1 > 65535) {
          throw new SpecException("--base-port " + basePort + " leaves no room for " + nodes + " ports");
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

  @Command(name = "status", mixinStandardHelpOptions = true,
      description = {"Shows each node of the cluster (address, pid, whether it answers, whether its storage accepts writes), the members as one node's failure detector"
          + " sees them (status, phi, generation, ring ownership, hints held for them), and per node its hint queue,"
          + " anti-entropy progress, transfers and gossip rate.",
          "Exit code 0 when every node answers and its storage accepts writes, 1 otherwise."})
  static final class Status implements Callable<Integer> {
    @Option(names = "--dir", paramLabel = "DIR", defaultValue = DEFAULT_DIR, description = "The cluster's directory (default ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--node", paramLabel = "ID", description = "Whose view of the members to show (default: the first node that answers).")
    String node;

    @Override
    public Integer call() {
      ClusterState state = ClusterState.read(dir);
      if (node != null) {
        state.node(node, dir);
      }
      int unhealthy = 0;
      System.out.println("n=" + state.n() + " w=" + state.w() + " r=" + state.r());
      Map<String, NodeStatus> statuses = new LinkedHashMap<>();
      for (ClusterState.Node n : state.nodes()) {
        boolean running = NodeLauncher.ours(n.pid(), n.startedMs()).isPresent();
        Optional<NodeStatus> s = NodeAdmin.status(n);
        s.ifPresent(x -> statuses.put(n.id(), x));
        boolean storageFailed = s.isPresent() && s.get().storage() != null && s.get().storage().failedNow();
        unhealthy += s.isEmpty() || storageFailed ? 1 : 0;
        System.out.println(n.id() + " " + n.address() + " pid " + n.pid() + " " + (running ? "running" : "not running")
            + ", " + (s.isPresent() ? "answers, " + StatusView.storage(s.get().storage(), System.currentTimeMillis()) : "does not answer"));
      }
      NodeStatus view = node != null ? statuses.get(node) : statuses.values().stream().findFirst().orElse(null);
      if (view != null) {
        StatusView.printView(view, System.out);
      } else if (node != null) {
        System.out.println(node + " does not answer: no view to show");
      }
      statuses.values().forEach(s -> StatusView.printSummary(s, System.out));
      return unhealthy == 0 ? ExitCodes.VALID : ExitCodes.INVALID;
    }
  }

  @Command(name = "join", mixinStandardHelpOptions = true,
      description = {"Starts node NODE as a new process that joins the cluster through its running nodes: it takes over the"
          + " ranges it will replicate (streamed from their current replicas while the cluster keeps serving), then announces"
          + " itself UP and the ring change is gossiped.",
          "Refused with exit 254, nothing moved: NODE already a member, no node of the cluster answering, or NODE unreachable"
          + " (its port in use, or the process not answering)."})
  static final class Join implements Callable<Integer> {
    @picocli.CommandLine.Parameters(index = "0", paramLabel = "NODE", description = "Id of the new node (e.g. n4).")
    String id;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = DEFAULT_DIR, description = "The cluster's directory (default ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--port", paramLabel = "PORT", description = "Port of the new node on 127.0.0.1 (default: a free port).")
    Integer port;

    @Option(names = "--heap", paramLabel = "SIZE", defaultValue = "256m", description = "Heap of the new node's JVM (default ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--start-timeout-ms", paramLabel = "MS", defaultValue = "30000", description = "How long the new node may take to answer (default ${DEFAULT-VALUE}).")
    long startTimeoutMs;

    @Option(names = "--timeout-ms", paramLabel = "MS", defaultValue = "300000", description = "How long to wait for the join to finish (default ${DEFAULT-VALUE}).")
    long timeoutMs;

    @Override
    public Integer call() throws Exception {
      return JoinNode.run(dir, id, port, heap, startTimeoutMs, timeoutMs, System.out, System.err);
    }
  }

  @Command(name = "leave", mixinStandardHelpOptions = true,
      description = {"Makes node NODE leave the cluster: it hands each of its keys to the nodes that replicate it without NODE,"
          + " delivers its hints and announces LEFT; then its process is stopped.",
          "Refused with exit 254, nothing moved: NODE unknown or not answering, or fewer than N nodes would remain."})
  static final class Leave implements Callable<Integer> {
    @picocli.CommandLine.Parameters(index = "0", paramLabel = "NODE", description = "Id of the leaving node.")
    String id;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = DEFAULT_DIR, description = "The cluster's directory (default ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--timeout-ms", paramLabel = "MS", defaultValue = "300000", description = "How long to wait for the hand-off (default ${DEFAULT-VALUE}).")
    long timeoutMs;

    @Override
    public Integer call() throws Exception {
      return LeaveNode.run(dir, id, timeoutMs, System.out, System.err);
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true,
      description = {"Force-removes node NODE, which died for good, from the cluster: a live member announces it LEFT on its"
          + " behalf and gossip takes it out of every ring; the nodes that take over its ranges get its keys from the"
          + " remaining replicas (anti-entropy, read repair). Its process must not run.",
          "Refused with exit 254, nothing removed: NODE unknown, alive (its process runs or it answers), no other node"
          + " answering, or NODE not convicted by the others' failure detectors within --timeout-ms."})
  static final class Remove implements Callable<Integer> {
    @picocli.CommandLine.Parameters(index = "0", paramLabel = "NODE", description = "Id of the dead node.")
    String id;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = DEFAULT_DIR, description = "The cluster's directory (default ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--timeout-ms", paramLabel = "MS", defaultValue = "30000", description = "How long to wait for the others to convict NODE (default ${DEFAULT-VALUE}).")
    long timeoutMs;

    @Override
    public Integer call() throws Exception {
      return RemoveNode.run(dir, id, timeoutMs, System.out, System.err);
    }
  }

  @Command(name = "repair", mixinStandardHelpOptions = true,
      description = "Starts a Merkle-tree anti-entropy exchange now between each node (or --node) and every reachable peer;"
          + " 'cluster status' shows the progress.")
  static final class Repair implements Callable<Integer> {
    @Option(names = "--dir", paramLabel = "DIR", defaultValue = DEFAULT_DIR, description = "The cluster's directory (default ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--node", paramLabel = "ID", description = "Only this node starts exchanges (default: every node).")
    String node;

    @Override
    public Integer call() {
      ClusterState state = ClusterState.read(dir);
      List<ClusterState.Node> targets = node == null ? state.nodes() : List.of(state.node(node, dir));
      int failed = 0;
      for (ClusterState.Node n : targets) {
        try {
          NodeAdmin.admin(n, "repair");
          System.out.println(n.id() + ": anti-entropy exchanges started");
        } catch (io.quorumlab.store.client.StoreException e) {
          System.out.println(n.id() + ": " + e.getMessage());
          failed++;
        }
      }
      return failed == 0 ? ExitCodes.VALID : ExitCodes.INVALID;
    }
  }

}
