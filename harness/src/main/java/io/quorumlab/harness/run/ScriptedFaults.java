package io.quorumlab.harness.run;

import io.quorumlab.harness.cluster.Cluster;
import io.quorumlab.harness.nemesis.NemesisEvent;
import io.quorumlab.harness.nemesis.NemesisListener;
import io.quorumlab.harness.time.EventLoop;
import io.quorumlab.harness.time.Timer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Plays a {@link FaultScript} on the run's loop: each fault starts and ends at its time after the
 * load started, reported to the listener as the nemesis's faults are ({@code start-<kind>},
 * {@code stop-<kind>}, invoke and completion). {@link #stop()} cancels what has not happened and
 * ends the faults in force. The cluster's actions go through {@link EventLoop#offload}, one at a time.
 */
final class ScriptedFaults {
  private final EventLoop loop;
  private final Cluster cluster;
  private final NemesisListener listener;
  private final List<Timer> timers = new ArrayList<>();
  private final Set<ScriptedFault> inForce = new LinkedHashSet<>();
  private CompletableFuture<Void> acting = CompletableFuture.completedFuture(null);
  private boolean stopped;

  ScriptedFaults(EventLoop loop, Cluster cluster, FaultScript script, NemesisListener listener) {
    this.loop = loop;
    this.cluster = cluster;
    this.listener = listener;
    for (ScriptedFault f : script.faults()) {
      timers.add(loop.schedule(f.startNanos(), () -> act(f, true)));
      timers.add(loop.schedule(f.endNanos(), () -> act(f, false)));
    }
  }

  /** The kind of a fault in force, or null. */
  String inForce() {
    return inForce.isEmpty() ? null : inForce.iterator().next().kind();
  }

  /** Cancels the faults to come and ends those in force; the future completes when they have ended. */
  CompletableFuture<Void> stop() {
    if (!stopped) {
      stopped = true;
      timers.forEach(Timer::cancel);
      for (ScriptedFault f : List.copyOf(inForce)) act(f, false);
    }
    return acting;
  }

  private void act(ScriptedFault f, boolean start) {
    if (start ? stopped : !inForce.contains(f)) return;
    if (start) inForce.add(f);
    else inForce.remove(f);
    String name = (start ? "start-" : "stop-") + f.kind();
    acting = acting.thenCompose(x -> {
      listener.onEvent(new NemesisEvent(NemesisEvent.Phase.INVOKE, name, null, loop.nanos(), null));
      return loop.offload(() -> {
        apply(f, start);
        return start ? f.describe(cluster.nodes()) : "ended";
      }).handle((value, error) -> {
        listener.onEvent(new NemesisEvent(NemesisEvent.Phase.COMPLETE, name, value, loop.nanos(),
            error == null ? null : Runner.describe(error)));
        return null;
      });
    });
  }

  private void apply(ScriptedFault f, boolean start) throws Exception {
    switch (f.kind()) {
      case ScriptedFault.PARTITION -> cluster.partition(start ? f.grudge() : Map.of());
      case ScriptedFault.KILL -> {
        for (String n : f.nodes()) {
          if (start && !cluster.killed().contains(n)) cluster.kill(n);
          else if (!start && cluster.killed().contains(n)) cluster.restart(n);
        }
      }
      case ScriptedFault.PAUSE -> {
        for (String n : f.nodes()) {
          if (start && !cluster.paused().contains(n)) cluster.pause(n);
          else if (!start && cluster.paused().contains(n)) cluster.resume(n);
        }
      }
      default -> throw new IllegalStateException("no such scripted fault: " + f.kind());
    }
  }
}
