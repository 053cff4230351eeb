package io.quorumlab.harness.cluster.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.TopContainerResponse;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import io.quorumlab.harness.cluster.Cluster;
import io.quorumlab.harness.cluster.DiskFault;
import io.quorumlab.harness.cluster.DiskFaultCommand;
import io.quorumlab.harness.cluster.Link;
import io.quorumlab.harness.cluster.NetworkRules;
import io.quorumlab.harness.cluster.NodeConfigs;
import io.quorumlab.harness.cluster.NodeSets;
import io.quorumlab.harness.cluster.NodeTasks;
import io.quorumlab.harness.cluster.ShutdownReaper;
import io.quorumlab.harness.cluster.Slowness;
import io.quorumlab.harness.cluster.local.ProcStatus;
import io.quorumlab.store.config.NodeConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The docker backend: every node is a container of an image built from the store's classpath, on a
 * network the harness creates, with a fixed address on it. Clients reach a node through its port
 * published on 127.0.0.1. Partitions and loss are iptables rules inside the containers (they have
 * NET_ADMIN); latency and rate are tc where the kernel offers it. Kill is docker kill -s KILL and
 * restart starts the same container again, whose filesystem (and data) survived; pause is the
 * cgroup freezer (docker pause).
 *
 * <p>Everything is labelled with the run and the harness process; a shutdown hook removes the
 * containers on Ctrl-C or SIGTERM, and the next start removes what a harness killed with kill -9
 * left behind.
 */
public final class DockerCluster implements Cluster {
  static final int NODE_PORT = 7000;
  private static final String DATA_DIR = "/var/lib/quorumlab/data";
  /** The containers' one interface on the run's network. */
  private static final String DEVICE = "eth0";

  private final DockerClusterOptions options;
  private final NodeConfig template;
  private final String runId;
  private final List<String> nodeIds;
  private final Map<String, ContainerNode> nodes = new LinkedHashMap<>();
  private final Object lock = new Object();
  private final ExecutorService pool;
  private volatile Map<String, Set<String>> grudge = Map.of();
  private volatile Map<Link, Slowness> slowed = Map.of();
  private volatile NetworkRules.Capabilities capabilities;
  private String image;
  private String networkId;
  private volatile boolean started;
  private volatile boolean closed;
  private volatile List<String> cleanedUp = List.of();

  public DockerCluster(DockerClusterOptions options) {
    NodeConfigs.validate(options.template(), options.nodes());
    this.options = options;
    this.runId = "ql" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL);
    this.template = NodeConfigs.inCluster(options.template(), "quorumlab-" + runId);
    this.nodeIds = NodeConfigs.nodeIds(options.nodes());
    this.pool = Executors.newFixedThreadPool(Math.max(2, options.nodes()), r -> {
      Thread t = new Thread(r, "quorumlab-docker");
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public String backend() {
    return "docker";
  }

  @Override
  public List<String> nodes() {
    return nodeIds;
  }

  /** The value of the {@code io.quorumlab.run} label on this run's containers and network. */
  public String runId() {
    return runId;
  }

  /** The node image's tag (after {@link #start()}). */
  public String image() {
    return image;
  }

  /** The node's address on the run's network. */
  public String ip(String node) {
    return node(node).ip;
  }

  /** What the containers' kernel can inject (probed at start). */
  public NetworkRules.Capabilities capabilities() {
    return capabilities;
  }

  /**
   * Checks the engine and the base image before anything is created: throws
   * {@link io.quorumlab.harness.cluster.ClusterUnavailableException} with the fix when either is
   * missing.
   */
  public void preflight() {
    DockerEngine.client();
    DockerEngine.requireImage(options.baseImage());
  }

  @Override
  public void start() throws Exception {
    synchronized (lock) {
      if (started) throw new IllegalStateException("cluster already started");
      preflight();
      started = true;
      ShutdownReaper.register(this, this::removeAll);
      try {
        List<String> stale = StaleRuns.remove();
        if (!stale.isEmpty()) cleanedUp = List.of("removed " + String.join(", ", stale) + " left behind by a harness that was killed");
        image = NodeImage.ensure(options);
        createNetwork();
        NodeTasks.parallel(pool, nodeIds, n -> {
          createContainer(nodes.get(n));
        });
        NodeTasks.parallel(pool, nodeIds, n -> {
          startContainer(nodes.get(n));
        });
        capabilities = NetworkRules.Capabilities.parse(
            DockerEngine.exec(nodes.get(nodeIds.get(0)).containerId, NetworkRules.Capabilities.PROBE, 30).output());
      } catch (Exception e) {
        close();
        throw e;
      }
    }
  }

  private void createNetwork() {
    DockerClient c = DockerEngine.client();
    int base = Math.floorMod(runId.hashCode(), 200);
    RuntimeException last = null;
    for (int i = 0; i < 40; i++) {
      int k = 20 + (base + i * 7) % 230;
      String prefix = "10.213." + k + ".";
      try {
        networkId = c.createNetworkCmd().withName("quorumlab-" + runId).withDriver("bridge").withLabels(Labels.of(runId))
            .withIpam(new Network.Ipam().withConfig(new Network.Ipam.Config().withSubnet(prefix + "0/24").withGateway(prefix + "1")))
            .exec().getId();
        for (int j = 0; j < nodeIds.size(); j++) nodes.put(nodeIds.get(j), new ContainerNode(nodeIds.get(j), prefix + (10 + j)));
        return;
      } catch (RuntimeException e) {
        last = e; // the subnet overlaps another network: try the next one
      }
    }
    throw new IllegalStateException("could not create a docker network for the run: " + last.getMessage(), last);
  }

  private NodeConfig configOf(String n) {
    Map<String, String> members = new TreeMap<>();
    nodes.forEach((m, cn) -> members.put(m, cn.ip + ":" + NODE_PORT));
    return NodeConfigs.forNode(template, n, "0.0.0.0", NODE_PORT, DATA_DIR, members);
  }

  private void createContainer(ContainerNode cn) throws IOException {
    DockerClient c = DockerEngine.client();
    cn.hostPort = freePort();
    Map<String, String> labels = new LinkedHashMap<>(Labels.of(runId));
    labels.put(Labels.NODE, cn.id);
    HostConfig hc = HostConfig.newHostConfig()
        .withCapAdd(Capability.NET_ADMIN)
        .withNetworkMode("quorumlab-" + runId)
        .withPortBindings(new PortBinding(Ports.Binding.bindIpAndPort("127.0.0.1", cn.hostPort), ExposedPort.tcp(NODE_PORT)));
    cn.containerId = c.createContainerCmd(image)
        .withName("quorumlab-" + runId + "-" + cn.id)
        .withHostName(cn.id)
        .withLabels(labels)
        .withExposedPorts(ExposedPort.tcp(NODE_PORT))
        .withHostConfig(hc)
        .withIpv4Address(cn.ip)
        .exec().getId();
    c.copyArchiveToContainerCmd(cn.containerId)
        .withTarInputStream(new ByteArrayInputStream(configTar(NodeConfigs.toJson(configOf(cn.id)))))
        .withRemotePath("/etc")
        .exec();
  }

  private static byte[] configTar(String json) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream t = new TarArchiveOutputStream(bytes)) {
      TarArchiveEntry dir = new TarArchiveEntry("quorumlab/");
      t.putArchiveEntry(dir);
      t.closeArchiveEntry();
      byte[] b = json.getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry f = new TarArchiveEntry("quorumlab/node.json");
      f.setSize(b.length);
      t.putArchiveEntry(f);
      t.write(b);
      t.closeArchiveEntry();
    }
    return bytes.toByteArray();
  }

  /** Starts the container, installs its network state and waits until the node listens. */
  private void startContainer(ContainerNode cn) throws IOException, InterruptedException {
    DockerEngine.client().startContainerCmd(cn.containerId).exec();
    cn.killed = false;
    cn.paused = false;
    applyAll(cn);
    DockerEngine.ExecResult r = DockerEngine.exec(cn.containerId,
        NetworkRules.awaitListening(NODE_PORT, options.startTimeout().toSeconds()), options.startTimeout().toSeconds() + 10);
    if (!r.ok()) {
      InspectContainerResponse.ContainerState st = DockerEngine.client().inspectContainerCmd(cn.containerId).exec().getState();
      String why = Boolean.TRUE.equals(st.getRunning()) ? "did not listen on port " + NODE_PORT + " in time"
          : "exited with code " + st.getExitCodeLong() + " before listening";
      throw new IOException(cn.id + " " + why + "; last lines of its log:\n" + logTail(cn, 20));
    }
  }

  /** The whole network state of one node: chains, partition, loss and shaping. */
  private void applyAll(ContainerNode cn) throws InterruptedException {
    String script = NetworkRules.setup() + "\n" + NetworkRules.partition(cn.id, grudge, ips());
    if (!slowed.isEmpty() && capabilities != null) script += "\n" + NetworkRules.slow(cn.id, slowed, ips(), capabilities, DEVICE);
    exec(cn, script);
  }

  private Map<String, String> ips() {
    Map<String, String> ips = new LinkedHashMap<>();
    nodes.forEach((n, cn) -> ips.put(n, cn.ip));
    return ips;
  }

  private void exec(ContainerNode cn, String script) throws InterruptedException {
    DockerEngine.ExecResult r = DockerEngine.exec(cn.containerId, "set -e\n" + script, 30);
    if (!r.ok()) throw new IllegalStateException("network rules failed in " + cn.id + " (exit " + r.exitCode() + "): " + r.output().strip());
  }

  private ContainerNode node(String n) {
    ContainerNode cn = nodes.get(n);
    if (cn == null) {
      if (!nodeIds.contains(n)) throw new IllegalArgumentException("unknown node '" + n + "' (nodes: " + String.join(", ", nodeIds) + ")");
      throw new IllegalStateException("cluster is not running");
    }
    return cn;
  }

  private void requireStarted() {
    if (!started || closed || networkId == null) throw new IllegalStateException("cluster is not running");
  }

  @Override
  public List<String> cleanedUp() {
    return cleanedUp;
  }

  @Override
  public InetSocketAddress clientAddress(String node) {
    return new InetSocketAddress("127.0.0.1", node(node).hostPort);
  }

  @Override
  public void kill(String node) throws Exception {
    synchronized (lock) {
      requireStarted();
      ContainerNode cn = node(node);
      if (cn.killed) return;
      DockerClient c = DockerEngine.client();
      if (cn.paused) c.unpauseContainerCmd(cn.containerId).exec();
      c.killContainerCmd(cn.containerId).withSignal("KILL").exec();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (Boolean.TRUE.equals(c.inspectContainerCmd(cn.containerId).exec().getState().getRunning())) {
        if (System.nanoTime() > deadline) throw new IllegalStateException(node + " still runs after docker kill");
        Thread.sleep(20);
      }
      cn.killed = true;
      cn.paused = false;
    }
  }

  /** Through the node's admin protocol, as on the local backend; a crash ends the container's node, which this waits for. */
  @Override
  public String diskFault(String node, DiskFault fault, long seed) throws Exception {
    synchronized (lock) {
      requireStarted();
      ContainerNode cn = node(node);
      if (cn.killed || cn.paused) throw new IllegalStateException(node + " is not running: no disk fault for it");
      String done = DiskFaultCommand.send(clientAddress(node), fault, seed);
      if (fault.crashes()) {
        DockerClient c = DockerEngine.client();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (Boolean.TRUE.equals(c.inspectContainerCmd(cn.containerId).exec().getState().getRunning())) {
          if (System.nanoTime() > deadline) {
            c.killContainerCmd(cn.containerId).withSignal("KILL").exec();
            done += " (the node did not end by itself within 20 s: killed)";
            break;
          }
          Thread.sleep(20);
        }
        cn.killed = true;
      }
      return done;
    }
  }

  @Override
  public void restart(String node) throws Exception {
    synchronized (lock) {
      requireStarted();
      ContainerNode cn = node(node);
      if (!cn.killed) throw new IllegalStateException(node + " is running; kill it before restarting it");
      startContainer(cn);
    }
  }

  @Override
  public void pause(String node) throws Exception {
    synchronized (lock) {
      requireStarted();
      ContainerNode cn = node(node);
      if (cn.killed) throw new IllegalStateException(node + " is not running");
      if (cn.paused) return;
      DockerEngine.client().pauseContainerCmd(cn.containerId).exec();
      cn.paused = true;
    }
  }

  @Override
  public void resume(String node) throws Exception {
    synchronized (lock) {
      requireStarted();
      ContainerNode cn = node(node);
      if (!cn.paused) return;
      DockerEngine.client().unpauseContainerCmd(cn.containerId).exec();
      cn.paused = false;
      // Rules could not be changed while it was frozen (no exec into a paused container).
      applyAll(cn);
    }
  }

  @Override
  public void partition(Map<String, Set<String>> newGrudge) throws Exception {
    synchronized (lock) {
      requireStarted();
      Map<String, Set<String>> old = grudge;
      grudge = Link.normalized(newGrudge, this::node);
      // Only nodes whose own rules change are touched; frozen or dead ones get them when back.
      List<String> changed = nodeIds.stream()
          .filter(n -> !old.getOrDefault(n, Set.of()).equals(grudge.getOrDefault(n, Set.of())))
          .filter(n -> nodes.get(n).reachable())
          .toList();
      Map<String, String> ips = ips();
      Map<String, Set<String>> g = grudge;
      NodeTasks.parallel(pool, changed, n -> {
        exec(nodes.get(n), NetworkRules.partition(n, g, ips));
      });
    }
  }

  @Override
  public List<String> slow(Collection<Link> links, Slowness slowness) throws Exception {
    synchronized (lock) {
      requireStarted();
      Map<Link, Slowness> next = Slowness.onLinks(links, slowness, this::node);
      Set<String> touched = Link.endpoints(slowed.keySet(), next.keySet());
      slowed = Map.copyOf(next);
      Map<String, String> ips = ips();
      Map<Link, Slowness> s = slowed;
      NodeTasks.parallel(pool, touched.stream().filter(n -> nodes.get(n).reachable()).toList(), n -> {
        exec(nodes.get(n), NetworkRules.slow(n, s, ips, capabilities, DEVICE));
      });
      return NetworkRules.notInjected(slowness, next.size(), capabilities);
    }
  }

  @Override
  public void heal() throws Exception {
    synchronized (lock) {
      requireStarted();
      DockerClient c = DockerEngine.client();
      for (ContainerNode cn : nodes.values()) {
        if (cn.paused && !cn.killed) {
          c.unpauseContainerCmd(cn.containerId).exec();
          cn.paused = false;
        }
      }
      partition(Map.of());
      slow(List.of(), Slowness.NONE);
      List<String> dead = nodeIds.stream().filter(n -> nodes.get(n).killed).toList();
      NodeTasks.parallel(pool, dead, n -> {
        startContainer(nodes.get(n));
      });
      // Nodes that were frozen when the rules changed get the current (healed) state now.
      NodeTasks.parallel(pool, nodeIds.stream().filter(n -> !dead.contains(n)).toList(), n -> {
        applyAll(nodes.get(n));
      });
    }
  }

  @Override
  public Map<String, Set<String>> grudge() {
    return grudge;
  }

  @Override
  public Set<String> killed() {
    return NodeSets.where(nodes, cn -> cn.killed);
  }

  @Override
  public Set<String> paused() {
    return NodeSets.where(nodes, cn -> cn.paused);
  }

  /** The summed RSS of the container's processes, read from /proc on the Docker host. */
  @Override
  public OptionalLong residentBytes(String node) {
    ContainerNode cn = node(node);
    if (cn.containerId == null || cn.killed) return OptionalLong.empty();
    try {
      TopContainerResponse top = DockerEngine.client().topContainerCmd(cn.containerId).exec();
      int pidCol = List.of(top.getTitles()).indexOf("PID");
      long sum = 0;
      for (String[] p : top.getProcesses()) {
        OptionalLong rss = ProcStatus.residentBytes(Long.parseLong(p[pidCol]));
        if (rss.isEmpty()) return OptionalLong.empty();
        sum += rss.getAsLong();
      }
      return OptionalLong.of(sum);
    } catch (RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  @Override
  public void collectLogs(Path dir) throws Exception {
    Files.createDirectories(dir);
    for (ContainerNode cn : nodes.values()) {
      if (cn.containerId == null) continue;
      try (OutputStream out = Files.newOutputStream(dir.resolve(cn.id + ".log"))) {
        writeLogs(cn, out);
      }
    }
  }

  private void writeLogs(ContainerNode cn, OutputStream out) throws InterruptedException {
    ResultCallback.Adapter<Frame> cb = new ResultCallback.Adapter<>() {
      @Override
      public void onNext(Frame frame) {
        try {
          synchronized (out) {
            out.write(frame.getPayload());
          }
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    };
    DockerEngine.client().logContainerCmd(cn.containerId).withStdOut(true).withStdErr(true).withFollowStream(false)
        .exec(cb).awaitCompletion(30, TimeUnit.SECONDS);
  }

  private String logTail(ContainerNode cn, int lines) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      writeLogs(cn, out);
    } catch (InterruptedException | RuntimeException e) {
      return "(no log: " + e.getMessage() + ")";
    }
    List<String> all = out.toString(StandardCharsets.UTF_8).lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  /** Removes every container and the network of the run. */
  @Override
  public void close() {
    synchronized (lock) {
      if (closed) return;
      closed = true;
      try {
        removeAll();
      } finally {
        ShutdownReaper.unregister(this);
        pool.shutdownNow();
      }
    }
  }

  /** Removal without the lock: also the shutdown hook's path. Containers go in parallel. */
  void removeAll() {
    try {
      DockerClient c = DockerEngine.client();
      List<Thread> removers = new ArrayList<>();
      for (ContainerNode cn : nodes.values()) {
        if (cn.containerId == null) continue;
        Thread t = new Thread(() -> {
          try {
            c.removeContainerCmd(cn.containerId).withForce(true).withRemoveVolumes(true).exec();
          } catch (RuntimeException e) {
            // gone already, or removed by label below
          }
        }, "quorumlab-docker-rm");
        t.start();
        removers.add(t);
      }
      for (Thread t : removers) t.join(30_000);
      // Whatever is still labelled with the run (a container being created, the network) goes too.
      StaleRuns.removeRun(runId);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // no engine: nothing of ours can be running there
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress("127.0.0.1", 0));
      return s.getLocalPort();
    }
  }

  @Override
  public String toString() {
    return "DockerCluster[" + runId + "]";
  }
}
