package io.quorumlab.harness.cluster;

import io.quorumlab.store.client.ClientOptions;
import io.quorumlab.store.client.NettyStoreClient;
import io.quorumlab.store.client.StoreException;
import io.quorumlab.store.storage.StorageHealth;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Watches the storage of a cluster's nodes while a run goes on, by asking each node for its status
 * every {@link #INTERVAL}: a node whose disk filled up (or whose storage failed otherwise) refuses
 * writes, and a run that went through that says nothing about quorums. What it saw ends up as the
 * run's error ({@link #summary}), in the node's own words and with when it began, for example
 * {@code n2: no space left on device from 4.1 s}. A node reports its failures since it started,
 * with times, so a failure that began and ended between two polls is still seen.
 */
public final class StorageWatch implements AutoCloseable {
  static final Duration INTERVAL = Duration.ofMillis(500);
  private static final ClientOptions CLIENT = ClientOptions.DEFAULTS.withConnectTimeoutMs(300).withRequestTimeoutMs(1000);

  /** Where the health of a node comes from; empty when it does not answer. */
  public interface Source extends AutoCloseable {
    Optional<StorageHealth> health(String node);

    @Override
    void close();
  }

  /** What was seen of one node: the earliest failure, the latest error, and how it was last. */
  private record Seen(long firstFailureMs, String error, boolean failedNow, long recoveredAtMs) {}

  private final List<String> nodes;
  private final Source source;
  private final Consumer<String> events;
  private final Map<String, Seen> seen = new ConcurrentHashMap<>();
  private final Thread poller;
  private volatile boolean stopped;

  StorageWatch(List<String> nodes, Source source, Duration interval, Consumer<String> events) {
    this.nodes = List.copyOf(nodes);
    this.source = source;
    this.events = events;
    this.poller = new Thread(() -> {
      while (!stopped) {
        pollOnce();
        try {
          Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "storage-watch");
    poller.setDaemon(true);
  }

  /** Starts watching every node of {@code cluster}; {@code events} hears of each failure and recovery as it is seen. */
  public static StorageWatch start(Cluster cluster, Consumer<String> events) {
    StorageWatch w = new StorageWatch(cluster.nodes(), statusOf(cluster), INTERVAL, events);
    w.poller.start();
    return w;
  }

  /** Asks the nodes themselves ({@code status}), over one client connection each. */
  static Source statusOf(Cluster cluster) {
    Map<String, NettyStoreClient> clients = new ConcurrentHashMap<>();
    return new Source() {
      @Override
      public Optional<StorageHealth> health(String node) {
        NettyStoreClient c = clients.computeIfAbsent(node, n -> NettyStoreClient.connect(cluster.clientAddress(n), CLIENT));
        try {
          return Optional.ofNullable(c.status().storage());
        } catch (StoreException | IllegalArgumentException e) {
          return Optional.empty();
        }
      }

      @Override
      public void close() {
        clients.values().forEach(NettyStoreClient::close);
      }
    };
  }

  void pollOnce() {
    for (String node : nodes) {
      if (stopped && Thread.currentThread() == poller) return;
      source.health(node).ifPresent(h -> note(node, h));
    }
  }

  private void note(String node, StorageHealth h) {
    if (h.failures() == 0) return;
    Seen before = seen.get(node);
    long first = before == null || before.firstFailureMs() == 0 ? h.firstFailureMs() : Math.min(before.firstFailureMs(), h.firstFailureMs());
    seen.put(node, new Seen(first, h.error(), h.failedNow(), h.recoveredAtMs()));
    if (h.failedNow() && (before == null || !before.failedNow())) {
      events.accept(node + ": storage failed: " + h.error() + "; it refuses writes");
    } else if (!h.failedNow() && before != null && before.failedNow()) {
      events.accept(node + ": storage recovered, it stores writes again");
    }
  }

  /**
   * One line naming every node whose storage failed, why and when (seconds since
   * {@code runStartEpochMs}), or empty when none did.
   */
  public Optional<String> summary(long runStartEpochMs) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Seen> e : ordered().entrySet()) {
      Seen s = e.getValue();
      String when = "from " + seconds(s.firstFailureMs() - runStartEpochMs)
          + (!s.failedNow() && s.recoveredAtMs() > 0 ? " to " + seconds(s.recoveredAtMs() - runStartEpochMs) : "");
      parts.add(e.getKey() + ": " + s.error() + " " + when);
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
  }

  private Map<String, Seen> ordered() {
    Map<String, Seen> out = new LinkedHashMap<>();
    for (String n : nodes) {
      Seen s = seen.get(n);
      if (s != null) out.put(n, s);
    }
    return out;
  }

  private static String seconds(long ms) {
    return String.format(Locale.ROOT, "%.1f s", Math.max(0, ms) / 1000.0);
  }

  /** Stops polling after one last look at every node, and closes the connections. */
  @Override
  public void close() {
    stopped = true;
    poller.interrupt();
    try {
      poller.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      pollOnce();
    } finally {
      source.close();
    }
  }
}
