package io.quorumlab.bench;

import io.quorumlab.store.client.ClientOptions;
import io.quorumlab.store.client.Context;
import io.quorumlab.store.client.GetResult;
import io.quorumlab.store.client.NettyStoreClient;
import io.quorumlab.store.client.PutResult;
import io.quorumlab.store.client.RequestOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Put and get latency through one node of a 3-node cluster of real processes (fsync never,
 * strict quorum, read repair off), per (N, W, R), beside the round trip of a bare Netty echo
 * process over the same kind of pipelined connection. Run with {@code -t 1} for unloaded latency
 * and {@code -t 16} for latency at concurrency 16 (throughput = threads / mean, or run with
 * {@code -bm thrpt}).
 *
 * <pre>java -jar bench/target/benchmarks.jar StoreLatencyBench -t 16</pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class StoreLatencyBench {
  static final int PRELOADED_KEYS = 1000;

  @State(Scope.Benchmark)
  public static class Store {
    @Param({"3/1/1", "3/2/2", "3/3/3"})
    public String nwr;

    BenchProcesses.StoreCluster cluster;
    NettyStoreClient client;
    final AtomicInteger threads = new AtomicInteger();

    @Setup(Level.Trial)
    public void start() throws Exception {
      String[] p = nwr.split("/");
      cluster = new BenchProcesses.StoreCluster(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
      client = NettyStoreClient.connect(cluster.address(0), ClientOptions.DEFAULTS);
      byte[] value = new byte[64];
      for (int i = 0; i < PRELOADED_KEYS; i++) {
        client.put("key-" + i, value, Context.EMPTY, RequestOptions.DEFAULTS);
      }
    }

    @TearDown(Level.Trial)
    public void stop() {
      client.close();
      cluster.close();
    }
  }

  @State(Scope.Benchmark)
  public static class Echo {
    Process server;
    EchoClient client;

    @Setup(Level.Trial)
    public void start() throws Exception {
      int port = BenchProcesses.freePorts(1).get(0);
      Path log = Files.createTempFile("quorumlab-echo-", ".log");
      server = BenchProcesses.java(log, EchoServer.class.getName(), String.valueOf(port));
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (true) {
        try {
          client = new EchoClient(port);
          return;
        } catch (Exception notYet) {
          if (System.nanoTime() > deadline || !server.isAlive()) {
            throw new IllegalStateException("echo server did not start; see " + log);
          }
          Thread.sleep(100);
        }
      }
    }

    @TearDown(Level.Trial)
    public void stop() {
      client.close();
      server.destroyForcibly();
    }
  }

  /** Per benchmark thread: random existing keys to read, fresh keys to write (no sibling growth). */
  @State(Scope.Thread)
  public static class Keys {
    final SplittableRandom random = new SplittableRandom();
    final byte[] value = new byte[64];
    int thread;
    long next;

    @Setup(Level.Trial)
    public void setup(Store store) {
      thread = store.threads.incrementAndGet();
    }

    String existing() {
      return "key-" + random.nextInt(PRELOADED_KEYS);
    }

    String fresh() {
      return "w-" + thread + "-" + next++;
    }
  }

  @Benchmark
  public PutResult put(Store store, Keys keys) throws Exception {
    return store.client.put(keys.fresh(), keys.value, Context.EMPTY, RequestOptions.DEFAULTS);
  }

  @Benchmark
  public GetResult get(Store store, Keys keys) throws Exception {
    return store.client.get(keys.existing(), RequestOptions.DEFAULTS);
  }

  @Benchmark
  public void echo(Echo echo) throws Exception {
    echo.client.roundTrip();
  }
}
