package io.quorumlab.harness.cluster.local;

import io.quorumlab.harness.cluster.Classpath;
import io.quorumlab.harness.cluster.Cluster;
import io.quorumlab.harness.cluster.ClusterMembership;
import io.quorumlab.harness.cluster.DiskFault;
import io.quorumlab.harness.cluster.DiskFaultCommand;
import io.quorumlab.harness.cluster.Link;
import io.quorumlab.harness.cluster.NodeCommand;
import io.quorumlab.harness.cluster.NodeConfigs;
import io.quorumlab.harness.cluster.NodeSets;
import io.quorumlab.harness.cluster.ShutdownReaper;
import io.quorumlab.harness.cluster.Slowness;
import io.quorumlab.harness.cluster.proxy.FlowRules;
import io.quorumlab.harness.cluster.proxy.ProxyGroup;
import io.quorumlab.store.client.ClientOptions;
import io.quorumlab.store.client.InvalidRequestException;
import io.quorumlab.store.client.NettyStoreClient;
import io.quorumlab.store.client.StoreException;
import io.quorumlab.store.config.NodeConfig;
import io.quorumlab.store.services.ClusterServices;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local backend: every node is its own JVM on 127.0.0.1 with its own data directory and log;
 * every node-to-node link goes through a frame-aware proxy of the harness, so a partition or a slow
 * link is a rule in the proxies. Clients connect to the nodes directly.
 *
 * <p>No node outlives the harness: a shutdown hook kills them on Ctrl-C or SIGTERM, and pid files
 * let the next cluster kill what a harness that died by kill -9 left behind, and delete its
 * temporary directory; {@link #cleanedUp()} says what it found.
 */
public final class LocalCluster implements Cluster {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final int PORT_ATTEMPTS = 3;
  private static final ClientOptions ADMIN = ClientOptions.DEFAULTS.withConnectTimeoutMs(500).withRequestTimeoutMs(3000);

  private final LocalClusterOptions options;
  private final NodeConfig template;
  private final String id;
  private final Path dir;
  private final boolean temporaryDir;
  private final List<String> nodeIds;
  private final Map<String, NodeProcess> nodes = new LinkedHashMap<>();
  /** Nodes that joined and then left or crashed for good: never started again. */
  private final Set<String> retired = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final Object lock = new Object();
  private ProxyGroup proxies;
  private volatile Map<String, Set<String>> grudge = Map.of();
  private volatile boolean closed;
  private List<String> cleanedUp = List.of();

  public LocalCluster(LocalClusterOptions options) throws IOException {
    NodeConfigs.validate(options.template(), options.nodes());
    if (!Classpath.exists(options.classpath())) {
      throw new IOException("the node classpath names files that do not exist (was the build cleaned?): "
          + Classpath.join(options.classpath()));
    }
    this.options = options;
    this.id = "local-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet() + "-" + System.currentTimeMillis();
    this.template = NodeConfigs.inCluster(options.template(), id);
    this.temporaryDir = options.dir() == null;
    this.dir = temporaryDir ? Files.createTempDirectory(PidRegistry.TEMP_PREFIX) : options.dir().toAbsolutePath();
    this.nodeIds = NodeConfigs.nodeIds(options.nodes());
    for (String n : nodeIds) nodes.put(n, new NodeProcess(n, dir));
    // Recorded at once, so that a harness killed even before start() leaves nothing for good.
    if (temporaryDir) writePids();
  }

  @Override
  public String backend() {
    return "local";
  }

  @Override
  public List<String> nodes() {
    return nodeIds;
  }

  /** The working directory (data, configs, logs, pid file). */
  public Path dir() {
    return dir;
  }

  /** The proxies' rules and counters, for tests that look at single links. */
  public FlowRules flows() {
    return proxies.rules();
  }

  /** The pid of the node's JVM, or empty when it is not running. */
  public OptionalLong pid(String node) {
    Process p = node(node).process();
    return p != null && p.isAlive() ? OptionalLong.of(p.pid()) : OptionalLong.empty();
  }

  @Override
  public void start() throws Exception {
    synchronized (lock) {
      if (proxies != null) throw new IllegalStateException("cluster already started");
      Files.createDirectories(dir);
      cleanedUp = PidRegistry.reapStale(dir).lines();
      ShutdownReaper.register(this, this::destroyNow);
      try {
        proxies = new ProxyGroup(nodeIds, n -> new InetSocketAddress("127.0.0.1", nodes.get(n).port()));
        startNodes(nodeIds);
      } catch (Exception e) {
        close();
        throw e;
      }
    }
  }

  /** Spawns the given nodes together, then waits for each; a node whose port was taken gets another. */
  private void startNodes(List<String> ids) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + options.startTimeout().toNanos();
    List<String> pending = new ArrayList<>(ids);
    for (int attempt = 1; !pending.isEmpty(); attempt++) {
      for (String n : pending) {
        NodeProcess p = nodes.get(n);
        if (attempt > 1 || p.port() == 0) p.port(NodeProcess.freePort());
        NodeConfigs.write(configOf(n), p.configFile);
        p.spawn(command(p));
      }
      writePids();
      List<String> retry = new ArrayList<>();
      for (String n : pending) {
        NodeProcess p = nodes.get(n);
        try {
          p.awaitListening(deadline);
        } catch (NodeStartException e) {
          if (attempt < PORT_ATTEMPTS && !p.running() && p.portWasTaken()) retry.add(n);
          else throw e;
        }
      }
      pending = retry;
    }
  }

  private NodeConfig configOf(String n) {
    Map<String, String> members = new TreeMap<>();
    for (String m : nodeIds) {
      members.put(m, m.equals(n) ? "127.0.0.1:" + nodes.get(n).port() : "127.0.0.1:" + proxies.port(new Link(n, m)));
    }
    return NodeConfigs.forNode(template, n, "127.0.0.1", nodes.get(n).port(), nodes.get(n).dataDir.toString(), members);
  }

  private List<String> command(NodeProcess p) {
    return new NodeCommand(options.jvmArgs(), Map.of("quorumlab.cluster", id, "quorumlab.node", p.id), options.classpath(),
        options.mainClass()).serve(p.configFile);
  }

  private void writePids() throws IOException {
    Map<String, ProcessHandle> live = new LinkedHashMap<>();
    nodes.forEach((n, p) -> {
      if (p.running()) live.put(n, p.process().toHandle());
    });
    PidRegistry.write(dir, id, temporaryDir ? dir : null, live);
  }

  private NodeProcess node(String n) {
    NodeProcess p = nodes.get(n);
    if (p == null) throw new IllegalArgumentException("unknown node '" + n + "' (nodes: " + String.join(", ", nodeIds) + ")");
    return p;
  }

  private void requireStarted() {
    if (proxies == null || closed) throw new IllegalStateException("cluster is not running");
  }

  @Override
  public List<String> cleanedUp() {
    return cleanedUp;
  }

  @Override
  public InetSocketAddress clientAddress(String node) {
    return new InetSocketAddress("127.0.0.1", node(node).port());
  }

  @Override
  public void kill(String node) throws Exception {
    synchronized (lock) {
      requireStarted();
      node(node).kill();
      writePids();
    }
  }

  @Override
  public void restart(String node) throws Exception {
    synchronized (lock) {
      requireStarted();
      if (node(node).running()) throw new IllegalStateException(node + " is running; kill it before restarting it");
      startNodes(List.of(node));
    }
  }

  /** Through the node's admin protocol; a crash ends the node's JVM, which this waits for. */
  @Override
  public String diskFault(String node, DiskFault fault, long seed) throws Exception {
    synchronized (lock) {
      requireStarted();
      NodeProcess p = node(node);
      if (!p.running() || p.paused()) throw new IllegalStateException(node + " is not running: no disk fault for it");
      String done = DiskFaultCommand.send(clientAddress(node), fault, seed);
      if (fault.crashes()) {
        if (!p.process().waitFor(10, TimeUnit.SECONDS)) {
          p.kill();
          done += " (the process did not end by itself within 10 s: killed)";
        }
        writePids();
      }
      return done;
    }
  }

  @Override
  public void pause(String node) throws Exception {
    synchronized (lock) {
      requireStarted();
      node(node).pause();
    }
  }

  @Override
  public void resume(String node) throws Exception {
    synchronized (lock) {
      requireStarted();
      node(node).resume();
    }
  }

  @Override
  public void partition(Map<String, Set<String>> grudge) {
    synchronized (lock) {
      requireStarted();
      Map<String, Set<String>> normalized = Link.normalized(grudge, this::node);
      proxies.rules().cutExactly(Link.cutBy(normalized));
      this.grudge = normalized;
    }
  }

  @Override
  public List<String> slow(Collection<Link> links, Slowness slowness) {
    synchronized (lock) {
      requireStarted();
      links.forEach(l -> {
        node(l.from());
        node(l.to());
      });
      proxies.rules().slowExactly(links, slowness);
      return List.of();
    }
  }

  @Override
  public void heal() throws Exception {
    synchronized (lock) {
      requireStarted();
      partition(Map.of());
      slow(List.of(), Slowness.NONE);
      for (NodeProcess p : nodes.values()) if (p.running() && p.paused()) p.resume();
      List<String> dead = nodeIds.stream().filter(n -> !nodes.get(n).running()).toList();
      if (!dead.isEmpty()) startNodes(dead);
    }
  }

  @Override
  public Map<String, Set<String>> grudge() {
    return grudge;
  }

  @Override
  public Set<String> killed() {
    return NodeSets.where(nodes, p -> proxies != null && !p.running());
  }

  @Override
  public Set<String> paused() {
    return NodeSets.where(nodes, p -> p.running() && p.paused());
  }

  @Override
  public OptionalLong residentBytes(String node) {
    return node(node).residentBytes();
  }

  /**
   * Joined nodes are JVMs like the others, with ports of their own; their links to and from the other
   * nodes go direct, not through the proxies (which are made for the nodes of {@link #start}), so
   * partitions and slow links, which only the initial nodes get, do not reach them.
   */
  @Override
  public Optional<ClusterMembership> membership() {
    return Optional.of(new ClusterMembership() {
      @Override
      public void join(String id) throws Exception {
        synchronized (lock) {
          requireStarted();
          if (nodes.containsKey(id)) throw new IllegalArgumentException("a node '" + id + "' exists already");
          NodeProcess p = new NodeProcess(id, dir);
          nodes.put(id, p);
          p.port(NodeProcess.freePort());
          Map<String, String> members = new TreeMap<>();
          List<String> seeds = new ArrayList<>();
          nodes.forEach((n, q) -> {
            if (!retired.contains(n)) members.put(n, "127.0.0.1:" + q.port());
            if (!n.equals(id) && nodeIds.contains(n) && q.running() && !q.paused()) seeds.add(n);
          });
          NodeConfigs.write(NodeConfigs.forNode(template, id, "127.0.0.1", p.port(), p.dataDir.toString(), members).toBuilder()
              .seeds(seeds.isEmpty() ? nodeIds : seeds).join(true).build(), p.configFile);
          p.spawn(command(p));
          writePids();
          p.awaitListening(System.nanoTime() + options.startTimeout().toNanos());
        }
      }

      @Override
      public void leave(String id) throws Exception {
        admin(id, "leave");
      }

      @Override
      public void crash(String id) throws Exception {
        synchronized (lock) {
          requireStarted();
          retired.add(id);
          node(id).kill();
          writePids();
        }
      }

      @Override
      public void remove(String id, String via) throws Exception {
        try {
          admin(via, ClusterServices.REMOVE + id);
        } catch (InvalidRequestException e) {
          throw new IllegalArgumentException(e.getMessage());
        }
      }

      @Override
      public void retire(String id) throws Exception {
        synchronized (lock) {
          requireStarted();
          retired.add(id);
          NodeProcess p = node(id);
          p.terminate();
          Process proc = p.process();
          if (proc != null && !proc.waitFor(5, TimeUnit.SECONDS)) p.kill();
          writePids();
        }
      }

      @Override
      public Optional<String> state(String id) {
        NodeProcess p = node(id);
        if (!p.running() || p.paused()) return Optional.empty();
        try (NettyStoreClient c = NettyStoreClient.connect(clientAddress(id), ADMIN)) {
          return Optional.of(c.status().state());
        } catch (StoreException | IllegalArgumentException e) {
          return Optional.empty();
        }
      }

      @Override
      public Optional<String> stateSeenBy(String observer, String member) {
        NodeProcess p = node(observer);
        if (!p.running() || p.paused()) return Optional.empty();
        try (NettyStoreClient c = NettyStoreClient.connect(clientAddress(observer), ADMIN)) {
          return Optional.ofNullable(c.status().member(member)).map(m -> m.status());
        } catch (StoreException | IllegalArgumentException e) {
          return Optional.empty();
        }
      }

      private void admin(String id, String command) throws StoreException {
        try (NettyStoreClient c = NettyStoreClient.connect(clientAddress(id), ADMIN)) {
          c.admin(command);
        }
      }
    });
  }

  @Override
  public void collectLogs(Path target) throws IOException {
    Files.createDirectories(target);
    for (NodeProcess p : nodes.values()) {
      if (Files.exists(p.logFile)) Files.copy(p.logFile, target.resolve(p.id + ".log"), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Stops every node (SIGTERM, then SIGKILL after two seconds), closes the proxies and removes the
   * pid files; a temporary working directory is deleted.
   */
  @Override
  public void close() {
    synchronized (lock) {
      if (closed) return;
      closed = true;
      nodes.values().forEach(NodeProcess::terminate);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
      for (NodeProcess p : nodes.values()) {
        Process proc = p.process();
        try {
          if (proc != null && !proc.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) p.kill();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          destroyNow();
        }
      }
      if (proxies != null) proxies.close();
      PidRegistry.remove(dir, id);
      ShutdownReaper.unregister(this);
      if (temporaryDir) PidRegistry.deleteRecursively(dir);
    }
  }

  /** SIGKILL of every node without waiting: the shutdown hook's last resort. */
  void destroyNow() {
    for (NodeProcess p : nodes.values()) {
      Process proc = p.process();
      if (proc != null) {
        proc.descendants().forEach(ProcessHandle::destroyForcibly);
        proc.destroyForcibly();
      }
    }
    for (NodeProcess p : nodes.values()) {
      Process proc = p.process();
      try {
        if (proc != null) proc.waitFor(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    PidRegistry.remove(dir, id);
  }

  @Override
  public String toString() {
    return "LocalCluster[" + id + ", " + dir + "]";
  }
}
