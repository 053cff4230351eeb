package io.quorumlab.bench;

import io.quorumlab.checkers.CheckContext;
import io.quorumlab.checkers.Checker;
import io.quorumlab.checkers.Verdict;
import io.quorumlab.checkers.history.Histories;
import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.registry.CheckerRegistry;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Steady-state linearizability checking time per history, for side-by-side tables
 * ({@code bench/porcupine-compare.sh}). Reads a list of histories, parses each once, warms the JIT
 * up on all of them, then times {@code check} on each (parsing excluded) until both a minimum
 * number of repetitions and a minimum time are reached, and prints one tab-separated line per
 * history: name, median ms, verdict, expected verdict, whether they agree, and the process's CPU
 * time per repetition (all threads, JIT and GC included: steadier than wall time on a loaded
 * machine, where a check waits for a core).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.quorumlab.bench.LinearizabilityTimes LIST [MIN_MS] [MIN_REPS]
 * </pre>
 *
 * LIST has one line per history: name, path, model (cas-register, kv, ...), expected ({@code
 * true} = linearizable), tab-separated.
 */
public final class LinearizabilityTimes {
  private static final long MAX_REPS = 100_000;

  private record Item(String name, History history, Checker checker, boolean expected) {}

  private LinearizabilityTimes() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1 || args.length > 3) {
      System.err.println("usage: LinearizabilityTimes LIST [MIN_MS] [MIN_REPS]");
      System.exit(254);
    }
    double minMs = args.length > 1 ? Double.parseDouble(args[1]) : 200;
    int minReps = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    List<Item> items = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      if (line.isBlank()) continue;
      String[] c = line.split("\t");
      items.add(new Item(c[0], Histories.read(Path.of(c[1])), CheckerRegistry.linearizable(c[2]), Boolean.parseBoolean(c[3])));
    }
    CheckContext context = CheckContext.defaults();
    // warm-up: every history a few times, so that the JIT has seen all of their shapes
    for (int round = 0; round < 5; round++) {
      for (Item it : items) time(it, context, minMs / 10, 2);
    }
    System.out.println("history\tquorumlab_ms\tverdict\texpected\tagree\tcpu_ms");
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (Item it : items) {
      long cpu = os.getProcessCpuTime();
      double[] t = time(it, context, minMs, minReps);
      double cpuMs = (os.getProcessCpuTime() - cpu) / 1e6 / t.length;
      Verdict v = it.checker().check(it.history(), context).verdict();
      boolean agree = v == (it.expected() ? Verdict.VALID : Verdict.INVALID);
      System.out.printf("%s\t%.4f\t%s\t%s\t%s\t%.4f%n", it.name(), median(t), v.wireName(), it.expected() ? "valid" : "invalid", agree ? "yes" : "NO", cpuMs);
    }
  }

  /** Times of {@code check} in ms, repeated until both {@code minReps} and {@code minMs} are reached. */
  private static double[] time(Item it, CheckContext context, double minMs, int minReps) {
    double[] times = new double[Math.max(16, minReps)];
    int n = 0;
    double total = 0;
    while ((n < minReps || total < minMs) && n < MAX_REPS) {
      long start = System.nanoTime();
      it.checker().check(it.history(), context);
      double ms = (System.nanoTime() - start) / 1e6;
      if (n == times.length) times = Arrays.copyOf(times, n * 2);
      times[n++] = ms;
      total += ms;
    }
    return Arrays.copyOf(times, n);
  }

  private static double median(double[] t) {
    double[] s = t.clone();
    Arrays.sort(s);
    int m = s.length / 2;
    return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
  }
}
