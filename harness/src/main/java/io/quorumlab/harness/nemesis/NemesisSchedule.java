package io.quorumlab.harness.nemesis;

import io.quorumlab.harness.cluster.Cluster;
import io.quorumlab.harness.cluster.Slowness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Alternates fault and recovery on its own thread: wait an interval, start a fault drawn from the
 * nemeses, wait an interval, stop it, and again. Draws come from one {@link Random} seeded by the
 * run, so a seed replays the same choices. Every start and stop reaches the listener as an invoke
 * and a completion (Jepsen's nemesis ops). {@link #healAll()} ends it: the fault in force is
 * stopped and the cluster healed (killed nodes restarted, paused ones resumed, links restored);
 * call it at the end of every run, also one that failed.
 */
public final class NemesisSchedule implements AutoCloseable {
  private final Cluster cluster;
  private final List<Nemesis> nemeses;
  private final long intervalNanos;
  private final Random random;
  private final NemesisListener listener;
  private final Object sleeper = new Object();
  private final Object acting = new Object();
  private final List<Exception> errors = new ArrayList<>();
  private Thread thread;
  private volatile boolean stopping;
  private volatile String inForce;
  private boolean healed;

  public NemesisSchedule(Cluster cluster, List<Nemesis> nemeses, Duration interval, long seed, NemesisListener listener) {
    if (interval.isNegative() || interval.isZero()) throw new IllegalArgumentException("the nemesis interval must be positive, not " + interval);
    this.cluster = cluster;
    this.nemeses = List.copyOf(nemeses);
    this.intervalNanos = interval.toNanos();
    this.random = new Random(seed);
    this.listener = listener;
  }

  /** A schedule of the faults a spec names. */
  public static NemesisSchedule of(Cluster cluster, NemesisSpec spec, Slowness slowness, Duration interval, long seed,
      NemesisListener listener) {
    return new NemesisSchedule(cluster, spec.nemeses(slowness), interval, seed, listener);
  }

  public List<Nemesis> nemeses() {
    return nemeses;
  }

  /** Starts the schedule's thread (nothing happens when there are no nemeses). */
  public synchronized void start() {
    if (thread != null) throw new IllegalStateException("schedule already started");
    thread = new Thread(this::loop, "quorumlab-nemesis");
    thread.setDaemon(true);
    if (!nemeses.isEmpty()) thread.start();
  }

  /** The kind of fault in force now ("partition", ...), or null: for a progress display. */
  public String inForce() {
    return inForce;
  }

  /** Failures of starts and stops so far (each was also reported to the listener). */
  public synchronized List<Exception> errors() {
    return List.copyOf(errors);
  }

  private void loop() {
    while (pause()) {
      Nemesis n = nemeses.get(random.nextInt(nemeses.size()));
      synchronized (acting) {
        if (stopping) return;
        act(n, true);
      }
      if (!pause()) return;
      synchronized (acting) {
        if (stopping) return;
        act(n, false);
      }
    }
  }

  /** Sleeps one interval; false when the schedule is stopping. */
  private boolean pause() {
    long until = System.nanoTime() + intervalNanos;
    synchronized (sleeper) {
      while (!stopping) {
        long left = until - System.nanoTime();
        if (left <= 0) return true;
        try {
          TimeUnit.NANOSECONDS.timedWait(sleeper, left);
        } catch (InterruptedException e) {
          return false;
        }
      }
    }
    return false;
  }

  /** Starts or stops one nemesis, reporting invoke and completion. */
  private void act(Nemesis n, boolean start) {
    String f = (start ? "start-" : "stop-") + n.name();
    emit(new NemesisEvent(NemesisEvent.Phase.INVOKE, f, null, System.nanoTime(), null));
    try {
      String value = start ? n.start(cluster, random) : n.stop(cluster);
      inForce = start ? n.name() : null;
      emit(new NemesisEvent(NemesisEvent.Phase.COMPLETE, f, value, System.nanoTime(), null));
    } catch (Exception e) {
      synchronized (this) {
        errors.add(e);
      }
      inForce = n.active() ? n.name() : null;
      emit(new NemesisEvent(NemesisEvent.Phase.COMPLETE, f, null, System.nanoTime(), oneLine(e)));
    }
  }

  private void emit(NemesisEvent e) {
    try {
      listener.onEvent(e);
    } catch (RuntimeException ex) {
      // A recorder that fails must not leave a fault in force: keep going, heal still happens.
      synchronized (this) {
        errors.add(ex);
      }
    }
  }

  /**
   * Stops the schedule, takes back the fault in force and heals the whole cluster. Safe to call
   * more than once and from any thread; waits for a start or stop in progress to finish first.
   * Throws the heal's failure, if any, after reporting it.
   */
  public void healAll() throws Exception {
    stopping = true;
    synchronized (sleeper) {
      sleeper.notifyAll();
    }
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t != null && t.isAlive() && t != Thread.currentThread()) t.join(TimeUnit.MINUTES.toMillis(5));
    synchronized (acting) {
      if (healed) return;
      healed = true;
      for (Nemesis n : nemeses) if (n.active()) act(n, false);
      emit(new NemesisEvent(NemesisEvent.Phase.INVOKE, "heal", null, System.nanoTime(), null));
      try {
        cluster.heal();
        inForce = null;
        emit(new NemesisEvent(NemesisEvent.Phase.COMPLETE, "heal", "links restored, every node running", System.nanoTime(), null));
      } catch (Exception e) {
        emit(new NemesisEvent(NemesisEvent.Phase.COMPLETE, "heal", null, System.nanoTime(), oneLine(e)));
        throw e;
      }
    }
  }

  /** {@link #healAll()}, for try-with-resources. */
  @Override
  public void close() throws Exception {
    healAll();
  }

  private static String oneLine(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.lines().findFirst().orElse(m);
  }
}
