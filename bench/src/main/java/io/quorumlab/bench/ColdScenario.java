package io.quorumlab.bench;

import io.quorumlab.harness.cli.ThreadCpu;
import io.quorumlab.sim.Simulation;
import io.quorumlab.sim.scenario.DefaultLikeScenario;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;

/**
 * The child JVM of {@code SimBench cold}: the default scenario once (seed 1), and one line that says
 * when it began (before the simulation is built) and ended after JVM start. Its own main, not a picocli
 * command of {@link SimBench}, so that little but JVM start runs before the scenario: picocli parsing
 * the bench's arguments and the management beans the bench measures with cost about 0.15 s of CPU
 * there, and neither is part of the simulation. Thread CPU comes from {@link ThreadCpu} (as in
 * the CLI's {@code speed} line), process CPU from {@link ProcessHandle}, and the JVM's uptime is read
 * once the scenario is over and worked back to its start and end with {@link System#nanoTime}.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.quorumlab.bench.ColdScenario [seconds]</pre>
 */
public final class ColdScenario {
  private ColdScenario() {}

  public static void main(String[] args) {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    long beganCpu = processCpuMillis();
    long cpu0 = ThreadCpu.nanos();
    long wall0 = System.nanoTime();
    Simulation sim = new Simulation(DefaultLikeScenario.config(1));
    DefaultLikeScenario scenario = DefaultLikeScenario.of(Duration.ofSeconds(seconds));
    scenario.accept(sim);
    long wall1 = System.nanoTime();
    long cpu1 = ThreadCpu.nanos();
    long endCpu = processCpuMillis();
    long uptimeNow = ManagementFactory.getRuntimeMXBean().getUptime();
    long ended = uptimeNow - (System.nanoTime() - wall1) / 1_000_000;
    long began = ended - (wall1 - wall0) / 1_000_000;
    System.out.println(SimBench.runLine(1, true, sim, (wall1 - wall0) / 1e9, (cpu1 - cpu0) / 1e9, began, beganCpu, ended, endCpu,
        scenario));
  }

  /** CPU time of the whole JVM so far, every thread, to the kernel's clock tick (10 ms). */
  private static long processCpuMillis() {
    return ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
  }
}
