package io.quorumlab.harness.nemesis;

import io.quorumlab.harness.cluster.Cluster;
import io.quorumlab.harness.cluster.Slowness;
import io.quorumlab.harness.time.EventLoop;
import io.quorumlab.harness.time.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.random.RandomGenerator;

/**
 * Alternates fault and recovery on the run's event loop: an interval after {@link #start()}, a
 * fault drawn from the nemeses starts; an interval after it took effect, it stops; an interval
 * later the next one starts, and so on. Draws come from the run's nemesis stream, so a seed replays
 * the same choices. The faults themselves (docker commands, signals) may block, so they run through
 * {@link EventLoop#offload}, one at a time; every start and stop reaches the listener, on the loop,
 * as an invoke and a completion (Jepsen's nemesis ops). {@link #healAll()} ends it: the fault in
 * force is stopped, membership changes are let finish, and the cluster healed (killed nodes
 * restarted, paused ones resumed, links restored); call it at the end of every run, also one that
 * failed.
 *
 * <p>Every method is called on the loop (see {@link EventLoop}), so the schedule needs no locks.
 */
public final class NemesisSchedule {
  private final EventLoop loop;
  private final Cluster cluster;
  private final List<Nemesis> nemeses;
  private final long intervalNanos;
  private final RandomGenerator random;
  private final NemesisListener listener;
  private final List<Exception> errors = new ArrayList<>();
  private boolean started;
  private boolean stopping;
  private Timer next;
  /** The start or stop in progress (or the last one, done). */
  private CompletableFuture<Void> acting = CompletableFuture.completedFuture(null);
  private CompletableFuture<Void> healed;
  private String inForce;

  public NemesisSchedule(EventLoop loop, Cluster cluster, List<Nemesis> nemeses, Duration interval, RandomGenerator random,
      NemesisListener listener) {
    if (interval.isNegative() || interval.isZero()) throw new IllegalArgumentException("the nemesis interval must be positive, not " + interval);
    this.loop = loop;
    this.cluster = cluster;
    this.nemeses = List.copyOf(nemeses);
    this.intervalNanos = interval.toNanos();
    this.random = random;
    this.listener = listener;
  }

  /** A schedule of the faults a spec names. */
  public static NemesisSchedule of(EventLoop loop, Cluster cluster, NemesisSpec spec, Slowness slowness, Duration interval,
      RandomGenerator random, NemesisListener listener) {
    return new NemesisSchedule(loop, cluster, spec.nemeses(slowness), interval, random, listener);
  }

  public List<Nemesis> nemeses() {
    return nemeses;
  }

  /** Schedules the first fault, one interval from now (nothing happens when there are no nemeses). */
  public void start() {
    if (started) throw new IllegalStateException("schedule already started");
    started = true;
    if (!nemeses.isEmpty()) next = loop.schedule(intervalNanos, this::startOne);
  }

  /** The kind of fault in force now ("partition", ...), or null: for a progress display. */
  public String inForce() {
    return inForce;
  }

  /** Failures of starts and stops so far (each was also reported to the listener). */
  public List<Exception> errors() {
    return List.copyOf(errors);
  }

  private void startOne() {
    if (stopping) return;
    Nemesis n = nemeses.get(random.nextInt(nemeses.size()));
    acting = act(n, true).thenRun(() -> {
      if (!stopping) next = loop.schedule(intervalNanos, () -> stopOne(n));
    });
  }

  private void stopOne(Nemesis n) {
    if (stopping) return;
    acting = act(n, false).thenRun(() -> {
      if (!stopping) next = loop.schedule(intervalNanos, this::startOne);
    });
  }

  /** Starts or stops one nemesis off the loop, reporting invoke and completion; never fails. */
  private CompletableFuture<Void> act(Nemesis n, boolean start) {
    String f = (start ? "start-" : "stop-") + n.name();
    emit(new NemesisEvent(NemesisEvent.Phase.INVOKE, f, null, loop.nanos(), null));
    return loop.offload(() -> start ? n.start(cluster, random) : n.stop(cluster)).handle((value, error) -> {
      if (error == null) {
        inForce = start ? n.name() : null;
        emit(new NemesisEvent(NemesisEvent.Phase.COMPLETE, f, value, loop.nanos(), null));
      } else {
        errors.add(asException(error));
        inForce = n.active() ? n.name() : null;
        emit(new NemesisEvent(NemesisEvent.Phase.COMPLETE, f, null, loop.nanos(), oneLine(error)));
      }
      return null;
    });
  }

  private void emit(NemesisEvent e) {
    try {
      listener.onEvent(e);
    } catch (RuntimeException ex) {
      // A recorder that fails must not leave a fault in force: keep going, heal still happens.
      errors.add(ex);
    }
  }

  /**
   * Stops the schedule, takes back the fault in force and heals the whole cluster, once the start
   * or stop in progress has finished. Calling it again returns the same future. The future fails
   * with the heal's failure, if any, after reporting it.
   */
  public CompletableFuture<Void> healAll() {
    if (healed != null) return healed;
    stopping = true;
    if (next != null) next.cancel();
    CompletableFuture<Void> stopped = acting;
    for (Nemesis n : nemeses) stopped = stopped.thenCompose(x -> n.active() ? act(n, false) : CompletableFuture.completedFuture(null));
    for (Nemesis n : nemeses) {
      if (n instanceof SettlingNemesis s) stopped = stopped.thenCompose(x -> settle(s));
    }
    healed = stopped.thenCompose(x -> heal());
    return healed;
  }

  /**
   * Lets the changes of {@code n} finish, recorded as one more stop of it (its fault lasts until
   * they have); a failure is reported and the heal goes on.
   */
  private CompletableFuture<Void> settle(SettlingNemesis n) {
    String f = "stop-" + n.name();
    emit(new NemesisEvent(NemesisEvent.Phase.INVOKE, f, null, loop.nanos(), null));
    return n.settle(loop, cluster).handle((value, failure) -> {
      Throwable error = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
      if (error != null) errors.add(asException(error));
      emit(new NemesisEvent(NemesisEvent.Phase.COMPLETE, f, error == null ? value : null, loop.nanos(),
          error == null ? null : oneLine(error)));
      return null;
    });
  }

  private CompletableFuture<Void> heal() {
    emit(new NemesisEvent(NemesisEvent.Phase.INVOKE, "heal", null, loop.nanos(), null));
    return loop.offload(() -> {
      cluster.heal();
      return null;
    }).handle((v, error) -> {
      if (error != null) {
        emit(new NemesisEvent(NemesisEvent.Phase.COMPLETE, "heal", null, loop.nanos(), oneLine(error)));
        throw new CompletionException(error);
      }
      inForce = null;
      emit(new NemesisEvent(NemesisEvent.Phase.COMPLETE, "heal", "links restored, every node running", loop.nanos(), null));
      return null;
    });
  }

  private static Exception asException(Throwable t) {
    return t instanceof Exception e ? e : new RuntimeException(t);
  }

  private static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.lines().findFirst().orElse(m);
  }
}
