package io.quorumlab.harness.cluster.ssh;

import io.quorumlab.harness.cluster.ClasspathArchive;
import io.quorumlab.harness.cluster.Cluster;
import io.quorumlab.harness.cluster.ClusterUnavailableException;
import io.quorumlab.harness.cluster.DiskFault;
import io.quorumlab.harness.cluster.DiskFaultCommand;
import io.quorumlab.harness.cluster.Link;
import io.quorumlab.harness.cluster.NetworkRules;
import io.quorumlab.harness.cluster.NodeCommand;
import io.quorumlab.harness.cluster.NodeConfigs;
import io.quorumlab.harness.cluster.NodeSets;
import io.quorumlab.harness.cluster.NodeTasks;
import io.quorumlab.harness.cluster.ShutdownReaper;
import io.quorumlab.harness.cluster.Slowness;
import io.quorumlab.store.config.NodeConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The ssh backend: one node on each of a list of machines reached over SSH (Apache MINA SSHD; no
 * ssh binary). {@link #preflight()} logs in to every host and checks it (Java 17, iptables as root,
 * no other run there) before anything is changed on any of them; {@link #start()} claims each
 * host's run directory, uploads the classpath, and starts each node as a background process that
 * outlives the SSH session. Partitions and loss are the docker backend's iptables rules
 * ({@link NetworkRules}) on the hosts, by the peers' addresses; kill, pause and resume are signals
 * (KILL, STOP, CONT); clocks and disk faults go through the node's admin protocol. Clients connect
 * to each host's address on the node port.
 *
 * <p>{@link #close()}, and a shutdown hook on Ctrl-C, kill the nodes, remove the rules and remove
 * the run directories, on the hosts this run claimed only.
 */
public final class SshCluster implements Cluster {
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(5);

  private final SshClusterOptions options;
  private final NodeConfig template;
  private final String runId;
  private final List<String> nodeIds;
  private final Map<String, HostNode> nodes = new LinkedHashMap<>();
  private final Object lock = new Object();
  /** One tear-down at a time: a second Ctrl-C's shutdown hook waits for the one close() runs, then finds nothing to do. */
  private final Object tearDownLock = new Object();
  private final ExecutorService pool;
  private SshConnector connector;
  private volatile Map<String, Set<String>> grudge = Map.of();
  private volatile Map<Link, Slowness> slowed = Map.of();
  private volatile NetworkRules.Capabilities capabilities;
  private volatile boolean started;
  private volatile boolean closed;
  /** The classpath on the hosts, once uploaded. */
  private volatile String classpath;

  public SshCluster(SshClusterOptions options) {
    NodeConfigs.validate(options.template(), options.hosts().size());
    this.options = options;
    this.runId = "ql" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL);
    this.template = NodeConfigs.inCluster(options.template(), "quorumlab-" + runId);
    this.nodeIds = NodeConfigs.nodeIds(options.hosts().size());
    this.pool = Executors.newFixedThreadPool(Math.max(2, options.hosts().size()), r -> {
      Thread t = new Thread(r, "quorumlab-ssh");
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public String backend() {
    return "ssh";
  }

  @Override
  public List<String> nodes() {
    return nodeIds;
  }

  /** What the hosts' kernel can inject (probed at start). */
  public NetworkRules.Capabilities capabilities() {
    return capabilities;
  }

  /**
   * Logs in to every host and checks it, changing nothing on any: throws a one-line
   * {@link ClusterUnavailableException} naming each host that cannot take a node and why. Idempotent.
   */
  public void preflight() {
    synchronized (lock) {
      if (connector != null) return;
      if (closed) throw new IllegalStateException("cluster closed");
      SshConnector c = new SshConnector(options);
      Map<String, Future<HostNode>> fs = new LinkedHashMap<>();
      for (int i = 0; i < nodeIds.size(); i++) {
        String id = nodeIds.get(i);
        SshHost h = options.hosts().get(i);
        fs.put(id, pool.submit(() -> check(id, c.connect(h))));
      }
      List<String> problems = new ArrayList<>();
      for (Map.Entry<String, Future<HostNode>> e : fs.entrySet()) {
        try {
          HostNode hn = e.getValue().get();
          nodes.put(e.getKey(), hn);
        } catch (ExecutionException ex) {
          problems.add(ex.getCause() instanceof ClusterUnavailableException cu ? cu.getMessage() : "ssh host "
              + options.hosts().get(nodeIds.indexOf(e.getKey())) + ": " + ex.getCause());
        } catch (InterruptedException ex) {
          Thread.currentThread().interrupt();
          problems.add("interrupted");
        }
      }
      if (!problems.isEmpty()) {
        nodes.values().forEach(n -> n.remote.close());
        nodes.clear();
        c.close();
        throw new ClusterUnavailableException(String.join("; ", problems) + " (nothing was started on any host)");
      }
      connector = c;
    }
  }

  private HostNode check(String id, Remote r) throws IOException {
    try {
      Remote.Result res = r.run(HostCheck.script(options.remoteDir(), options.nodePort()), COMMAND_TIMEOUT);
      HostCheck.Answers a = HostCheck.Answers.parse(res.output());
      List<String> problems = HostCheck.problems(a, options.remoteDir(), options.nodePort());
      if (!problems.isEmpty()) throw new ClusterUnavailableException("ssh host " + r.host + ": " + String.join("; ", problems));
      r.loggedInAsRoot(a.root());
      return new HostNode(id, r);
    } catch (IOException | RuntimeException e) {
      r.close();
      throw e;
    }
  }

  @Override
  public void start() throws Exception {
    synchronized (lock) {
      if (started) throw new IllegalStateException("cluster already started");
      preflight();
      started = true;
      ShutdownReaper.register(this, this::tearDown);
      try {
        NodeTasks.parallel(pool, nodeIds, n -> {
          claim(nodes.get(n));
        });
        upload();
        HostNode first = nodes.get(nodeIds.get(0));
        capabilities = NetworkRules.Capabilities.parse(first.remote.run(NetworkRules.Capabilities.PROBE, true, COMMAND_TIMEOUT).output());
        NodeTasks.parallel(pool, nodeIds, n -> {
          startNode(nodes.get(n));
        });
      } catch (Exception e) {
        close();
        throw e;
      }
    }
  }

  private void claim(HostNode hn) throws IOException {
    Remote.Result r = hn.remote.run(NodeScripts.claim(options.remoteDir(), runId), COMMAND_TIMEOUT);
    if (!r.ok()) {
      throw new ClusterUnavailableException("ssh host " + hn.remote.host + ": " + options.remoteDir() + " appeared since the check: "
          + "another run uses this host");
    }
    hn.claimed = true;
    String peer = nodes.values().stream().filter(o -> o != hn).map(HostNode::ip).findFirst().orElse(hn.ip());
    String dev = hn.remote.run(NodeScripts.deviceToward(peer), COMMAND_TIMEOUT).output().strip();
    if (!dev.isEmpty() && dev.matches("[A-Za-z0-9@._-]+")) hn.device = dev;
    hn.remote.upload(new ByteArrayInputStream(NodeConfigs.toJson(configOf(hn.id)).getBytes(StandardCharsets.UTF_8)),
        options.remoteDir() + "/node.json", COMMAND_TIMEOUT);
  }

  /** The classpath, archived once here and unpacked on every host. */
  private void upload() throws Exception {
    List<ClasspathArchive.Entry> entries = ClasspathArchive.entries(options.classpath());
    Path tar = Files.createTempFile("quorumlab-ssh-app-", ".tar");
    try {
      try (OutputStream fo = Files.newOutputStream(tar); TarArchiveOutputStream t = new TarArchiveOutputStream(fo)) {
        t.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        t.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        ClasspathArchive.write(t, entries);
        t.finish();
      }
      NodeTasks.parallel(pool, nodeIds, n -> {
        HostNode hn = nodes.get(n);
        try (InputStream in = Files.newInputStream(tar)) {
          hn.remote.upload(in, options.remoteDir() + "/app.tar", UPLOAD_TIMEOUT);
        }
        Remote.Result r = hn.remote.run(NodeScripts.unpack(options.remoteDir()), UPLOAD_TIMEOUT);
        if (!r.ok()) throw new IOException(hn.remote.host + ": could not unpack the classpath: " + r.output().strip());
      });
    } finally {
      Files.deleteIfExists(tar);
    }
    classpath = ClasspathArchive.classpathUnder(options.remoteDir() + "/app", entries);
  }

  private NodeConfig configOf(String n) {
    Map<String, String> members = new TreeMap<>();
    nodes.forEach((m, hn) -> members.put(m, hn.ip() + ":" + options.nodePort()));
    return NodeConfigs.forNode(template, n, "0.0.0.0", options.nodePort(), options.remoteDir() + "/data", members);
  }

  private void startNode(HostNode hn) throws IOException {
    applyAll(hn);
    Remote.Result r = hn.remote.run(NodeScripts.start(options.remoteDir(), options.jvmArgs(), classpath, NodeCommand.CLI_MAIN), COMMAND_TIMEOUT);
    String pid = r.output().lines().filter(l -> l.startsWith("pid=")).map(l -> l.substring(4).strip()).findFirst().orElse("");
    if (!r.ok() || !pid.matches("[0-9]+")) throw new IOException(hn.remote.host + ": " + hn.id + " did not start: " + r.output().strip());
    hn.pid = pid;
    hn.killed = false;
    hn.paused = false;
    long t = options.startTimeout().toSeconds();
    Remote.Result up = hn.remote.run(NetworkRules.awaitListening(options.nodePort(), t, pid), Duration.ofSeconds(t + 10));
    if (!up.ok()) {
      String why = up.exitCode() == 3 ? "exited before listening" : "did not listen on port " + options.nodePort() + " in time";
      throw new IOException(hn.id + " on " + hn.remote.host + " " + why + "; last lines of its log:\n" + logTail(hn, 20));
    }
  }

  private String logTail(HostNode hn, int lines) {
    try {
      return hn.remote.run("tail -n " + lines + " '" + options.remoteDir() + "/node.log'", COMMAND_TIMEOUT).output();
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** The whole network state of one host: chains, partition, loss and shaping. */
  private void applyAll(HostNode hn) throws IOException {
    String script = NetworkRules.setup() + "\n" + NetworkRules.partition(hn.id, grudge, ips());
    if (!slowed.isEmpty() && capabilities != null) script += "\n" + NetworkRules.slow(hn.id, slowed, ips(), capabilities, hn.device);
    rules(hn, script);
  }

  private void rules(HostNode hn, String script) throws IOException {
    Remote.Result r = hn.remote.run("set -e\n" + script, true, COMMAND_TIMEOUT);
    if (!r.ok()) throw new IllegalStateException("network rules failed on " + hn.remote.host + " (exit " + r.exitCode() + "): " + r.output().strip());
  }

  private Map<String, String> ips() {
    Map<String, String> ips = new LinkedHashMap<>();
    nodes.forEach((n, hn) -> ips.put(n, hn.ip()));
    return ips;
  }

  private HostNode node(String n) {
    HostNode hn = nodes.get(n);
    if (hn == null) {
      if (!nodeIds.contains(n)) throw new IllegalArgumentException("unknown node '" + n + "' (nodes: " + String.join(", ", nodeIds) + ")");
      throw new IllegalStateException("cluster is not running");
    }
    return hn;
  }

  private void requireStarted() {
    if (!started || closed) throw new IllegalStateException("cluster is not running");
  }

  @Override
  public InetSocketAddress clientAddress(String node) {
    return new InetSocketAddress(node(node).ip(), options.nodePort());
  }

  @Override
  public void kill(String node) throws Exception {
    synchronized (lock) {
      requireStarted();
      HostNode hn = node(node);
      if (hn.killed) return;
      Remote.Result r = hn.remote.run(NodeScripts.kill(hn.pid), COMMAND_TIMEOUT);
      if (!r.ok()) throw new IllegalStateException(node + " on " + hn.remote.host + " still runs 20 s after kill -KILL " + hn.pid);
      hn.killed = true;
      hn.paused = false;
    }
  }

  /** Through the node's admin protocol; a crash ends the node's process, which this waits for. */
  @Override
  public String diskFault(String node, DiskFault fault, long seed) throws Exception {
    synchronized (lock) {
      requireStarted();
      HostNode hn = node(node);
      if (hn.killed || hn.paused) throw new IllegalStateException(node + " is not running: no disk fault for it");
      String done = DiskFaultCommand.send(clientAddress(node), fault, seed);
      if (fault.crashes()) {
        if (!hn.remote.run(NodeScripts.awaitGone(hn.pid, 20), COMMAND_TIMEOUT).ok()) {
          hn.remote.run(NodeScripts.kill(hn.pid), COMMAND_TIMEOUT);
          done += " (the node did not end by itself within 20 s: killed)";
        }
        hn.killed = true;
      }
      return done;
    }
  }

  @Override
  public void restart(String node) throws Exception {
    synchronized (lock) {
      requireStarted();
      HostNode hn = node(node);
      if (!hn.killed) throw new IllegalStateException(node + " is running; kill it before restarting it");
      startNode(hn);
    }
  }

  @Override
  public void pause(String node) throws Exception {
    synchronized (lock) {
      requireStarted();
      HostNode hn = node(node);
      if (hn.killed) throw new IllegalStateException(node + " is not running");
      if (hn.paused) return;
      signal(hn, "STOP");
      hn.paused = true;
    }
  }

  @Override
  public void resume(String node) throws Exception {
    synchronized (lock) {
      requireStarted();
      HostNode hn = node(node);
      if (!hn.paused) return;
      signal(hn, "CONT");
      hn.paused = false;
    }
  }

  private void signal(HostNode hn, String signal) throws IOException {
    Remote.Result r = hn.remote.run(NodeScripts.signal(hn.pid, signal), COMMAND_TIMEOUT);
    if (!r.ok()) throw new IllegalStateException("kill -" + signal + " " + hn.pid + " failed on " + hn.remote.host + ": " + r.output().strip());
  }

  /** The host's rules change even while its node is stopped: iptables is the host's, not the process's. */
  @Override
  public void partition(Map<String, Set<String>> newGrudge) throws Exception {
    synchronized (lock) {
      requireStarted();
      Map<String, Set<String>> old = grudge;
      grudge = Link.normalized(newGrudge, this::node);
      List<String> changed = nodeIds.stream().filter(n -> !old.getOrDefault(n, Set.of()).equals(grudge.getOrDefault(n, Set.of()))).toList();
      Map<String, String> ips = ips();
      Map<String, Set<String>> g = grudge;
      NodeTasks.parallel(pool, changed, n -> {
        rules(nodes.get(n), NetworkRules.partition(n, g, ips));
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
      NodeTasks.parallel(pool, List.copyOf(touched), n -> {
        HostNode hn = nodes.get(n);
        rules(hn, NetworkRules.slow(n, s, ips, capabilities, hn.device));
      });
      return NetworkRules.notInjected(slowness, next.size(), capabilities);
    }
  }

  @Override
  public void heal() throws Exception {
    synchronized (lock) {
      requireStarted();
      for (HostNode hn : nodes.values()) {
        if (hn.paused && !hn.killed) {
          signal(hn, "CONT");
          hn.paused = false;
        }
      }
      partition(Map.of());
      slow(List.of(), Slowness.NONE);
      List<String> dead = nodeIds.stream().filter(n -> nodes.get(n).killed).toList();
      NodeTasks.parallel(pool, dead, n -> {
        startNode(nodes.get(n));
      });
    }
  }

  @Override
  public Map<String, Set<String>> grudge() {
    return grudge;
  }

  @Override
  public Set<String> killed() {
    return NodeSets.where(nodes, hn -> hn.killed);
  }

  @Override
  public Set<String> paused() {
    return NodeSets.where(nodes, hn -> hn.paused);
  }

  /** The node process's RSS, as ps on its host reports it. */
  @Override
  public OptionalLong residentBytes(String node) {
    HostNode hn = node(node);
    if (hn.pid == null || hn.killed) return OptionalLong.empty();
    try {
      Remote.Result r = hn.remote.run(NodeScripts.rss(hn.pid), COMMAND_TIMEOUT);
      return r.ok() ? OptionalLong.of(Long.parseLong(r.output().strip()) * 1024) : OptionalLong.empty();
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  @Override
  public void collectLogs(Path dir) throws Exception {
    Files.createDirectories(dir);
    for (HostNode hn : nodes.values()) {
      if (!hn.claimed) continue;
      try (OutputStream out = Files.newOutputStream(dir.resolve(hn.id + ".log"))) {
        hn.remote.runInto(NodeScripts.log(options.remoteDir()), out, COMMAND_TIMEOUT);
      }
    }
  }

  @Override
  public void close() {
    synchronized (lock) {
      if (closed) return;
      closed = true;
      try {
        tearDown();
      } finally {
        ShutdownReaper.unregister(this);
        nodes.values().forEach(hn -> hn.remote.close());
        if (connector != null) connector.close();
        pool.shutdownNow();
      }
    }
  }

  /**
   * Without the lock (also the shutdown hook's path), on every claimed host at once: the node
   * killed (a stopped one too), the run's directory and its rules removed.
   */
  void tearDown() {
    synchronized (tearDownLock) {
      tearDownClaimed();
    }
  }

  private void tearDownClaimed() {
    List<Thread> ts = new ArrayList<>();
    for (HostNode hn : nodes.values()) {
      if (!hn.claimed) continue;
      Thread t = new Thread(() -> {
        try {
          hn.remote.run(NodeScripts.removeAll(options.remoteDir()), COMMAND_TIMEOUT);
          hn.remote.run(NetworkRules.teardown(hn.device), true, COMMAND_TIMEOUT);
          hn.claimed = false;
        } catch (IOException | RuntimeException e) {
          System.err.println("quorumlab: could not clean up " + hn.remote.host + " (" + e.getMessage() + "): clean it as root with `"
              + NodeScripts.byHand(hn.pid == null ? "" : hn.pid, options.remoteDir(), HostCheck.CHAINS, List.of(hn.device)) + "`");
        }
      }, "quorumlab-ssh-teardown");
      t.start();
      ts.add(t);
    }
    for (Thread t : ts) {
      try {
        t.join(90_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public String toString() {
    return "SshCluster[" + runId + " on " + options.hosts() + "]";
  }
}
