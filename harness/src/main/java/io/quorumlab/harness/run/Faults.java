package io.quorumlab.harness.run;

import io.quorumlab.harness.SpecException;
import io.quorumlab.checkers.history.OpType;
import io.quorumlab.harness.cluster.Cluster;
import io.quorumlab.harness.nemesis.NemesisEvent;
import io.quorumlab.harness.nemesis.NemesisSchedule;
import io.quorumlab.harness.nemesis.NemesisSpec;
import io.quorumlab.harness.nemesis.SlowNemesis;
import java.time.Duration;

/**
 * The run's fault schedule during the load and the heal after it: every fault transition goes into
 * the history as a nemesis op (invoke and completion, both {@code info}, as Jepsen records them) and
 * onto the console.
 */
final class Faults implements AutoCloseable {
  private final NemesisSchedule schedule;

  private Faults(NemesisSchedule schedule) {
    this.schedule = schedule;
  }

  /** @throws io.quorumlab.harness.SpecException when the spec's nemesis cannot be parsed */
  static NemesisSpec parse(RunSpec s) {
    return NemesisSpec.parse(s.nemesis());
  }

  /** Starts the schedule: the first fault begins one interval into the load. */
  static Faults start(RunSpec s, Cluster cluster, HistoryRecorder recorder, ProgressSink progress) {
    Duration interval = Duration.ofNanos((long) (s.nemesisIntervalSeconds() * 1e9));
    NemesisSchedule schedule = NemesisSchedule.of(cluster, parse(s), SlowNemesis.DEFAULT, interval, s.seed(),
        event -> record(event, recorder, progress));
    schedule.start();
    return new Faults(schedule);
  }

  private static void record(NemesisEvent e, HistoryRecorder recorder, ProgressSink progress) {
    recorder.nemesis(OpType.INFO, e.f(), e.value(), e.error());
    if (e.phase() == NemesisEvent.Phase.COMPLETE) {
      progress.event(e.f() + (e.value() == null ? "" : ": " + e.value()) + (e.error() == null ? "" : " FAILED: " + e.error()));
    }
  }

  /** The kind of fault in force, or null. */
  String current() {
    return schedule.inForce();
  }

  /** Ends the schedule, takes back the fault in force and heals the cluster. */
  void stopAndHeal() throws Exception {
    schedule.healAll();
  }

  /** Heals if {@link #stopAndHeal()} was not reached (the load failed): no fault outlives a run. */
  @Override
  public void close() throws Exception {
    schedule.healAll();
  }
}
