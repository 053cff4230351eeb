package io.quorumlab.harness.explore;

import io.quorumlab.checkers.Verdict;
import io.quorumlab.harness.run.Backend;
import io.quorumlab.harness.run.RunSpec;
import io.quorumlab.harness.sim.SimBackend;
import java.util.function.Supplier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs an {@link ExplorePlan}: seeds handed out in order to {@code threads} workers, each running one
 * seed at a time on its own thread (a simulation is single-threaded), in memory. A seed that is not
 * valid is run once more with a run directory (the first {@code saveFailures} of them), which also
 * checks that it replays: the written run must reach the same verdict and anomaly classes.
 *
 * <p>Without {@code all}, the first failure stops the handing out; seeds already running finish, so
 * every seed below the highest one handed out has run, and the lowest failing seed is the one a
 * sequential exploration would have found first.
 */
public final class Explorer {
  /** Hears of each seed as it finishes; calls are serialised. */
  public interface Listener {
    /**
     * @param outcome the seed's outcome; a failing seed's carries its run directory when one was written
     * @param done seeds finished so far
     * @param failures failing seeds so far
     */
    void finished(SeedOutcome outcome, long done, long failures);

    /** Something worth a line: a seed that did not replay the same. */
    void note(String line);
  }

  private final ExplorePlan plan;
  private final AtomicLong next = new AtomicLong();
  private final AtomicInteger saved = new AtomicInteger();
  private final Set<SeedRun> running = ConcurrentHashMap.newKeySet();
  private final Object lock = new Object();
  private volatile boolean stop;
  private volatile boolean interrupted;
  private volatile RuntimeException crash;

  private final Supplier<Backend> backend;

  public Explorer(ExplorePlan plan) {
    this(plan, SimBackend::new);
  }

  /** An exploration whose seeds run on the backends {@code backend} makes (selftest: a sim backend with a mutant). */
  public Explorer(ExplorePlan plan, Supplier<Backend> backend) {
    this.plan = plan;
    this.backend = backend;
  }

  /** Ctrl-C: no further seed starts, the running ones stop and are left out of the result. */
  public void interrupt() {
    interrupted = true;
    stop = true;
    running.forEach(SeedRun::interrupt);
  }

  public ExploreResult run(Listener listener) {
    plan.validate();
    long started = System.nanoTime();
    List<SeedOutcome> outcomes = new ArrayList<>();
    AtomicLong firstFailureNanos = new AtomicLong(-1);
    long[] failures = {0};
    ExecutorService pool = Executors.newFixedThreadPool(plan.threads(), r -> {
      Thread t = new Thread(r, "explore");
      t.setDaemon(true);
      return t;
    });
    for (int i = 0; i < plan.threads(); i++) {
      pool.execute(() -> {
        try {
          work(listener, outcomes, failures, started, firstFailureNanos);
        } catch (RuntimeException e) {
          crash = e;
          stop = true;
        }
      });
    }
    pool.shutdown();
    try {
      while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
        // waits for the workers; an interrupt of this thread is Ctrl-C's business, not ours
      }
    } catch (InterruptedException e) {
      interrupt();
      Thread.currentThread().interrupt();
    }
    if (crash != null) throw crash;
    long ff = firstFailureNanos.get();
    return new ExploreResult(plan, outcomes, interrupted, System.nanoTime() - started, ff < 0 ? null : ff);
  }

  private void work(Listener listener, List<SeedOutcome> outcomes, long[] failures, long started, AtomicLong firstFailureNanos) {
    while (!stop) {
      long i = next.getAndIncrement();
      if (i >= plan.seeds()) return;
      RunSpec spec = plan.spec(plan.seed(i));
      SeedOutcome o = runOnce(spec, null);
      if (o == null) return;
      if (o.failed()) {
        firstFailureNanos.compareAndSet(-1, System.nanoTime() - started);
        if (!plan.all()) stop = true;
      }
      if (o.verdict() != Verdict.VALID && saved.getAndIncrement() < plan.saveFailures()) o = save(o, listener);
      synchronized (lock) {
        outcomes.add(o);
        if (o.failed()) failures[0]++;
        listener.finished(o, outcomes.size(), failures[0]);
      }
    }
  }

  /** The seed's run, or null when it was interrupted (an interrupted run says nothing about the seed). */
  private SeedOutcome runOnce(RunSpec spec, java.nio.file.Path outRoot) {
    SeedRun run = new SeedRun(spec, outRoot, backend.get());
    running.add(run);
    try {
      if (interrupted) return null;
      SeedOutcome o = run.run();
      return interrupted ? null : o;
    } finally {
      running.remove(run);
    }
  }

  /** Runs the seed again, this time writing its run directory; says so when it does not come out the same. */
  private SeedOutcome save(SeedOutcome inMemory, Listener listener) {
    SeedOutcome written = runOnce(inMemory.spec(), plan.outRoot());
    if (written == null) return inMemory;
    if (written.verdict() != inMemory.verdict() || !written.classes().equals(inMemory.classes())) {
      synchronized (lock) {
        listener.note("seed " + inMemory.seed() + " did not replay the same: " + inMemory.verdict().wireName() + " " + inMemory.classes()
            + " in memory, " + written.verdict().wireName() + " " + written.classes() + " in " + written.runDir()
            + " (a bug in the simulation or the harness: please report it)");
      }
    }
    return inMemory.withRunDir(written.runDir());
  }
}
