package io.quorumlab.harness.run;

import io.quorumlab.checkers.CheckContext;
import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Checker;
import io.quorumlab.checkers.Verdict;
import io.quorumlab.checkers.history.History;
import io.quorumlab.harness.SpecException;
import io.quorumlab.harness.cluster.Cluster;
import io.quorumlab.harness.cluster.NodeConfigs;
import io.quorumlab.harness.cluster.StorageWatch;
import io.quorumlab.results.Phase;
import io.quorumlab.results.ResultsWriter;
import io.quorumlab.results.RunDirectory;
import io.quorumlab.results.RunInfo;
import io.quorumlab.results.RunResults;
import io.quorumlab.store.client.ClientOptions;
import io.quorumlab.store.client.NettyStoreClient;
import io.quorumlab.store.client.RequestOptions;
import io.quorumlab.store.client.StoreClient;
import io.quorumlab.workloads.Invocation;
import io.quorumlab.workloads.InvocationGenerator;
import io.quorumlab.workloads.Workload;
import io.quorumlab.workloads.Workloads;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One run, as a library call: {@code Runner.run(spec, outRoot, progress)} starts a cluster, drives
 * the workload while the nemesis injects faults, heals, quiesces, reads every key once more, tears
 * the cluster down, checks the history and writes {@code runs/<workload>/<timestamp>/}.
 *
 * <p>Bad specs are refused with {@link SpecException} before anything starts. Anything that goes
 * wrong after that is caught: the cluster is still torn down, the history recorded so far is still
 * checked and reported, and the verdict is unknown with the error as the reason. {@link #interrupt()}
 * (Ctrl-C) stops the load at once and takes the same way out with the error "interrupted".
 */
public final class Runner {
  /** How long checkers may take after an interrupted run: the user wants out. */
  private static final Duration INTERRUPTED_CHECK_BUDGET = Duration.ofSeconds(20);

  private final RunSpec spec;
  private final Path outRoot;
  private final ProgressSink progress;
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Object pause = new Object();
  private volatile boolean interrupted;
  private volatile LoadGenerator load;

  public Runner(RunSpec spec, Path outRoot, ProgressSink progress) {
    this.spec = spec;
    this.outRoot = outRoot;
    this.progress = progress == null ? ProgressSink.NONE : progress;
  }

  /** Runs {@code spec}, writing its directory under {@code outRoot}. */
  public static RunOutcome run(RunSpec spec, Path outRoot, ProgressSink progress) {
    return new Runner(spec, outRoot, progress).run();
  }

  /**
   * Checks a spec without starting anything.
   *
   * @return the spec's workload
   * @throws SpecException with a one-line reason
   */
  public static Workload validate(RunSpec s) {
    if (!Clusters.BACKENDS.contains(s.backend())) {
      throw new SpecException("unknown backend '" + s.backend() + "' (expected " + String.join(" or ", Clusters.BACKENDS) + ")");
    }
    if (s.nodes() < 1) throw new SpecException("--nodes must be at least 1, not " + s.nodes());
    NodeConfigs.validate(Clusters.template(s), s.nodes());
    Workload workload = Workloads.byName(s.workload()).orElseThrow(() -> new SpecException(
        "unknown workload '" + s.workload() + "' (expected " + String.join(", ", Workloads.names()) + ")"));
    workload.refusal(s.conflicts()).ifPresent(reason -> {
      throw new SpecException(reason);
    });
    positive("--time-limit", s.timeLimitSeconds());
    positive("--nemesis-interval", s.nemesisIntervalSeconds());
    if (s.rate() < 0 || Double.isNaN(s.rate())) throw new SpecException("--rate must be 0 (closed loop) or more ops per second, not " + s.rate());
    if (s.concurrency() < 1 || s.concurrency() > 1000) throw new SpecException("--concurrency must be between 1 and 1000, not " + s.concurrency());
    if (s.quiesceSeconds() < 0) throw new SpecException("--quiesce must not be negative");
    if (s.requestTimeoutMs() < 1) throw new SpecException("--request-timeout-ms must be positive, not " + s.requestTimeoutMs());
    Faults.parse(s);
    return workload;
  }

  private static void positive(String option, double v) {
    if (!(v > 0) || Double.isInfinite(v)) throw new SpecException(option + " must be a positive number of seconds, not " + v);
  }

  /**
   * Stops the run as soon as possible (Ctrl-C): the load stops, the cluster is healed and torn
   * down, and what was recorded is still checked and written, with verdict unknown.
   */
  public void interrupt() {
    interrupted = true;
    LoadGenerator l = load;
    if (l != null) l.stop();
    synchronized (pause) {
      pause.notifyAll();
    }
  }

  /** Waits until {@link #run()} has written its results (for shutdown hooks). */
  public boolean awaitFinished(Duration timeout) throws InterruptedException {
    return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public RunOutcome run() {
    try {
      return runValidated(validate(spec));
    } finally {
      finished.countDown();
    }
  }

  private RunOutcome runValidated(Workload workload) {
    long origin = System.nanoTime();
    long startedAt = System.currentTimeMillis();
    Cluster cluster;
    Path runDir;
    HistoryRecorder recorder;
    try {
      cluster = Clusters.create(spec);
    } catch (IOException e) {
      throw new SpecException("cannot set up the " + spec.backend() + " cluster: " + e.getMessage());
    }
    try {
      runDir = RunDirectory.create(outRoot, workload.name());
      ResultsWriter.writeSpec(runDir, spec.toMap());
      recorder = new HistoryRecorder(runDir.resolve(RunDirectory.HISTORY), origin);
    } catch (IOException e) {
      cluster.close();
      throw new SpecException("cannot write the run directory under " + outRoot + ": " + e.getMessage());
    }
    Phases phases = new Phases(recorder);
    String error = null;
    NodeClients clients = null;
    StorageWatch storage = null;
    try {
      progress.phase(Phase.SETUP, "starting " + spec.nodes() + " " + spec.backend() + " nodes, " + spec.label()
          + ", fsync " + RunSpec.lower(spec.fsync()) + ", read repair " + RunSpec.lower(spec.readRepair()));
      phases.begin(Phase.SETUP);
      cluster.start();
      cluster.cleanedUp().forEach(progress::event);
      storage = StorageWatch.start(cluster, progress::event);
      clients = connect(cluster);
      phases.end();
      loadAndFinish(workload, cluster, clients, recorder, phases);
    } catch (Exception e) {
      error = describe(e);
      progress.event("the run failed: " + error);
      phases.end();
    } finally {
      phases.begin(Phase.TEARDOWN);
      progress.phase(Phase.TEARDOWN, "collecting node logs, stopping the cluster");
      if (storage != null) storage.close();
      if (clients != null) clients.close();
      try {
        cluster.collectLogs(runDir.resolve(RunDirectory.NODES));
      } catch (Exception e) {
        progress.event("could not collect the node logs: " + describe(e));
      }
      cluster.close();
      phases.end();
    }
    if (interrupted && error == null) error = "interrupted";
    // Nodes that could not store writes make the run say nothing about the quorum settings.
    String storageFailure = storage == null ? null : storage.summary(startedAt).map(f -> "nodes could not store writes: " + f).orElse(null);
    if (storageFailure != null) error = error == null ? storageFailure : storageFailure + "; " + error;
    try {
      recorder.close();
    } catch (IOException e) {
      if (error == null) error = "history.jsonl could not be written completely: " + e.getMessage();
    }
    return checkAndReport(workload, runDir, recorder.history(), phases, startedAt, error);
  }

  /** Load with faults, heal, quiesce, final reads. */
  private void loadAndFinish(Workload workload, Cluster cluster, NodeClients clients, HistoryRecorder recorder,
      Phases phases) throws Exception {
    InvocationGenerator generator = workload.generator(spec.seed());
    ProcessIds processIds = new ProcessIds(spec.concurrency());
    RequestOptions options = RequestOptions.DEFAULTS.withTimeoutMs(spec.requestTimeoutMs());
    long loadNanos = (long) (spec.timeLimitSeconds() * 1e9);
    LoadGenerator generatorRun = new LoadGenerator(workload, generator, clients, recorder,
        new LoadGenerator.Settings(spec.concurrency(), spec.rate(), loadNanos, options), processIds);
    load = generatorRun;
    if (interrupted) generatorRun.stop();

    progress.phase(Phase.LOAD, String.format(Locale.ROOT, "%s workload for %.0f s at %s from %d processes, nemesis %s every %.0f s",
        workload.name(), spec.timeLimitSeconds(), spec.rate() > 0 ? String.format(Locale.ROOT, "%.0f ops/s", spec.rate()) : "full speed",
        spec.concurrency(), spec.nemesis(), spec.nemesisIntervalSeconds()));
    phases.begin(Phase.LOAD);
    try (Faults faults = Faults.start(spec, cluster, recorder, progress)) {
      try (LoadTicker ticker = new LoadTicker(recorder, generatorRun, faults, loadNanos, progress)) {
        generatorRun.run(TimeUnit.MILLISECONDS.toNanos(spec.requestTimeoutMs() + 2000));
      }
      phases.begin(Phase.HEAL);
      progress.phase(Phase.HEAL, "ending every fault: links restored, paused nodes resumed, killed nodes restarted");
      faults.stopAndHeal();
    } finally {
      phases.end();
    }

    if (!interrupted) {
      phases.begin(Phase.QUIESCE);
      progress.phase(Phase.QUIESCE, String.format(Locale.ROOT, "%.0f s for hinted handoff and anti-entropy", spec.quiesceSeconds()));
      sleep((long) (spec.quiesceSeconds() * 1000));
      phases.end();
    }
    if (!interrupted) {
      List<Invocation> reads = generator.finalReads();
      phases.begin(Phase.FINAL_READS);
      progress.phase(Phase.FINAL_READS, "reading " + reads.size() + " keys from all " + spec.n() + " replicas (R=N)");
      RequestOptions all = options.withR(spec.n());
      int unread = FinalReads.run(workload, reads, clients, recorder, processIds, all, () -> interrupted);
      if (unread > 0) progress.event(unread + " of " + reads.size() + " keys could not be read after healing");
      phases.end();
    }
  }

  private NodeClients connect(Cluster cluster) {
    // The client waits a little longer than the coordinator, whose own timeout answer says whether
    // anything may have been written.
    ClientOptions options = ClientOptions.DEFAULTS.withRequestTimeoutMs(spec.requestTimeoutMs());
    Map<String, StoreClient> clients = new LinkedHashMap<>();
    for (String node : cluster.nodes()) clients.put(node, NettyStoreClient.connect(cluster.clientAddress(node), options));
    return new NodeClients(clients);
  }

  private RunOutcome checkAndReport(Workload workload, Path runDir, History history, Phases phases, long startedAt, String error) {
    phases.begin(Phase.CHECK);
    progress.phase(Phase.CHECK, history.size() + " ops with " + String.join(", ", workload.checkers().stream().map(Checker::name).toList()));
    Duration budget = error != null ? INTERRUPTED_CHECK_BUDGET : CheckContext.defaults().timeBudget();
    List<CheckResult> checks = check(workload, history, runDir, budget, progress);
    phases.end();
    RunInfo info = new RunInfo(workload.name(), spec.backend(), spec.toMap(), startedAt, phases.list(), error);
    progress.phase("report", runDir.resolve(RunDirectory.REPORT).toString());
    try {
      RunResults results = ResultsWriter.write(runDir, info, history, checks);
      return new RunOutcome(runDir, results, checks, results.exitCode());
    } catch (IOException | RuntimeException e) {
      // Still tell the caller what the checkers found, even though the report could not be written.
      RunResults results = RunResults.of(runDir, info.withError("report not written: " + describe(e)), history, checks);
      return new RunOutcome(runDir, results, checks, Verdict.UNKNOWN.exitCode);
    }
  }

  /**
   * Runs the workload's checkers on {@code history}; a checker that throws gives an unknown
   * verdict with the reason, never a crash of the whole run.
   */
  public static List<CheckResult> check(Workload workload, History history, Path outDir, Duration budget, ProgressSink progress) {
    CheckContext context = CheckContext.defaults().withOutDir(outDir).withTimeBudget(budget);
    List<CheckResult> results = new ArrayList<>();
    for (Checker checker : workload.checkers()) {
      long t0 = System.nanoTime();
      CheckResult r;
      try {
        r = checker.check(history, context);
      } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
        r = new CheckResult(checker.name(), Verdict.UNKNOWN, "the checker failed: " + describe(e),
            List.of("the checker failed: " + describe(e)), Map.of(), Map.of(), List.of());
      }
      progress.event(String.format(Locale.ROOT, "%-14s %-8s %s (%.1f s)", r.checker(), r.verdict().wireName(), r.summary(),
          (System.nanoTime() - t0) / 1e9));
      results.add(r);
    }
    return results;
  }

  private void sleep(long millis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    synchronized (pause) {
      for (long left = millis; left > 0 && !interrupted; left = deadline - System.currentTimeMillis()) pause.wait(left);
    }
  }

  static String describe(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
  }

  /** The phases as they happen, in the history's timebase. */
  private static final class Phases {
    private final HistoryRecorder clock;
    private final List<Phase> list = new ArrayList<>();
    private String current;
    private long start;

    Phases(HistoryRecorder clock) {
      this.clock = clock;
    }

    void begin(String name) {
      end();
      current = name;
      start = clock.now();
    }

    void end() {
      if (current != null) list.add(new Phase(current, start, Math.max(start, clock.now())));
      current = null;
    }

    List<Phase> list() {
      return List.copyOf(list);
    }
  }
}
