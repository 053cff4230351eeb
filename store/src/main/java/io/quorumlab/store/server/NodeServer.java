package io.quorumlab.store.server;

import io.netty.channel.EventLoopGroup;
import io.quorumlab.store.config.NodeConfig;
import io.quorumlab.store.net.InboundSink;
import io.quorumlab.store.net.IoThreads;
import io.quorumlab.store.net.NettyTransport;
import io.quorumlab.store.node.ClientRef;
import io.quorumlab.store.node.Node;
import io.quorumlab.store.node.NodeConfigCheck;
import io.quorumlab.store.node.SkewedClock;
import io.quorumlab.store.node.SystemClock;
import io.quorumlab.store.protocol.ClientRequest;
import io.quorumlab.store.protocol.PeerMessage;
import io.quorumlab.store.services.ClusterServices;
import io.quorumlab.store.storage.Storage;
import io.quorumlab.store.storage.Storages;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running node: storage, the node's event loop, and its Netty transport, wired together. Usable
 * in-JVM ({@link #start}, {@link #close}) and as a process ({@link #main}: {@code --config FILE}).
 */
public final class NodeServer implements AutoCloseable {

  private final NodeConfig config;
  private final Storage storage;
  private final NodeLoop loop;
  private final EventLoopGroup io;
  private final NettyTransport transport;
  private final Node node;
  private final InetSocketAddress address;
  private final ClusterServices services;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private boolean closed;
  /** Runs as the node's process ({@link #runForeground}): a crash ends the process, not just the node. */
  private volatile boolean foreground;

  private NodeServer(NodeConfig config) throws InterruptedException {
    this.config = config;
    Storages.Opened opened = Storages.open(config);
    this.storage = opened.storage();
    // One thread per node: its Netty event loop serves every connection and runs the node logic.
    this.io = IoThreads.group("node-" + config.nodeId(), 1);
    this.loop = new NodeLoop(io.next());
    // One skewable clock per process: the clock nemesis sets its wall clock through the admin protocol.
    SkewedClock clock = new SkewedClock(SystemClock.INSTANCE);
    Node[] holder = new Node[1];
    InboundSink sink = new InboundSink() {
      @Override
      public void onPeerMessage(String from, PeerMessage message) {
        loop.execute(() -> holder[0].onPeerMessage(from, message));
      }

      @Override
      public void onClientRequest(ClientRef client, ClientRequest request) {
        loop.execute(() -> holder[0].onClientRequest(client, request));
      }
    };
    this.transport = new NettyTransport(config, io, sink);
    this.node = new Node(config, transport, storage, clock, loop, new SplittableRandom(), transport);
    holder[0] = node;
    try {
      this.address = transport.start(config.listenHost(), config.port());
    } catch (Exception e) {
      // bind() rethrows socket errors (BindException) unchecked-ly; release the storage lock either way.
      transport.close();
      io.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
      storage.close();
      if (e instanceof InterruptedException ie) {
        throw ie;
      }
      throw new IllegalStateException("node " + config.nodeId() + " cannot listen on " + config.listenHost() + ":"
          + config.port() + ": " + e.getMessage(), e);
    }
    ClusterServices started;
    try {
      started = loop.call(() -> {
        ClusterServices s = new ClusterServices(node, storage, transport, transport, clock, new SplittableRandom());
        s.start();
        return s;
      }, SERVICES_START_TIMEOUT);
    } catch (Exception e) {
      transport.close();
      io.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
      storage.close();
      throw new IllegalStateException("node " + config.nodeId() + " could not start its cluster services: " + e, e);
    }
    this.services = started;
    if (opened.pageCache() != null) {
      loop.execute(() -> node.setAdminHandler(new DiskFaultCommands(opened.pageCache(), node.adminHandler(), this::crashed)));
    }
  }

  private static final Duration SERVICES_START_TIMEOUT = Duration.ofMinutes(5);

  /**
   * Opens the storage and starts serving. Throws {@link IllegalArgumentException} for a config the
   * node cannot honour (N larger than the cluster, W > N, ...).
   */
  public static NodeServer start(NodeConfig config) throws InterruptedException {
    NodeConfigCheck.validate(config);
    NodeServer server = new NodeServer(config);
    log().info("node {} serving on {} (n={} w={} r={} quorum={} readRepair={} conflicts={} fsync={} storage={} members={})",
        config.nodeId(), server.address, config.n(), config.w(), config.r(), config.quorum().wireName(),
        config.readRepair().wireName(), config.conflicts().wireName(), config.fsync().wireName(), config.storage(), config.members());
    return server;
  }

  /** Looked up late, so that {@link #configureLogging} can run before slf4j reads its settings. */
  private static Logger log() {
    return LoggerFactory.getLogger(NodeServer.class);
  }

  public String nodeId() {
    return config.nodeId();
  }

  public NodeConfig config() {
    return config;
  }

  /** The bound address (the real port when the config asked for port 0). */
  public InetSocketAddress address() {
    return address;
  }

  /** Peers this node's outbound links are connected to. */
  public List<String> connectedPeers() {
    return transport.connectedPeers();
  }

  /** Bytes of unfinished inbound frames the node holds right now, all connections together. */
  public long inboundBytes() {
    return transport.inboundBytes();
  }

  /** Waits until every outbound peer link is up; false on timeout. */
  public boolean awaitPeers(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (connectedPeers().size() < transport.peerCount()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(10);
    }
    return true;
  }

  /** Requests the node is coordinating right now (read on the node's thread). */
  public int pendingOperations() throws Exception {
    return loop.call(node::pendingOperations);
  }

  /** This node's own stored versions of {@code key} (read on the node's thread; tests and debugging). */
  public io.quorumlab.store.version.Siblings localState(String key) throws Exception {
    return loop.call(() -> node.localState(key));
  }

  /** This node's view of the cluster: members, failure detector, hints, anti-entropy, transfers. */
  public io.quorumlab.store.admin.NodeStatus status() throws Exception {
    return loop.call(services::status);
  }

  /** Starts an anti-entropy exchange with every reachable peer now; returns how many started. */
  public int repairNow() throws Exception {
    return loop.call(services::repairNow);
  }

  /**
   * After a {@code disk crash} command: the storage already refuses everything; the process ends
   * abruptly (no shutdown hook, no storage close) once the answer had a moment to leave, as the
   * machine losing power would end it. In a JVM that is not the node's own, the node just stops.
   */
  private void crashed() {
    log().warn("node {} crashed (disk nemesis: power loss); its process ends in {} ms", config.nodeId(), CRASH_ANSWER_MS);
    Thread t = new Thread(() -> {
      try {
        Thread.sleep(CRASH_ANSWER_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (foreground) {
        Runtime.getRuntime().halt(CRASH_EXIT_CODE);
      }
      close();
    }, "crash-" + config.nodeId());
    t.setDaemon(true);
    t.start();
  }

  /** Long enough for the answer to leave on a loaded machine; the storage refuses everything meanwhile. */
  private static final long CRASH_ANSWER_MS = 500;
  /** The exit code of a process ended by SIGKILL, which a power loss resembles most. */
  static final int CRASH_EXIT_CODE = 137;

  /** Blocks until {@link #close} has finished. */
  public void awaitStopped() throws InterruptedException {
    stopped.await();
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      transport.close();
      io.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
      storage.close();
      log().info("node {} stopped", config.nodeId());
    } finally {
      stopped.countDown();
    }
  }

  /**
   * Runs one node in the foreground until SIGTERM / Ctrl-C, which stop it cleanly (storage
   * closed). Returns when the node has stopped.
   */
  public static void runForeground(NodeConfig config) throws InterruptedException {
    NodeServer server = start(config);
    server.foreground = true;
    Thread hook = new Thread(server::close, "shutdown-" + config.nodeId());
    Runtime.getRuntime().addShutdownHook(hook);
    server.awaitStopped();
  }

  /** Sends slf4j-simple's output to stdout with timestamps, unless the user chose otherwise. */
  public static void configureLogging() {
    setIfAbsent("org.slf4j.simpleLogger.logFile", "System.out");
    setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
    setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
    setIfAbsent("org.slf4j.simpleLogger.log.io.netty", "warn");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }

  /** {@code NodeServer --config FILE}: exit 254 with one line for a bad config. */
  public static void main(String[] args) throws Exception {
    configureLogging();
    if (args.length != 2 || !args[0].equals("--config")) {
      System.err.println("usage: NodeServer --config FILE");
      System.exit(254);
    }
    NodeConfig config;
    try {
      config = NodeConfigJson.read(Path.of(args[1]));
      NodeConfigCheck.validate(config);
    } catch (IllegalArgumentException | java.io.IOException e) {
      System.err.println("node: " + e.getMessage());
      System.exit(254);
      return;
    }
    runForeground(config);
  }
}
