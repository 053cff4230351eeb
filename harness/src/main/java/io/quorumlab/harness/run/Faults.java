package io.quorumlab.harness.run;

import io.quorumlab.checkers.history.OpType;
import io.quorumlab.harness.cluster.Cluster;
import io.quorumlab.harness.nemesis.NemesisEvent;
import io.quorumlab.harness.nemesis.NemesisListener;
import io.quorumlab.harness.nemesis.NemesisSchedule;
import io.quorumlab.harness.nemesis.SlowNemesis;
import io.quorumlab.harness.time.EventLoop;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;

/**
 * The run's fault schedule during the load and the heal after it: every fault transition goes into
 * the history as a nemesis op (invoke and completion, both {@code info}, as Jepsen records them) and
 * onto the console.
 */
final class Faults {
  private final NemesisSchedule schedule;
  private final ScriptedFaults scripted;
  private CompletableFuture<Void> healed;

  private Faults(NemesisSchedule schedule, ScriptedFaults scripted) {
    this.schedule = schedule;
    this.scripted = scripted;
  }

  /**
   * Starts the schedule on the loop: the first fault drawn begins one interval into the load; the
   * spec's scripted faults, each at its time.
   */
  static Faults start(RunSpec s, EventLoop loop, Cluster cluster, RandomGenerator random, HistoryRecorder recorder,
      ProgressSink progress) {
    Duration interval = Duration.ofNanos((long) (s.nemesis().intervalSeconds() * 1e9));
    NemesisListener listener = event -> record(event, recorder, progress);
    NemesisSchedule schedule = NemesisSchedule.of(loop, cluster, s.nemesis().faults(), SlowNemesis.DEFAULT, interval, random, listener);
    ScriptedFaults scripted = new ScriptedFaults(loop, cluster, s.faults(), listener);
    schedule.start();
    return new Faults(schedule, scripted);
  }

  private static void record(NemesisEvent e, HistoryRecorder recorder, ProgressSink progress) {
    recorder.nemesis(OpType.INFO, e.f(), e.value(), e.error());
    if (e.phase() == NemesisEvent.Phase.COMPLETE) {
      progress.event(e.f() + (e.value() == null ? "" : ": " + e.value()) + (e.error() == null ? "" : " FAILED: " + e.error()));
    }
  }

  /** The kind of fault in force, or null. */
  String current() {
    return schedule.inForce() != null ? schedule.inForce() : scripted.inForce();
  }

  /**
   * Ends the schedule, takes back the fault in force and heals the cluster; the same future
   * however often it is called, so that no fault outlives a run, also one whose load failed.
   */
  CompletableFuture<Void> stopAndHeal() {
    if (healed == null) healed = scripted.stop().thenCompose(x -> schedule.healAll());
    return healed;
  }
}
