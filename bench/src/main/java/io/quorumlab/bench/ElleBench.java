package io.quorumlab.bench;

import io.quorumlab.checkers.CheckContext;
import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Verdict;
import io.quorumlab.checkers.elle.ElleAnalyzer;
import io.quorumlab.checkers.elle.ElleChecker;
import io.quorumlab.checkers.history.Histories;
import io.quorumlab.checkers.history.History;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Throughput and heap of the list-append checker (strict serializable, the default) on generated
 * histories, and on Elle's huge-scc.edn. A command-line benchmark rather than JMH: one history of a
 * million transactions per JVM, measured over a few repetitions, with the heap sampled throughout.
 *
 * <pre>
 * java -Xmx2g -cp bench/target/benchmarks.jar io.quorumlab.bench.ElleBench [--txns N] [--concurrency C]
 *     [--keys K] [--reps R] [--warmup W] [--huge-scc PATH]
 * </pre>
 * Prints the median check time (wall clock, and CPU time of the checking thread, which a loaded
 * machine distorts less), transactions per second by each, time spent in GC, the most heap
 * seen in use (garbage included) and the most heap in use right after a collection (about the live
 * data: history plus checker), and the heap the history alone holds.
 */
public final class ElleBench {
  private ElleBench() {}

  public static void main(String[] args) throws Exception {
    int txns = 100_000;
    int concurrency = 20;
    int keys = 40;
    int reps = 3;
    int warmup = 1;
    String hugeScc = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--txns" -> txns = Integer.parseInt(args[++i]);
        case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
        case "--keys" -> keys = Integer.parseInt(args[++i]);
        case "--reps" -> reps = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--huge-scc" -> hugeScc = args[++i];
        default -> {
          System.err.println("ElleBench: unknown argument " + args[i]);
          System.exit(254);
        }
      }
    }
    Runtime rt = Runtime.getRuntime();
    System.out.printf(Locale.ROOT, "JVM max heap %d MB, %d processors%n", rt.maxMemory() >> 20, rt.availableProcessors());
    if (hugeScc != null) {
      long t0 = System.nanoTime();
      History h = Histories.read(Path.of(hugeScc));
      long parseMs = (System.nanoTime() - t0) / 1_000_000;
      measure("huge-scc.edn (" + h.size() + " ops, parse " + parseMs + " ms)", h, reps, warmup);
      return;
    }
    long t0 = System.nanoTime();
    History h = new ElleHistoryGenerator(42, concurrency, keys, 32).generate(txns);
    long genMs = (System.nanoTime() - t0) / 1_000_000;
    measure(String.format(Locale.ROOT, "generated %,d txns, concurrency %d, %d keys (gen %d ms)", txns, concurrency, keys, genMs), h, reps, warmup);
  }

  private static void measure(String label, History h, int reps, int warmup) throws InterruptedException {
    long txns = h.ops().stream().filter(op -> op.isInvoke()).count();
    System.gc();
    Thread.sleep(200);
    long historyBytes = usedAfterGc();
    ElleChecker checker = new ElleChecker(ElleAnalyzer.LIST_APPEND);
    CheckContext ctx = CheckContext.defaults().withTimeBudget(Duration.ofMinutes(10));
    for (int i = 0; i < warmup; i++) checker.check(h, ctx);
    System.gc();
    Thread.sleep(200);
    HeapSampler sampler = new HeapSampler();
    sampler.start();
    long[] ms = new long[reps];
    long[] cpu = new long[reps];
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long gcBefore = gcMillis();
    CheckResult last = null;
    for (int i = 0; i < reps; i++) {
      long c = threads.getCurrentThreadCpuTime();
      long t = System.nanoTime();
      last = checker.check(h, ctx);
      ms[i] = (System.nanoTime() - t) / 1_000_000;
      cpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1_000_000;
    }
    long gcMs = gcMillis() - gcBefore;
    sampler.stopAndJoin();
    long[] sorted = ms.clone();
    Arrays.sort(sorted);
    long median = sorted[sorted.length / 2];
    System.out.printf(Locale.ROOT, "%s%n  verdict %s: %s%n", label, last.verdict().wireName(), last.summary());
    long[] cpuSorted = cpu.clone();
    Arrays.sort(cpuSorted);
    long cpuMedian = cpuSorted[cpuSorted.length / 2];
    System.out.printf(Locale.ROOT, "  wall ms %s, median %d ms = %,.0f txn/s%n", Arrays.toString(ms), median, txns * 1000.0 / Math.max(1, median));
    System.out.printf(Locale.ROOT, "  checking-thread CPU ms %s, median %d ms = %,.0f txn/s; GC time during the %d checks %d ms; load average %.1f%n",
        Arrays.toString(cpu), cpuMedian, txns * 1000.0 / Math.max(1, cpuMedian), reps, gcMs,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    System.out.printf(Locale.ROOT, "  heap: history alone %d MB; during checks max used %d MB, max after GC %d MB%n",
        historyBytes >> 20, sampler.maxUsed >> 20, sampler.maxAfterGc >> 20);
    if (last.verdict() == Verdict.UNKNOWN) System.out.println("  (unknown: " + last.details().get("anomaly-types") + ")");
  }

  private static long gcMillis() {
    long sum = 0;
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) sum += Math.max(0, gc.getCollectionTime());
    return sum;
  }

  private static long usedAfterGc() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null) sum += p.getCollectionUsage().getUsed();
    }
    return sum;
  }

  /** Samples heap use every 2 ms: total in use, and in use just after the latest collection. */
  private static final class HeapSampler extends Thread {
    volatile boolean stop;
    long maxUsed;
    long maxAfterGc;
    private final List<MemoryPoolMXBean> pools = new ArrayList<>();

    HeapSampler() {
      setDaemon(true);
      for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) pools.add(p);
    }

    @Override
    public void run() {
      while (!stop) {
        long used = 0;
        long after = 0;
        for (MemoryPoolMXBean p : pools) {
          used += p.getUsage().getUsed();
          if (p.getCollectionUsage() != null) after += p.getCollectionUsage().getUsed();
        }
        maxUsed = Math.max(maxUsed, used);
        maxAfterGc = Math.max(maxAfterGc, after);
        try {
          Thread.sleep(2);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    void stopAndJoin() throws InterruptedException {
      stop = true;
      join();
    }
  }
}
