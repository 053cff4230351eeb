package io.quorumlab.harness.cli;

import io.quorumlab.harness.run.ProgressSink;
import io.quorumlab.harness.time.Stopwatch;
import io.quorumlab.results.Phase;
import io.quorumlab.sim.Simulation;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * How fast a simulated run ran on this machine, for one line after it: the wall time of the run
 * itself (setup to teardown, the simulation's part), of checking and of the report, and since the
 * JVM started. Passes every progress call on to the sink it wraps; measures only, never decides.
 */
final class SimSpeed implements ProgressSink {
  private final ProgressSink inner;
  private Stopwatch run;
  private double runSeconds = -1;
  private Stopwatch check;
  private double checkSeconds = -1;
  private Stopwatch report;
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
    if (phase.equals(Phase.SETUP) && run == null) run = Stopwatch.start();
    if (phase.equals(Phase.CHECK)) {
      if (run != null) runSeconds = run.elapsedSeconds();
      check = Stopwatch.start();
    }
    if (phase.equals("report") && check != null) {
      checkSeconds = check.elapsedSeconds();
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
    return String.format(Locale.ROOT,
        "speed       %.1f s simulated (%,d events) in %.2f s of wall time: %,.0f events/s, %.0fx real time; "
            + "check %.2f s, report %.2f s; %.2f s since the JVM started",
        virtual, events, runSeconds, events / Math.max(1e-9, runSeconds), virtual / Math.max(1e-9, runSeconds),
        Math.max(0, checkSeconds), report == null ? 0 : report.elapsedSeconds(),
        ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
  }
}
