package io.quorumlab.bench;

import io.quorumlab.store.client.GetResult;
import io.quorumlab.store.client.PutResult;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Get and put latency through the real client ({@code NettyStoreClient}) against a 5-node cluster
 * of real node processes on 127.0.0.1, per N/W/R and conflict mode, one client with one request in
 * flight (latency, not throughput). SampleTime mode, so the JSON has p50 to p99.99.
 *
 * <p>{@code fault=slow} adds {@value LatencyCluster#SLOW_MS} ms to every link of one replica of
 * every key used: W=N puts and R=N gets must wait for it, W or R below N need not (that is where
 * quorum sizes show in the tail). Each trial starts its own cluster.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar QuorumLatencyBench -p config=3/1/1,3/3/3 -p conflicts=lww -rf json -rff q.json
 * quorumlab bench --quick      # the same through the CLI, with a table
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@Threads(1)
public class QuorumLatencyBench {
  /** N/W/R, optionally with modes other than conflicts ("3/2/2:sloppy"); strict quorum unless given. */
  @Param({"3/1/1", "3/2/2", "3/3/3", "5/3/3"})
  public String config;

  @Param({"lww", "siblings", "abd"})
  public String conflicts;

  /** none, or slow: one replica of every key behind slow links. */
  @Param({"none", "slow"})
  public String fault;

  private LatencyCluster cluster;

  @Setup(Level.Trial)
  public void start() throws Exception {
    cluster = LatencyCluster.start(config, conflicts, fault);
  }

  @TearDown(Level.Trial)
  public void stop() {
    if (cluster != null) cluster.close();
  }

  @Benchmark
  public GetResult get() {
    return cluster.get();
  }

  @Benchmark
  public PutResult put() {
    return cluster.put();
  }
}
