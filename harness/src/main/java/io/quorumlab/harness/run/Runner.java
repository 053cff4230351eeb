package io.quorumlab.harness.run;

import io.quorumlab.checkers.CheckContext;
import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Checker;
import io.quorumlab.checkers.Verdict;
import io.quorumlab.checkers.history.History;
import io.quorumlab.harness.SpecException;
import io.quorumlab.harness.cluster.Cluster;
import io.quorumlab.harness.cluster.StorageWatch;
import io.quorumlab.harness.random.RandomStreams;
import io.quorumlab.harness.time.EventLoop;
import io.quorumlab.harness.time.Stopwatch;
import io.quorumlab.results.Phase;
import io.quorumlab.results.ResultsWriter;
import io.quorumlab.results.RunDirectory;
import io.quorumlab.results.RunInfo;
import io.quorumlab.results.RunResults;
import io.quorumlab.results.write.RunWriter;
import io.quorumlab.store.client.ClientOptions;
import io.quorumlab.store.client.RequestOptions;
import io.quorumlab.store.client.StoreClient;
import io.quorumlab.workloads.Invocation;
import io.quorumlab.workloads.InvocationGenerator;
import io.quorumlab.workloads.Workload;
import io.quorumlab.workloads.registry.Workloads;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
  private final Backend backend;
  private final CountDownLatch finished = new CountDownLatch(1);
  /** Completed on the loop when the run is interrupted. */
  private final CompletableFuture<Void> interruption = new CompletableFuture<>();
  private volatile boolean interrupted;
  private volatile EventLoop loop;
  private boolean writeReport = true;

  /** A run on the backend the spec names. */
  public Runner(RunSpec spec, Path outRoot, ProgressSink progress) {
    this(spec, outRoot, progress, null);
  }

  /**
   * A run on {@code backend} (a simulation, a test double), which the spec names. With a null
   * {@code outRoot} the run is kept in memory: nothing is written, checkers get no directory for
   * their artifacts, and the outcome's run directory is null (many seeds of a simulation, each
   * cheap; the interesting ones are run again with a directory).
   */
  public Runner(RunSpec spec, Path outRoot, ProgressSink progress, Backend backend) {
    if (backend != null && !backend.name().equals(spec.backend())) {
      throw new IllegalArgumentException("the spec names backend '" + spec.backend() + "', not '" + backend.name() + "'");
    }
    this.spec = spec;
    this.outRoot = outRoot;
    this.progress = progress == null ? ProgressSink.NONE : progress;
    this.backend = backend;
  }

  /**
   * This run writes results.json but no report.html: for the many candidate runs of a shrink, whose
   * reports nobody reads (rendering the report takes longer than simulating a small run).
   */
  public Runner withoutReport() {
    writeReport = false;
    return this;
  }

  /** Runs {@code spec}, writing its directory under {@code outRoot}. */
  public static RunOutcome run(RunSpec spec, Path outRoot, ProgressSink progress) {
    return new Runner(spec, outRoot, progress).run();
  }

  /**
   * Checks what a spec's parts cannot check on their own (each checked itself when it was made):
   * that this harness has its backend and its workload, and that the workload runs in its conflict mode.
   *
   * @return the spec's workload
   * @throws SpecException with a one-line reason
   */
  public static Workload validate(RunSpec s) {
    return validate(s, Backends.of(s));
  }

  private static Workload validate(RunSpec s, Backend backend) {
    backend.validate(s);
    return workloadOf(s);
  }

  private static Workload workloadOf(RunSpec s) {
    Workload workload = Workloads.byName(s.workload()).orElseThrow(() -> new SpecException(
        "unknown workload '" + s.workload() + "' (expected " + String.join(", ", Workloads.names()) + ")"));
    workload.refusal(s.store().conflicts()).ifPresent(reason -> {
      throw new SpecException(reason);
    });
    return workload;
  }

  /**
   * Stops the run as soon as possible (Ctrl-C; from any thread): the load stops, the cluster is
   * healed and torn down, and what was recorded is still checked and written, with verdict unknown.
   */
  public void interrupt() {
    interrupted = true;
    EventLoop l = loop;
    if (l != null) l.execute(() -> interruption.complete(null));
  }

  /** Waits until {@link #run()} has written its results (for shutdown hooks). */
  public boolean awaitFinished(Duration timeout) throws InterruptedException {
    return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public RunOutcome run() {
    try {
      return runValidated(validate(spec, backend != null ? backend : Backends.of(spec)));
    } finally {
      finished.countDown();
    }
  }

  private RunOutcome runValidated(Workload workload) {
    Deployment deployment;
    try {
      deployment = (backend != null ? backend : Backends.of(spec)).deploy(spec);
    } catch (IOException e) {
      throw new SpecException("cannot set up the " + spec.backend() + " cluster: " + e.getMessage());
    }
    EventLoop l = deployment.loop();
    Cluster cluster = deployment.cluster();
    long startedAt = l.wallMillis();
    Map<String, Object> recordedSpec = spec.toMap();
    if (l.virtual()) recordedSpec.put(RunInfo.TIME, RunInfo.SIMULATED);
    Path runDir = null;
    HistoryRecorder recorder;
    try {
      if (outRoot != null) {
        runDir = RunDirectory.create(outRoot, workload.name());
        ResultsWriter.writeSpec(runDir, recordedSpec);
      }
      recorder = new HistoryRecorder(runDir == null ? null : runDir.resolve(RunDirectory.HISTORY), l);
    } catch (IOException e) {
      deployment.close();
      throw new SpecException("cannot write the run directory under " + outRoot + ": " + e.getMessage());
    }
    loop = l;
    if (interrupted) interruption.complete(null);
    Phases phases = new Phases(recorder);
    String error = null;
    NodeClients clients = null;
    StorageWatch storage = null;
    try {
      progress.phase(Phase.SETUP, "starting " + spec.nodes() + " " + spec.backend() + " nodes, " + spec.label()
          + ", fsync " + spec.store().fsync().wireName() + ", read repair " + spec.store().readRepair().wireName());
      phases.begin(Phase.SETUP);
      l.runUntil(l.offload(() -> {
        cluster.start();
        return null;
      }));
      cluster.cleanedUp().forEach(progress::event);
      if (cluster.nodesReportStorage()) storage = StorageWatch.start(cluster, progress::event);
      clients = connect(deployment);
      phases.end();
      loadAndFinish(l, workload, cluster, clients, recorder, phases);
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
        if (runDir != null) cluster.collectLogs(runDir.resolve(RunDirectory.NODES));
      } catch (Exception e) {
        progress.event("could not collect the node logs: " + describe(e));
      }
      phases.end();
      deployment.close();
    }
    if (interrupted && error == null) error = "interrupted";
    // Nodes that could not store writes make the run say nothing about the quorum settings.
    String storageFailure = storage == null ? null : storage.summary(startedAt).map(f -> io.quorumlab.results.Lessons.STORAGE_FAILURE + ": " + f).orElse(null);
    if (storageFailure != null) error = error == null ? storageFailure : storageFailure + "; " + error;
    try {
      recorder.close();
    } catch (IOException e) {
      if (error == null) error = "history.jsonl could not be written completely: " + e.getMessage();
    }
    return checkAndReport(workload, runDir, recorder.history(), phases, recordedSpec, startedAt, error);
  }

  /** Load with faults, heal, quiesce, final reads: each phase a future that the loop runs to its end. */
  private void loadAndFinish(EventLoop l, Workload workload, Cluster cluster, NodeClients clients, HistoryRecorder recorder,
      Phases phases) throws Exception {
    RandomStreams random = new RandomStreams(spec.seed());
    InvocationGenerator generator = workload.generator(random.stream("workload"));
    LoadSpec ls = spec.load();
    OpSchedule schedule = ls.schedule().orElse(null);
    ProcessIds processIds = new ProcessIds(schedule == null ? ls.concurrency() : schedule.firstFreeProcess());
    long requestTimeoutMs = spec.store().requestTimeoutMs();
    RequestOptions options = RequestOptions.DEFAULTS.withTimeoutMs(requestTimeoutMs);
    long loadNanos = (long) (ls.timeLimitSeconds() * 1e9);
    LoadGenerator load = schedule != null
        ? LoadGenerator.scheduled(l, workload, schedule, clients, recorder, loadNanos, options, processIds)
        : new LoadGenerator(l, workload, generator, clients, recorder,
            new LoadGenerator.Settings(ls.concurrency(), ls.rate(), loadNanos, options), processIds);

    String ops = schedule != null ? schedule.ops().size() + " scheduled ops"
        : ls.rate() > 0 ? String.format(Locale.ROOT, "%.0f ops/s", ls.rate()) : "full speed";
    String drawn = String.format(Locale.ROOT, "nemesis %s every %.0f s", spec.nemesis().text(), spec.nemesis().intervalSeconds());
    String scripted = spec.faults().size() + " scripted fault" + (spec.faults().size() == 1 ? "" : "s");
    String faults = spec.faults().isEmpty() ? drawn : spec.nemesis().faults().isNone() ? scripted : drawn + " and " + scripted;
    progress.phase(Phase.LOAD, String.format(Locale.ROOT, "%s workload for %.0f s at %s from %d processes, %s",
        workload.name(), ls.timeLimitSeconds(), ops, ls.concurrency(), faults));
    phases.begin(Phase.LOAD);
    Faults faulting = Faults.start(spec, l, cluster, random.stream("nemesis"), recorder, progress);
    try {
      try (LoadTicker ticker = new LoadTicker(l, recorder, load, faulting, loadNanos, progress)) {
        CompletableFuture<Void> loaded = load.start(TimeUnit.MILLISECONDS.toNanos(requestTimeoutMs + 2000));
        interruption.thenRun(load::stop);
        try {
          l.runUntil(loaded);
        } finally {
          load.stop();
        }
      }
      phases.begin(Phase.HEAL);
      progress.phase(Phase.HEAL, "ending every fault: links restored, paused nodes resumed, killed nodes restarted");
    } finally {
      // also when the load failed: no fault outlives a run
      try {
        l.runUntil(faulting.stopAndHeal());
      } finally {
        phases.end();
      }
    }

    if (!interrupted) {
      phases.begin(Phase.QUIESCE);
      progress.phase(Phase.QUIESCE, String.format(Locale.ROOT, "%.0f s for hinted handoff and anti-entropy", ls.quiesceSeconds()));
      l.runUntil(CompletableFuture.anyOf(l.delay((long) (ls.quiesceSeconds() * 1e9)), interruption));
      phases.end();
    }
    if (!interrupted) {
      List<Invocation> reads = schedule != null ? schedule.finalReads() : generator.finalReads();
      phases.begin(Phase.FINAL_READS);
      progress.phase(Phase.FINAL_READS, "reading " + reads.size() + " keys from all " + spec.store().n() + " replicas (R=N)");
      RequestOptions all = options.withR(spec.store().n());
      int unread = l.runUntil(FinalReads.run(l, workload, reads, clients, recorder, processIds, all, () -> interrupted));
      if (unread > 0) progress.event(unread + " of " + reads.size() + " keys could not be read after healing");
      phases.end();
    }
  }

  private NodeClients connect(Deployment deployment) {
    // The client waits a little longer than the coordinator, whose own timeout answer says whether
    // anything may have been written.
    ClientOptions options = ClientOptions.DEFAULTS.withRequestTimeoutMs(spec.store().requestTimeoutMs());
    Map<String, StoreClient> clients = new LinkedHashMap<>();
    for (String node : deployment.cluster().nodes()) clients.put(node, deployment.connect(node, options));
    return new NodeClients(clients);
  }
  private RunOutcome checkAndReport(Workload workload, Path runDir, History history, Phases phases, Map<String, Object> recordedSpec,
      long startedAt, String error) {
    phases.begin(Phase.CHECK);
    progress.phase(Phase.CHECK, history.size() + " ops with " + String.join(", ", workload.checkers().stream().map(Checker::name).toList()));
    Duration budget = error != null ? INTERRUPTED_CHECK_BUDGET : CheckContext.defaults().timeBudget();
    List<CheckResult> checks = check(workload, history, runDir, budget, progress);
    phases.end();
    RunInfo info = new RunInfo(workload.name(), spec.backend(), recordedSpec, startedAt, phases.list(), error);
    if (runDir == null) {
      RunResults results = RunResults.of(null, info, history, checks);
      return new RunOutcome(null, results, checks, results.exitCode());
    }
    progress.phase("report", runDir.resolve(RunDirectory.REPORT).toString());
    try {
      RunResults results;
      if (writeReport) {
        results = RunWriter.write(runDir, info, history, checks);
      } else {
        results = RunResults.of(runDir, info, history, checks);
        ResultsWriter.writeResults(runDir, results);
      }
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
      Stopwatch took = Stopwatch.start();
      CheckResult r;
      try {
        r = checker.check(history, context);
      } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
        r = new CheckResult(checker.name(), Verdict.UNKNOWN, "the checker failed: " + describe(e),
            List.of("the checker failed: " + describe(e)), Map.of(), Map.of(), List.of());
      }
      progress.event(String.format(Locale.ROOT, "%-14s %-8s %s (%.1f s)", r.checker(), r.verdict().wireName(), r.summary(),
          took.elapsedSeconds()));
      results.add(r);
    }
    return results;
  }

  static String describe(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
  }

  /** The phases as they happen, in the history's timebase; the history is flushed at each. */
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
      clock.flush();
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
