package io.quorumlab.harness.testing;

import io.quorumlab.harness.cluster.Cluster;
import io.quorumlab.harness.cluster.NodeConfigs;
import io.quorumlab.harness.cluster.docker.DockerCluster;
import io.quorumlab.harness.cluster.docker.DockerClusterOptions;
import io.quorumlab.harness.cluster.local.LocalCluster;
import io.quorumlab.harness.cluster.local.LocalClusterOptions;
import io.quorumlab.harness.nemesis.Grudges;
import io.quorumlab.store.client.ClientOptions;
import io.quorumlab.store.client.Context;
import io.quorumlab.store.client.NettyStoreClient;
import io.quorumlab.store.client.RequestOptions;
import io.quorumlab.store.client.StoreClient;
import io.quorumlab.store.client.StoreException;
import io.quorumlab.store.config.NodeConfig;
import io.quorumlab.store.config.Quorum;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Figures for the cluster backends, printed as one line each: start and teardown of 5 nodes, the
 * resident memory of the nodes, and how long a partition and a heal take to show in the store
 * (a writer puts through n1 with W=5, so every link of n1 must carry; the effect is the send time
 * of the first put that failed after the command, and of the first that succeeded after heal).
 * Usage: {@code MeasureClusters local|docker [rounds]}.
 */
public final class MeasureClusters {
  public static void main(String[] args) throws Exception {
    String backend = args[0];
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    NodeConfig t = NodeConfigs.template().toBuilder().n(5).w(3).r(3).quorum(Quorum.STRICT).requestTimeoutMs(1000).build();
    for (int round = 1; round <= rounds; round++) {
      Cluster c = backend.equals("local") ? new LocalCluster(LocalClusterOptions.of(5, t)) : new DockerCluster(DockerClusterOptions.of(5, t));
      long t0 = System.nanoTime();
      c.start();
      long startMs = ms(t0);
      try (StoreClient cl = NettyStoreClient.connect(c.clientAddress("n1"), ClientOptions.DEFAULTS.withRequestTimeoutMs(1000))) {
        // start() returns once every node listens; gossip needs a moment before n1 sees all four peers live.
        long converged = System.nanoTime();
        while (true) {
          try {
            cl.put("warm", new byte[100], Context.EMPTY, RequestOptions.DEFAULTS.withW(5));
            break;
          } catch (StoreException e) {
            Thread.sleep(50);
          }
        }
        long convergedMs = ms(converged);
        for (int i = 0; i < 300; i++) cl.put("warm" + i, new byte[100], Context.EMPTY, RequestOptions.DEFAULTS.withW(5));
        long rss = 0;
        for (String n : c.nodes()) rss += c.residentBytes(n).orElse(0);
        List<long[]> log = new ArrayList<>();
        // A put every 10 ms from a pool, so a put stuck in its timeout hides nothing.
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(200);
        java.util.concurrent.ScheduledExecutorService ticker = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        java.util.concurrent.atomic.AtomicInteger seq = new java.util.concurrent.atomic.AtomicInteger();
        ticker.scheduleAtFixedRate(() -> pool.submit(() -> {
          long sent = System.nanoTime();
          boolean ok;
          try {
            cl.put("probe" + seq.incrementAndGet(), new byte[10], Context.EMPTY, RequestOptions.DEFAULTS.withW(5).withTimeoutMs(1000));
            ok = true;
          } catch (StoreException e) {
            ok = false;
          }
          synchronized (log) {
            log.add(new long[] {sent, ok ? 1 : 0});
          }
        }), 0, 10, java.util.concurrent.TimeUnit.MILLISECONDS);
        Thread.sleep(500);
        Map<String, Set<String>> g = Grudges.complete(Grudges.isolate("n1", c.nodes()));
        long p0 = System.nanoTime();
        c.partition(g);
        long p1 = System.nanoTime();
        Thread.sleep(2500);
        long h0 = System.nanoTime();
        c.partition(Map.of());
        long h1 = System.nanoTime();
        Thread.sleep(10_000);
        ticker.shutdownNow();
        pool.shutdown();
        pool.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        long firstFail = -1;
        long firstOkAfterHeal = -1;
        long lastOkBeforeCut = -1;
        synchronized (log) {
          for (long[] e : log) {
            if (e[0] >= p0 && e[0] < h0 && e[1] == 0) firstFail = firstFail < 0 ? e[0] : Math.min(firstFail, e[0]);
            // Puts sent in the last second before the heal may complete after it: not counted.
            if (e[0] < h0 - 1_100_000_000L && e[1] == 1) lastOkBeforeCut = Math.max(lastOkBeforeCut, e[0]);
            if (e[0] >= h0 && e[1] == 1) firstOkAfterHeal = firstOkAfterHeal < 0 ? e[0] : Math.min(firstOkAfterHeal, e[0]);
          }
        }
        long t1 = System.nanoTime();
        c.close();
        System.out.printf("%s round %d: start %d ms (+%d ms until W=5 through n1), teardown %d ms, RSS of 5 nodes %d MB; partition() took %.1f ms, "
                + "last put that got through was sent %+.1f ms after it, first failing put sent %+.1f ms after it; "
                + "heal took %.1f ms, first W=5 put after heal was sent %+.1f ms after the heal command%n",
            backend, round, startMs, convergedMs, ms(t1), rss >> 20, (p1 - p0) / 1e6, (lastOkBeforeCut - p0) / 1e6,
            firstFail < 0 ? Double.NaN : (firstFail - p0) / 1e6, (h1 - h0) / 1e6,
            firstOkAfterHeal < 0 ? Double.NaN : (firstOkAfterHeal - h0) / 1e6);
      }
    }
    System.exit(0);
  }

  private static long ms(long since) {
    return (System.nanoTime() - since) / 1_000_000;
  }
}
