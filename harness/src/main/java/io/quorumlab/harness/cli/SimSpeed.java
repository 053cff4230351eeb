package io.quorumlab.harness.cli;

import io.quorumlab.harness.run.ProgressSink;
import io.quorumlab.harness.time.Stopwatch;
import io.quorumlab.results.Phase;
import io.quorumlab.sim.Simulation;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * How fast a simulated run ran on this machine, for one line after it: the wall time of the run
 * itself (setup to teardown, the simulation's part), of checking and of the report, and since the
 * JVM started, in wall time and in CPU time (which a machine shared with other work leaves
 * comparable). Passes every progress call on to the sink it wraps; measures only, never decides.
 */
final class SimSpeed implements ProgressSink {
  private final ProgressSink inner;

  private Stopwatch run;
  private long runCpuStart;
  /**
   * When the run began, after the JVM started: what starting the JVM and the CLI cost (CPU of every
   * thread here; the wall time is worked out at the end, so that no management bean loads before the run).
   */
  private double runStartJvmCpu;
  private double runSeconds = -1;
  private double runCpuSeconds;
  private Stopwatch check;
  private double checkSeconds = -1;
  private double checkCpuStart;
  private double checkCpuSeconds;
  private Stopwatch report;
  private double reportCpuStart;
  private Simulation sim;

  SimSpeed(ProgressSink inner) {
    this.inner = inner;
  }

  /** Hears of the run's simulation (the sim backend's observer). */
  void deployed(Simulation s) {
    sim = s;
  }

  @Override
  public void phase(String phase, String detail) {
    if (phase.equals(Phase.SETUP) && run == null) {
      runStartJvmCpu = processCpuSeconds();
      run = Stopwatch.start();
      runCpuStart = ThreadCpu.nanos();
    }
    if (phase.equals(Phase.CHECK)) {
      if (run != null) {
        runSeconds = run.elapsedSeconds();
        runCpuSeconds = (ThreadCpu.nanos() - runCpuStart) / 1e9;
      }
      check = Stopwatch.start();
      checkCpuStart = processCpuSeconds();
    }
    if (phase.equals("report") && check != null) {
      checkSeconds = check.elapsedSeconds();
      reportCpuStart = processCpuSeconds();
      checkCpuSeconds = reportCpuStart - checkCpuStart;
      report = Stopwatch.start();
    }
    inner.phase(phase, detail);
  }

  @Override
  public void load(LoadStatus status) {
    inner.load(status);
  }

  @Override
  public void event(String line) {
    inner.event(line);
  }

  /** The line, once the run has been reported; null when the run never got as far as checking. */
  String line() {
    if (sim == null || runSeconds < 0) return null;
    double virtual = sim.now() / 1e9;
    long events = sim.eventsRun();
    double jvmCpu = processCpuSeconds();
    double uptime = ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
    double runStartUptime = uptime - run.elapsedSeconds();
    return String.format(Locale.ROOT,
        "speed       %.1f s simulated, %,d events, in %.2f s (%.2f s of CPU): %,.0f events/s, %.1fx real time, begun %.2f s "
            + "after the JVM started (%.2f s of CPU); "
            + "then check %.2f s (%.2f s of CPU), report %.2f s (%.2f s of CPU); %.2f s since the JVM started "
            + "(%.2f s of CPU, all threads)",
        virtual, events, runSeconds, runCpuSeconds, events / Math.max(1e-9, runSeconds), virtual / Math.max(1e-9, runSeconds),
        runStartUptime, runStartJvmCpu, Math.max(0, checkSeconds), checkCpuSeconds, report == null ? 0 : report.elapsedSeconds(),
        report == null ? 0 : jvmCpu - reportCpuStart, uptime, jvmCpu);
  }

  /**
   * CPU time of the whole process (every thread: checkers may run several, the JIT compiles beside them),
   * to the kernel's clock tick (10 ms). Through {@link ProcessHandle}, not the OperatingSystemMXBean: that
   * bean first reads the container's cgroup limits (files, regular expressions), about 0.02 s of CPU
   * before the run, measured.
   */
  private static double processCpuSeconds() {
    Optional<Duration> cpu = ProcessHandle.current().info().totalCpuDuration();
    return cpu.isPresent() ? cpu.get().toNanos() / 1e9 : -1;
  }
}
