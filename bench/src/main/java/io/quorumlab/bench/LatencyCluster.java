package io.quorumlab.bench;

import io.quorumlab.harness.cluster.Link;
import io.quorumlab.harness.cluster.NodeConfigs;
import io.quorumlab.harness.cluster.Slowness;
import io.quorumlab.harness.cluster.local.LocalCluster;
import io.quorumlab.harness.cluster.local.LocalClusterOptions;
import io.quorumlab.harness.compare.ComparePlan;
import io.quorumlab.harness.compare.ConfigParser;
import io.quorumlab.harness.compare.ConfigSpec;
import io.quorumlab.harness.run.RunSpec;
import io.quorumlab.store.client.ClientOptions;
import io.quorumlab.store.client.Context;
import io.quorumlab.store.client.GetResult;
import io.quorumlab.store.client.NettyStoreClient;
import io.quorumlab.store.client.PutResult;
import io.quorumlab.store.client.RequestOptions;
import io.quorumlab.store.client.StoreException;
import io.quorumlab.store.config.NodeConfig;
import io.quorumlab.store.ring.Ring;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A 5-node cluster of real node processes (the harness's local backend) and one client, set up
 * for measuring quorum latency: every key used has the coordinator ({@value #COORDINATOR}) and the
 * replica that may be slowed ({@value #SLOWED}) among its N replicas, so a slowed replica costs
 * exactly the operations whose quorum cannot do without it.
 */
final class LatencyCluster implements AutoCloseable {
  static final int NODES = 5;
  static final String COORDINATOR = "n1";
  static final String SLOWED = "n2";
  /** One-way delay on every link of the slowed replica: a request and its answer cross two. */
  static final long SLOW_MS = 20;
  private static final int KEYS = 64;
  private static final int VALUE_BYTES = 100;

  private final LocalCluster cluster;
  private final NettyStoreClient client;
  private final String[] keys;
  private final Context[] contexts;
  private final AtomicLong errors = new AtomicLong();
  private final String label;
  private int next;
  private long written;

  private LatencyCluster(LocalCluster cluster, NettyStoreClient client, String[] keys, String label) {
    this.cluster = cluster;
    this.client = client;
    this.keys = keys;
    this.contexts = new Context[keys.length];
    java.util.Arrays.fill(contexts, Context.EMPTY);
    this.label = label;
  }

  /**
   * Starts the cluster for {@code config} ("3/2/2", modes allowed except conflicts) with conflict
   * mode {@code conflicts}, writes every key once, and slows {@value #SLOWED} when {@code fault} is
   * "slow".
   */
  static LatencyCluster start(String config, String conflicts, String fault) throws Exception {
    ConfigSpec c = ConfigParser.parse(config + ":" + conflicts);
    if (c.n() > NODES) throw new IllegalArgumentException(config + ": N=" + c.n() + " > " + NODES + " nodes");
    RunSpec base = RunSpec.defaults(0).withBackend("local", NODES).withStore(ComparePlan.DEFAULT_STORE);
    NodeConfig template = c.applyTo(base, null).store().applyTo(NodeConfigs.template());
    String[] keys = keys(template.vnodes(), template.n());
    LocalCluster cluster = new LocalCluster(LocalClusterOptions.of(NODES, template));
    NettyStoreClient client = null;
    try {
      cluster.start();
      client = NettyStoreClient.connect(cluster.clientAddress(COORDINATOR), ClientOptions.DEFAULTS.withRequestTimeoutMs(2000));
      LatencyCluster lc = new LatencyCluster(cluster, client, keys, config + " " + conflicts + " " + fault);
      lc.populate();
      switch (fault) {
        case "none" -> { }
        case "slow" -> {
          List<Link> links = cluster.links().stream().filter(l -> l.from().equals(SLOWED) || l.to().equals(SLOWED)).toList();
          List<String> missing = cluster.slow(links, new Slowness(SLOW_MS, 0, 0, 0));
          if (!missing.isEmpty()) throw new IllegalStateException("could not slow " + SLOWED + ": " + missing);
        }
        default -> throw new IllegalArgumentException("unknown fault '" + fault + "' (expected none or slow)");
      }
      return lc;
    } catch (Exception | Error e) {
      if (client != null) client.close();
      cluster.close();
      throw e;
    }
  }

  /** Keys whose N replicas include both the coordinator and the replica that may be slowed. */
  static String[] keys(int vnodes, int n) {
    Ring ring = Ring.of(NodeConfigs.nodeIds(NODES), vnodes);
    List<String> out = new ArrayList<>();
    for (int i = 0; out.size() < KEYS; i++) {
      String k = "bench-" + i;
      List<String> replicas = ring.preferenceList(k, n);
      if (replicas.contains(COORDINATOR) && replicas.contains(SLOWED)) out.add(k);
    }
    return out.toArray(String[]::new);
  }

  /** Every key once, retrying while the fresh cluster's members still find each other. */
  private void populate() throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    for (int i = 0; i < keys.length; i++) {
      while (true) {
        try {
          contexts[i] = client.put(keys[i], value(), contexts[i], RequestOptions.DEFAULTS).context();
          break;
        } catch (StoreException e) {
          if (System.nanoTime() > deadline) throw new IllegalStateException("the cluster did not accept writes within 60 s: " + e.getMessage(), e);
          Thread.sleep(100);
        }
      }
    }
  }

  GetResult get() {
    int i = next();
    try {
      return client.get(keys[i], RequestOptions.DEFAULTS);
    } catch (StoreException e) {
      errors.incrementAndGet();
      return null;
    }
  }

  /** A put that supersedes this client's previous put of the key, so siblings never pile up. */
  PutResult put() {
    int i = next();
    try {
      PutResult r = client.put(keys[i], value(), contexts[i], RequestOptions.DEFAULTS);
      contexts[i] = r.context();
      return r;
    } catch (StoreException e) {
      errors.incrementAndGet();
      return null;
    }
  }

  private int next() {
    int i = next;
    next = (next + 1) % keys.length;
    return i;
  }

  private byte[] value() {
    String v = String.format(Locale.ROOT, "v%0" + (VALUE_BYTES - 1) + "d", written++);
    return v.getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() {
    long failed = errors.get();
    // Failed requests stay in JMH's samples (their latency is real); say how many there were.
    if (failed > 0) System.out.println("quorum-latency " + label + ": " + failed + " requests failed (timeout or unavailable)");
    client.close();
    cluster.close();
  }
}
