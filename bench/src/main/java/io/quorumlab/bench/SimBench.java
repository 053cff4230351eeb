package io.quorumlab.bench;

import io.quorumlab.sim.Simulation;
import io.quorumlab.sim.scenario.DefaultLikeScenario;
import io.quorumlab.sim.scenario.MembershipOnlyScenario;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Speed and scale of the deterministic simulator, measured on this machine (wall time, and the
 * simulation thread's CPU time, which a busy machine disturbs less).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.quorumlab.bench.SimBench default
 * java -cp bench/target/benchmarks.jar io.quorumlab.bench.SimBench cold --repeat 7 --cds
 * java -cp bench/target/benchmarks.jar io.quorumlab.bench.SimBench seeds --count 200 --threads 2
 * java -Xmx16g -cp bench/target/benchmarks.jar io.quorumlab.bench.SimBench scale --nodes 1000
 * </pre>
 */
@Command(name = "SimBench", mixinStandardHelpOptions = true, subcommands = {SimBench.Default.class, SimBench.Cold.class,
    SimBench.Seeds.class, SimBench.Scale.class}, description = "Simulator benchmarks")
public final class SimBench {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  public static void main(String[] args) {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    System.exit(new CommandLine(new SimBench()).execute(args));
  }

  @Command(name = "default", description = "quorumlab run's defaults simulated: 5 nodes, N=3 W=1 R=1, 100 ops/s on 50 keys, partitions every 10 s")
  static final class Default implements Runnable {
    @Option(names = "--seconds", defaultValue = "60", description = "simulated seconds of load (after a 2 s warm-up)")
    int seconds;

    @Option(names = "--runs", defaultValue = "1", description = "runs in this JVM, seeds 1..runs (the first is cold)")
    int runs;

    @Override
    public void run() {
      for (int i = 1; i <= runs; i++) {
        long startUptime = ManagementFactory.getRuntimeMXBean().getUptime();
        long startCpu = processCpuMillis();
        long wall0 = System.nanoTime();
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        Simulation sim = new Simulation(DefaultLikeScenario.config(i));
        DefaultLikeScenario scenario = DefaultLikeScenario.of(Duration.ofSeconds(seconds));
        scenario.accept(sim);
        double wall = (System.nanoTime() - wall0) / 1e9;
        double cpu = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9;
        out("%s", runLine(i, i == 1, sim, wall, cpu, startUptime, startCpu, ManagementFactory.getRuntimeMXBean().getUptime(),
            processCpuMillis(), scenario));
      }
    }
  }

  /** One run's line, which {@link Cold} reads from its child JVMs (ms after JVM start, and ms of CPU of the whole JVM). */
  static String runLine(int seed, boolean coldJvm, Simulation sim, double wall, double cpu, long beganUptime, long beganCpu,
      long endUptime, long endCpu, DefaultLikeScenario scenario) {
    double simulated = sim.now() / 1e9;
    return String.format(Locale.ROOT, "run %d (seed %d%s): %.1f s simulated in %.3f s wall (%.0fx real time), %.3f s CPU; %d events, "
            + "%.0f events/s wall, %.0f events/CPU-s; scenario began %d ms after JVM start, after %d ms of CPU; JVM uptime %d ms, "
            + "process CPU %d ms; ops %s; digest %016x",
        seed, seed, coldJvm ? ", cold JVM" : "", simulated, wall, simulated / wall, cpu, sim.eventsRun(), sim.eventsRun() / wall,
        sim.eventsRun() / cpu, beganUptime, beganCpu, endUptime, endCpu, scenario.counts(), sim.trace().digest());
  }

  @Command(name = "cold", description = "the default scenario once per fresh JVM, --repeat times: wall time from JVM start to "
      + "the end of the simulated scenario, medians")
  static final class Cold implements Runnable {
    @Option(names = "--repeat", defaultValue = "5", description = "fresh JVMs, each running the scenario once")
    int repeat;

    @Option(names = "--seconds", defaultValue = "60", description = "simulated seconds of load (after a 2 s warm-up)")
    int seconds;

    @Option(names = "--jvm-opt", description = "an option for the child JVMs (repeatable), e.g. -XX:TieredStopAtLevel=1")
    List<String> jvmOpts = new ArrayList<>();

    @Option(names = "--cds", description = "give the child JVMs an AppCDS archive of the classes the scenario loads, "
        + "made as the launcher makes it: one unmeasured run lists the classes it loads (-XX:DumpLoadedClassList), "
        + "-Xshare:dump archives them")
    boolean cds;

    @Override
    public void run() {
      try {
        List<String> opts = new ArrayList<>(jvmOpts);
        if (cds) {
          // As the launcher does: a static archive of the classes one unmeasured run loads (a dynamic
          // one, -XX:ArchiveClassesAtExit, would leave out picocli's Java 5 classes).
          java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("simbench");
          java.nio.file.Path list = dir.resolve("classes.lst");
          java.nio.file.Path archive = dir.resolve("sim.jsa");
          List<String> training = new ArrayList<>(opts);
          training.add("-XX:DumpLoadedClassList=" + list);
          child(training);
          List<String> dump = new ArrayList<>(opts);
          dump.addAll(List.of("-Xshare:dump", "-XX:SharedClassListFile=" + list, "-XX:SharedArchiveFile=" + archive));
          java(dump, List.of());
          opts.add("-XX:SharedArchiveFile=" + archive);
        }
        double[] uptime = new double[repeat];
        double[] process = new double[repeat];
        double[] cpu = new double[repeat];
        double[] processCpu = new double[repeat];
        double[] began = new double[repeat];
        double[] beganCpu = new double[repeat];
        long events = 0;
        for (int i = 0; i < repeat; i++) {
          long t0 = System.nanoTime();
          String line = child(opts);
          process[i] = (System.nanoTime() - t0) / 1e9;
          uptime[i] = Long.parseLong(field(line, "JVM uptime ", " ms")) / 1e3;
          processCpu[i] = Long.parseLong(field(line, "process CPU ", " ms")) / 1e3;
          cpu[i] = Double.parseDouble(field(line, "real time), ", " s CPU"));
          events = Long.parseLong(field(line, "CPU; ", " events"));
          began[i] = Long.parseLong(field(line, "scenario began ", " ms after")) / 1e3;
          beganCpu[i] = Long.parseLong(field(line, "JVM start, after ", " ms of CPU")) / 1e3;
          out("  fresh JVM %d: scenario began %.3f s after JVM start (%.3f s of CPU, all threads) and was over %.3f s after it "
              + "(%.3f s of CPU), process %.3f s from launch to exit, simulation %.3f s CPU", i + 1, began[i], beganCpu[i],
              uptime[i], processCpu[i], process[i], cpu[i]);
        }
        double simulated = seconds + DefaultLikeScenario.WARM_UP.toSeconds();
        double median = median(uptime);
        out("cold default scenario (%.0f s simulated, %d events), %d fresh JVMs%s%s: median %.3f s from JVM start to the end of "
                + "the scenario (%.0fx real time, %.0f events/s), min %.3f, max %.3f; median %.3f s from launch to exit; "
                + "median simulation CPU %.3f s; median CPU of the whole JVM from its start to the end of the scenario %.3f s; "
                + "the scenario began a median %.3f s after JVM start, after %.3f s of CPU",
            simulated, events, repeat, opts.isEmpty() ? "" : " with " + String.join(" ", opts), cds ? " (AppCDS)" : "",
            median, simulated / median, events / median, Arrays.stream(uptime).min().orElse(0),
            Arrays.stream(uptime).max().orElse(0), median(process), median(cpu), median(processCpu), median(began),
            median(beganCpu));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    private String child(List<String> opts) throws java.io.IOException {
      String output = java(opts, List.of(ColdScenario.class.getName(), Integer.toString(seconds)));
      return output.lines().filter(l -> l.startsWith("run 1 ")).findFirst()
          .orElseThrow(() -> new IllegalStateException("no result from the child JVM: " + output));
    }

    /** Runs a JVM with this JVM's class path and returns its output; throws if it fails. */
    private static String java(List<String> opts, List<String> args) throws java.io.IOException {
      List<String> cmd = new ArrayList<>();
      cmd.add(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.addAll(opts);
      cmd.addAll(List.of("-cp", System.getProperty("java.class.path")));
      cmd.addAll(args);
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      try {
        if (p.waitFor() != 0) {
          throw new IllegalStateException("the child JVM failed: " + output);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      return output;
    }

    private static String field(String line, String before, String after) {
      int i = line.indexOf(before) + before.length();
      return line.substring(i, line.indexOf(after, i)).trim();
    }

    private static double median(double[] values) {
      double[] sorted = values.clone();
      Arrays.sort(sorted);
      int n = sorted.length;
      return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
  }

  @Command(name = "seeds", description = "many seeds of a short default-like run, in parallel (each seed on one thread)")
  static final class Seeds implements Runnable {
    @Option(names = "--count", defaultValue = "200")
    int count;

    @Option(names = "--seconds", defaultValue = "10", description = "simulated seconds of load per seed")
    int seconds;

    @Option(names = "--threads", defaultValue = "2")
    int threads;

    @Override
    public void run() {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        long wall0 = System.nanoTime();
        List<Future<Long>> runs = new ArrayList<>();
        for (long seed = 0; seed < count; seed++) {
          long s = seed;
          runs.add(pool.submit(() -> {
            Simulation sim = new Simulation(DefaultLikeScenario.config(s));
            DefaultLikeScenario.of(Duration.ofSeconds(seconds)).accept(sim);
            return sim.eventsRun();
          }));
        }
        long events = 0;
        long firstHalfDone = 0;
        for (int i = 0; i < runs.size(); i++) {
          events += runs.get(i).get();
          if (i == runs.size() / 2 - 1) {
            firstHalfDone = System.nanoTime();
          }
        }
        long end = System.nanoTime();
        double wall = (end - wall0) / 1e9;
        double secondHalf = (end - firstHalfDone) / 1e9;
        out("%d seeds x %d s simulated on %d threads: %.2f s wall, %.1f seeds/s overall (JVM start excluded), "
                + "%.1f seeds/s over the second half (warm); %d events, %.0f events/s",
            count, seconds + 2, threads, wall, count / wall, (count - count / 2) / secondHalf, events, events / wall);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Command(name = "scale", description = "membership only: N nodes form a cluster, one is killed, the others convict it")
  static final class Scale implements Runnable {
    @Option(names = "--nodes", defaultValue = "1000")
    int nodes;

    @Option(names = "--seconds", defaultValue = "60", description = "simulated seconds")
    int seconds;

    @Option(names = "--kill-at", defaultValue = "30", description = "simulated second at which one node is killed")
    int killAt;

    @Option(names = "--vnodes", defaultValue = "16")
    int vnodes;

    @Option(names = "--seeds", defaultValue = "3", description = "gossip seeds (the first nodes)")
    int seeds;

    @Option(names = "--progress", defaultValue = "0", description = "print time, events and heap every this many "
        + "simulated seconds (0: never), to see how far a run too big to finish got")
    int progress;

    @Override
    public void run() {
      String victim = "n" + (nodes / 2 + 1);
      long wall0 = System.nanoTime();
      long cpu0 = THREADS.getCurrentThreadCpuTime();
      Simulation sim = new Simulation(MembershipOnlyScenario.config(nodes, 1, vnodes, seeds));
      out("%d nodes set up in %.1f s wall", nodes, (System.nanoTime() - wall0) / 1e9);
      if (progress > 0) {
        Runnable[] tick = new Runnable[1];
        tick[0] = () -> {
          reportProgress(sim, wall0);
          sim.schedule(Duration.ofSeconds(progress), tick[0]);
        };
        sim.schedule(Duration.ZERO, tick[0]);
      }
      MembershipOnlyScenario scenario = new MembershipOnlyScenario(Duration.ofSeconds(seconds), Duration.ofSeconds(killAt), victim);
      scenario.accept(sim);
      double wall = (System.nanoTime() - wall0) / 1e9;
      double cpu = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9;
      out("%d nodes (vnodes %d, %d seeds, anti-entropy off), %d s simulated: %.1f s wall, %.1f s CPU, %d events (%.0f events/CPU-s)",
          nodes, vnodes, seeds, seconds, wall, cpu, sim.eventsRun(), sim.eventsRun() / cpu);

      long[] after = scenario.convictedAfterKill().values().stream().mapToLong(n -> n / 1_000_000).sorted().toArray();
      out("%s killed at %d s; convicted by %d of the %d others; ms after the kill: min %d, p10 %d, p50 %d, p90 %d, p99 %d, max %d",
          victim, killAt, after.length, nodes - 1, pct(after, 0), pct(after, 10), pct(after, 50), pct(after, 90), pct(after, 99),
          pct(after, 100));
      out("false convictions: %d%s", scenario.wrongfulConvictions().size(),
          scenario.wrongfulConvictions().isEmpty() ? "" : " (first: " + scenario.wrongfulConvictions().get(0) + ")");

      double[] msgs = scenario.messagesPerNodePerSecond(sim);
      double[] bytes = scenario.bytesPerNodePerSecond(sim);
      out("per node after the kill: %.1f messages/s (max %.1f), %.0f bytes/s (max %.0f)", mean(msgs), max(msgs), mean(bytes),
          max(bytes));
      long interval = sim.node("n1").config().gossipIntervalMs();
      double perRound = mean(msgs) * (nodes - 1) * interval / 1000.0;
      out("cluster-wide messages per gossip round (%d ms): %.0f measured, vs %d for full-mesh heartbeats (n(n-1)): %.1fx fewer",
          interval, perRound, (long) nodes * (nodes - 1), (double) nodes * (nodes - 1) / perRound);

      System.gc();
      long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      out("heap in use after GC with the simulation live: %d MB (%.0f KB per node)", heap >> 20, heap / 1024.0 / nodes);
      if (sim.eventsRun() < 0) {
        throw new AssertionError(); // keeps the simulation reachable up to the measurement
      }
    }
  }

  /** CPU time of the whole JVM so far (every thread: the JIT compiles and the GC collects beside the simulation). */
  private static long processCpuMillis() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() / 1_000_000 : -1;
  }

  private static void reportProgress(Simulation sim, long wall0) {
    Runtime rt = Runtime.getRuntime();
    out("  %.0f s simulated: %.1f s wall, %.1f s CPU, %d events, heap %d MB used of %d MB", sim.now() / 1e9,
        (System.nanoTime() - wall0) / 1e9, THREADS.getCurrentThreadCpuTime() / 1e9, sim.eventsRun(),
        (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
  }

  private static long pct(long[] sorted, int p) {
    if (sorted.length == 0) {
      return -1;
    }
    int i = (int) Math.min(sorted.length - 1, Math.round(p / 100.0 * (sorted.length - 1)));
    return sorted[i];
  }

  private static double mean(double[] a) {
    return Arrays.stream(a).average().orElse(0);
  }

  private static double max(double[] a) {
    return Arrays.stream(a).max().orElse(0);
  }

  private static void out(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
  }
}
