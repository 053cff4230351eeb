package io.quorumlab.harness.run;

import io.quorumlab.store.config.ConflictMode;
import io.quorumlab.store.config.FsyncPolicy;
import io.quorumlab.store.config.Quorum;
import io.quorumlab.store.config.ReadRepair;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Everything that defines a run; with the same spec (seed included) the same ops are generated and
 * the same fault schedule is drawn. {@link #toMap()} is what {@code spec.json} holds.
 *
 * @param backend "local" or "docker"
 * @param nodes cluster size
 * @param n replicas per key
 * @param w write quorum
 * @param r read quorum
 * @param nemesis fault kinds, e.g. "none", "partition", "partition,kill", "all"
 * @param nemesisIntervalSeconds how long each fault lasts, and each recovery after it
 * @param timeLimitSeconds how long the load runs
 * @param rate ops per second scheduled (open loop); 0 for closed loop
 * @param concurrency logical processes (worker threads) with an op in flight at once
 * @param seed drives the ops, the keys, the values and the fault schedule
 * @param quiesceSeconds wait after healing before the final reads (hinted handoff, anti-entropy)
 * @param requestTimeoutMs coordinator timeout for reaching a quorum; the client waits a second more
 */
public record RunSpec(
    String backend,
    int nodes,
    int n,
    int w,
    int r,
    Quorum quorum,
    ReadRepair readRepair,
    ConflictMode conflicts,
    FsyncPolicy fsync,
    String workload,
    String nemesis,
    double nemesisIntervalSeconds,
    double timeLimitSeconds,
    double rate,
    int concurrency,
    long seed,
    double quiesceSeconds,
    long requestTimeoutMs) {

  public static final String DEFAULT_BACKEND = "local";
  public static final int DEFAULT_NODES = 5;
  public static final int DEFAULT_N = 3;
  public static final int DEFAULT_W = 1;
  public static final int DEFAULT_R = 1;
  public static final String DEFAULT_WORKLOAD = "register";
  public static final String DEFAULT_NEMESIS = "partition";
  public static final double DEFAULT_NEMESIS_INTERVAL = 10;
  public static final double DEFAULT_TIME_LIMIT = 60;
  public static final double DEFAULT_RATE = 100;
  /**
   * Enough processes that ops stuck on an unreachable node (each holds its process for up to a
   * request timeout) do not stall the whole load at 100 ops/s.
   */
  public static final int DEFAULT_CONCURRENCY = 30;
  public static final double DEFAULT_QUIESCE = 5;
  public static final long DEFAULT_REQUEST_TIMEOUT_MS = 1000;

  /**
   * The defaults of {@code quorumlab run}, chosen so that a first run finds anomalies within its
   * minute and can explain them: 5 nodes, N=3 W=1 R=1 (the fast setting many deployments run),
   * sloppy quorum, async read repair, last-writer-wins, the register workload, partitions that come
   * and go every 10 s, 100 ops/s from 30 processes for 60 s. (W=2 R=2 with a sloppy quorum shows its
   * anomalies only once partitions outlast the failure detector's conviction time, 5-9 s with the
   * defaults, and then not in every run: too unreliable for a first run.)
   */
  public static RunSpec defaults(long seed) {
    return new RunSpec(DEFAULT_BACKEND, DEFAULT_NODES, DEFAULT_N, DEFAULT_W, DEFAULT_R, Quorum.SLOPPY, ReadRepair.ASYNC,
        ConflictMode.LWW, FsyncPolicy.ALWAYS, DEFAULT_WORKLOAD, DEFAULT_NEMESIS, DEFAULT_NEMESIS_INTERVAL,
        DEFAULT_TIME_LIMIT, DEFAULT_RATE, DEFAULT_CONCURRENCY, seed, DEFAULT_QUIESCE, DEFAULT_REQUEST_TIMEOUT_MS);
  }

  /** The spec as {@code spec.json} records it: every option, in command-line spelling, with the seed. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("workload", workload);
    m.put("backend", backend);
    m.put("nodes", nodes);
    m.put("n", n);
    m.put("w", w);
    m.put("r", r);
    m.put("quorum", lower(quorum));
    m.put("read-repair", lower(readRepair));
    m.put("conflicts", lower(conflicts));
    m.put("fsync", lower(fsync));
    m.put("nemesis", nemesis);
    m.put("nemesis-interval", nemesisIntervalSeconds);
    m.put("time-limit", timeLimitSeconds);
    m.put("rate", rate);
    m.put("concurrency", concurrency);
    m.put("seed", seed);
    m.put("quiesce", quiesceSeconds);
    m.put("request-timeout-ms", requestTimeoutMs);
    return m;
  }

  /**
   * Reads a spec back from {@code spec.json}; options it lacks take the defaults.
   *
   * @throws IllegalArgumentException naming the bad option
   */
  public static RunSpec fromMap(Map<String, Object> m) {
    RunSpec d = defaults(0);
    return new RunSpec(
        str(m, "backend", d.backend), integer(m, "nodes", d.nodes), integer(m, "n", d.n), integer(m, "w", d.w),
        integer(m, "r", d.r), enumOf(Quorum.class, m, "quorum", d.quorum), enumOf(ReadRepair.class, m, "read-repair", d.readRepair),
        enumOf(ConflictMode.class, m, "conflicts", d.conflicts), enumOf(FsyncPolicy.class, m, "fsync", d.fsync),
        str(m, "workload", d.workload), str(m, "nemesis", d.nemesis), number(m, "nemesis-interval", d.nemesisIntervalSeconds),
        number(m, "time-limit", d.timeLimitSeconds), number(m, "rate", d.rate), integer(m, "concurrency", d.concurrency),
        longNumber(m, "seed", 0), number(m, "quiesce", d.quiesceSeconds),
        longNumber(m, "request-timeout-ms", d.requestTimeoutMs));
  }

  /** "N=3 W=2 R=2 lww sloppy", for progress lines and tables. */
  public String label() {
    return "N=" + n + " W=" + w + " R=" + r + " " + lower(conflicts) + " " + lower(quorum);
  }

  public RunSpec withQuorums(int newN, int newW, int newR) {
    return new RunSpec(backend, nodes, newN, newW, newR, quorum, readRepair, conflicts, fsync, workload, nemesis,
        nemesisIntervalSeconds, timeLimitSeconds, rate, concurrency, seed, quiesceSeconds, requestTimeoutMs);
  }

  public RunSpec withModes(Quorum newQuorum, ReadRepair newReadRepair, ConflictMode newConflicts, FsyncPolicy newFsync) {
    return new RunSpec(backend, nodes, n, w, r, newQuorum, newReadRepair, newConflicts, newFsync, workload, nemesis,
        nemesisIntervalSeconds, timeLimitSeconds, rate, concurrency, seed, quiesceSeconds, requestTimeoutMs);
  }

  public RunSpec withWorkload(String newWorkload) {
    return new RunSpec(backend, nodes, n, w, r, quorum, readRepair, conflicts, fsync, newWorkload, nemesis,
        nemesisIntervalSeconds, timeLimitSeconds, rate, concurrency, seed, quiesceSeconds, requestTimeoutMs);
  }

  public RunSpec withNemesis(String newNemesis, double newIntervalSeconds) {
    return new RunSpec(backend, nodes, n, w, r, quorum, readRepair, conflicts, fsync, workload, newNemesis,
        newIntervalSeconds, timeLimitSeconds, rate, concurrency, seed, quiesceSeconds, requestTimeoutMs);
  }

  public RunSpec withLoad(double newTimeLimitSeconds, double newRate, int newConcurrency) {
    return new RunSpec(backend, nodes, n, w, r, quorum, readRepair, conflicts, fsync, workload, nemesis,
        nemesisIntervalSeconds, newTimeLimitSeconds, newRate, newConcurrency, seed, quiesceSeconds, requestTimeoutMs);
  }

  public RunSpec withSeed(long newSeed) {
    return new RunSpec(backend, nodes, n, w, r, quorum, readRepair, conflicts, fsync, workload, nemesis,
        nemesisIntervalSeconds, timeLimitSeconds, rate, concurrency, newSeed, quiesceSeconds, requestTimeoutMs);
  }

  public RunSpec withBackend(String newBackend, int newNodes) {
    return new RunSpec(newBackend, newNodes, n, w, r, quorum, readRepair, conflicts, fsync, workload, nemesis,
        nemesisIntervalSeconds, timeLimitSeconds, rate, concurrency, seed, quiesceSeconds, requestTimeoutMs);
  }

  public RunSpec withQuiesce(double newQuiesceSeconds) {
    return new RunSpec(backend, nodes, n, w, r, quorum, readRepair, conflicts, fsync, workload, nemesis,
        nemesisIntervalSeconds, timeLimitSeconds, rate, concurrency, seed, newQuiesceSeconds, requestTimeoutMs);
  }

  static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  private static String str(Map<String, Object> m, String k, String d) {
    Object v = m.get(k);
    return v == null ? d : v.toString();
  }

  private static double number(Map<String, Object> m, String k, double d) {
    Object v = m.get(k);
    if (v == null) return d;
    if (v instanceof Number num) return num.doubleValue();
    throw new IllegalArgumentException("spec option '" + k + "' is not a number: " + v);
  }

  private static long longNumber(Map<String, Object> m, String k, long d) {
    Object v = m.get(k);
    if (v == null) return d;
    if (v instanceof Number num) return num.longValue();
    throw new IllegalArgumentException("spec option '" + k + "' is not a number: " + v);
  }

  private static int integer(Map<String, Object> m, String k, int d) {
    return (int) number(m, k, d);
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, Map<String, Object> m, String k, E d) {
    Object v = m.get(k);
    if (v == null) return d;
    try {
      return Enum.valueOf(type, v.toString().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("spec option '" + k + "' has an unknown value: " + v);
    }
  }
}
