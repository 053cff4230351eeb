package io.quorumlab.harness.shrink;

import io.quorumlab.harness.run.FaultScript;
import io.quorumlab.harness.run.OpSchedule;
import io.quorumlab.harness.run.RunSpec;
import io.quorumlab.harness.run.ScheduledOp;
import io.quorumlab.harness.run.ScriptedFault;
import io.quorumlab.harness.time.Stopwatch;
import io.quorumlab.workloads.Invocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Shrinks a failing sim run to a small run that fails the same way. The run's inputs are made
 * explicit first ({@link ExplicitSpec}), then passes over them are repeated until none makes the
 * run smaller or the budget is spent: a shorter load, everything earlier, fewer keys (with all their ops), fewer faults
 * (ddmin), fewer ops (ddmin), fewer final reads (ddmin), shorter faults, partitions that cut fewer
 * links and kills and pauses of fewer nodes (ddmin), fewer processes (one
 * process takes over another's ops), fewer nodes, a shorter quiet time before the final reads.
 * Every candidate runs in the simulation and is kept only if the same checker still finds the
 * same class of anomaly ({@link AnomalyClass}); the simulation's determinism makes that one run
 * enough.
 */
public final class Shrinker {
  /** Times are searched to this granularity. */
  private static final long STEP_NANOS = 10_000_000;

  /**
   * @param explicit the recorded run made explicit, before any shrinking
   * @param shrunk the smallest failing spec found ({@code explicit} when the explicit spec did not fail)
   * @param reproduced whether the explicit spec showed the anomaly at all
   * @param replays candidate runs (the explicit spec's included)
   * @param budgetSpent whether the shrink stopped for its budget rather than because no pass helped
   */
  public record Result(RunSpec explicit, RunSpec shrunk, AnomalyClass target, boolean reproduced, int replays, boolean budgetSpent,
      double seconds) {}

  private final Probe probe;
  private final Consumer<String> progress;
  private final Stopwatch took = Stopwatch.start();
  private RunSpec current;

  private Shrinker(Probe probe, Consumer<String> progress) {
    this.probe = probe;
    this.progress = progress;
  }

  /**
   * Shrinks {@code run} while {@code target} is found; candidates run under {@code scratch}.
   *
   * @param progress hears one line per pass that made the run smaller
   */
  public static Result shrink(RecordedRun run, AnomalyClass target, Budget budget, Path scratch, Consumer<String> progress) {
    Shrinker s = new Shrinker(new Probe(scratch, target, budget), progress);
    RunSpec explicit = ExplicitSpec.of(run);
    boolean spent = false;
    boolean reproduced;
    try {
      reproduced = s.probe.fails(explicit);
      if (!reproduced && !explicit.faults().isEmpty()) {
        // The faults as scripted did not do it: keep the nemesis's own draws, shrink the rest.
        RunSpec drawn = explicit.withNemesis(run.spec().nemesis()).withFaults(run.spec().faults());
        reproduced = s.probe.fails(drawn);
        if (reproduced) explicit = drawn;
      }
      if (reproduced) {
        s.current = explicit;
        s.passes();
      }
    } catch (Probe.Spent e) {
      spent = true;
      reproduced = s.current != null;
    }
    return new Result(explicit, s.current == null ? explicit : s.current, target, reproduced, s.probe.replays(), spent,
        s.took.elapsedSeconds());
  }

  private void passes() {
    boolean changed = true;
    while (changed) {
      RunSpec before = current;
      shorterLoad();
      earlier();
      fewerKeys();
      fewerFaults();
      fewerOps();
      fewerFinalReads();
      shorterFaults();
      simplerFaults();
      fewerProcesses();
      fewerNodes();
      shorterQuiesce();
      shorterLoad();
      changed = !before.equals(current);
    }
  }

  /** Keeps {@code candidate} when it still fails. */
  private boolean attempt(RunSpec candidate) {
    if (candidate.equals(current)) return false;
    if (!probe.fails(candidate)) return false;
    current = candidate;
    return true;
  }

  private void report(String pass) {
    OpSchedule s = schedule();
    progress.accept(String.format(Locale.ROOT, "%-16s %d ops, %d final reads, %d faults, %d nodes, %d processes, %.2f s load "
        + "(%d replays, %.1f s)", pass, s.ops().size(), s.finalReads().size(), current.faults().size(), current.nodes(),
        s.processes().size(), current.load().timeLimitSeconds(), probe.replays(), took.elapsedSeconds()));
  }

  private OpSchedule schedule() {
    return current.load().schedule().orElseThrow();
  }

  private RunSpec with(RunSpec spec, List<ScheduledOp> ops, List<Invocation> reads) {
    return spec.withLoad(spec.load().withSource(new OpSchedule(ops, reads)));
  }

  private RunSpec withOps(List<ScheduledOp> ops) {
    return with(current, ops, schedule().finalReads());
  }

  private RunSpec withFaults(List<ScriptedFault> faults) {
    return current.withFaults(new FaultScript(faults));
  }

  /** The load cut at {@code nanos}: later ops dropped, faults ended by then. */
  private RunSpec cutAt(long nanos) {
    List<ScheduledOp> ops = schedule().ops().stream().filter(o -> o.timeNanos() < nanos).toList();
    List<ScriptedFault> faults = new ArrayList<>();
    for (ScriptedFault f : current.faults().faults()) {
      if (f.startNanos() < nanos) faults.add(f.endNanos() > nanos ? f.withEnd(nanos) : f);
    }
    RunSpec cut = withOps(ops).withFaults(new FaultScript(faults));
    return cut.withLoad(cut.load().withTimeLimit(nanos / 1e9));
  }

  /** The shortest load (to 10 ms) that still fails, by bisection. */
  private void shorterLoad() {
    long hi = Math.round(current.load().timeLimitSeconds() * 1e9);
    long lo = 0;
    boolean any = false;
    while (hi - lo > STEP_NANOS) {
      long mid = lo + (hi - lo) / 2;
      if (attempt(cutAt(mid))) {
        hi = mid;
        any = true;
      } else {
        lo = mid;
      }
    }
    if (any) report("shorter load");
  }

  /** Every op and fault as much earlier (to 10 ms) as still fails: the quiet start of the load goes, and every later candidate runs shorter. */
  private void earlier() {
    long room = current.load().schedule().orElseThrow().ops().stream().mapToLong(ScheduledOp::timeNanos).min().orElse(Long.MAX_VALUE);
    for (ScriptedFault f : current.faults().faults()) room = Math.min(room, f.startNanos());
    long limit = Math.round(current.load().timeLimitSeconds() * 1e9);
    if (room == Long.MAX_VALUE || room >= limit) return;
    long lo = 0;
    long hi = room;
    boolean any = false;
    RunSpec base = current;
    while (hi - lo > STEP_NANOS) {
      long mid = lo + (hi - lo + 1) / 2;
      if (attempt(shifted(base, mid))) {
        lo = mid;
        any = true;
      } else {
        hi = mid - 1;
      }
    }
    if (any) report("earlier");
  }

  private static RunSpec shifted(RunSpec spec, long d) {
    OpSchedule s = spec.load().schedule().orElseThrow();
    List<ScheduledOp> ops = s.ops().stream()
        .map(o -> new ScheduledOp(o.timeNanos() - d, o.process(), o.f(), o.key(), o.value(), o.node())).toList();
    List<ScriptedFault> faults = spec.faults().faults().stream()
        .map(f -> new ScriptedFault(f.kind(), f.startNanos() - d, f.endNanos() - d, f.grudge(), f.nodes())).toList();
    RunSpec moved = spec.withFaults(new FaultScript(faults));
    return moved.withLoad(moved.load().withSource(new OpSchedule(ops, s.finalReads()))
        .withTimeLimit((Math.round(spec.load().timeLimitSeconds() * 1e9) - d) / 1e9));
  }

  private void fewerKeys() {
    List<Object> keys = new ArrayList<>(schedule().keys());
    if (keys.size() < 2) return;
    int before = keys.size();
    List<Object> kept = Ddmin.minimize(keys, subset -> !subset.isEmpty() && probe.fails(onlyKeys(new LinkedHashSet<>(subset))));
    if (kept.isEmpty()) return;
    current = onlyKeys(new LinkedHashSet<>(kept));
    if (kept.size() < before) report("fewer keys");
  }

  private RunSpec onlyKeys(Set<Object> keys) {
    OpSchedule s = schedule();
    return with(current, s.ops().stream().filter(o -> o.key() == null || keys.contains(o.key())).toList(),
        s.finalReads().stream().filter(r -> r.key() == null || keys.contains(r.key())).toList());
  }

  private void fewerFaults() {
    List<ScriptedFault> faults = current.faults().faults();
    if (faults.isEmpty()) return;
    RunSpec base = current;
    List<ScriptedFault> kept = Ddmin.minimize(faults, subset -> probe.fails(base.withFaults(new FaultScript(subset))));
    current = base.withFaults(new FaultScript(kept));
    if (kept.size() < faults.size()) report("fewer faults");
  }

  private void fewerOps() {
    List<ScheduledOp> ops = schedule().ops();
    if (ops.isEmpty()) return;
    RunSpec base = current;
    List<Invocation> reads = schedule().finalReads();
    List<ScheduledOp> kept = Ddmin.minimize(ops, subset -> probe.fails(with(base, subset, reads)));
    current = with(base, kept, reads);
    if (kept.size() < ops.size()) report("fewer ops");
  }

  private void fewerFinalReads() {
    List<Invocation> reads = schedule().finalReads();
    if (reads.isEmpty()) return;
    RunSpec base = current;
    List<ScheduledOp> ops = schedule().ops();
    List<Invocation> kept = Ddmin.minimize(reads, subset -> probe.fails(with(base, ops, subset)));
    current = with(base, ops, kept);
    if (kept.size() < reads.size()) report("fewer final reads");
  }

  /** Each fault ends as early and starts as late as it can (to 10 ms). */
  private void shorterFaults() {
    boolean any = false;
    for (int i = 0; i < current.faults().size(); i++) {
      int index = i;
      any |= bisect(f -> f.startNanos() + STEP_NANOS, f -> f.endNanos(), (f, t) -> f.withEnd(t), index, true);
      any |= bisect(f -> f.startNanos(), f -> f.endNanos() - STEP_NANOS,
          (f, t) -> new ScriptedFault(f.kind(), t, f.endNanos(), f.grudge(), f.nodes()), index, false);
    }
    if (any) report("shorter faults");
  }

  /**
   * Bisects one time of fault {@code index} between {@code lo} and {@code hi}: towards {@code lo}
   * when {@code lower} (an earlier end), else towards {@code hi} (a later start).
   */
  private boolean bisect(Function<ScriptedFault, Long> lo0, Function<ScriptedFault, Long> hi0,
      java.util.function.BiFunction<ScriptedFault, Long, ScriptedFault> moved, int index, boolean lower) {
    ScriptedFault f = current.faults().faults().get(index);
    long lo = lo0.apply(f);
    long hi = hi0.apply(f);
    boolean any = false;
    while (hi - lo > STEP_NANOS) {
      long mid = lo + (hi - lo) / 2;
      List<ScriptedFault> faults = new ArrayList<>(current.faults().faults());
      faults.set(index, moved.apply(faults.get(index), mid));
      if (attempt(withFaults(faults))) {
        any = true;
        if (lower) hi = mid;
        else lo = mid;
      } else if (lower) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return any;
  }

  /** Each partition cuts as few links, each kill or pause hits as few nodes, as the failure needs. */
  private void simplerFaults() {
    boolean any = false;
    for (int i = 0; i < current.faults().size(); i++) {
      ScriptedFault f = current.faults().faults().get(i);
      int index = i;
      if (f.kind().equals(ScriptedFault.PARTITION)) {
        List<List<String>> links = new ArrayList<>();
        f.grudge().forEach((n, from) -> from.forEach(m -> links.add(List.of(n, m))));
        List<List<String>> kept = Ddmin.minimize(links, l -> !l.isEmpty() && probe.fails(replaced(index, partition(f, l))));
        if (!kept.isEmpty() && kept.size() < links.size()) {
          current = replaced(index, partition(f, kept));
          any = true;
        }
      } else {
        List<String> kept = Ddmin.minimize(f.nodes(), l -> !l.isEmpty()
            && probe.fails(replaced(index, ScriptedFault.onNodes(f.kind(), f.startNanos(), f.endNanos(), l))));
        if (!kept.isEmpty() && kept.size() < f.nodes().size()) {
          current = replaced(index, ScriptedFault.onNodes(f.kind(), f.startNanos(), f.endNanos(), kept));
          any = true;
        }
      }
    }
    if (any) report("simpler faults");
  }

  private static ScriptedFault partition(ScriptedFault f, List<List<String>> links) {
    Map<String, Set<String>> g = new TreeMap<>();
    for (List<String> link : links) g.computeIfAbsent(link.get(0), k -> new TreeSet<>()).add(link.get(1));
    return ScriptedFault.partition(f.startNanos(), f.endNanos(), g);
  }

  private RunSpec replaced(int index, ScriptedFault f) {
    List<ScriptedFault> faults = new ArrayList<>(current.faults().faults());
    faults.set(index, f);
    return withFaults(faults);
  }

  /** One process takes over all of another's ops (it sends each when it is free), until no merge keeps the failure. */
  private void fewerProcesses() {
    boolean any = false;
    boolean merged = true;
    while (merged) {
      merged = false;
      List<Long> processes = new ArrayList<>(new TreeSet<>(schedule().processes()));
      for (int i = processes.size() - 1; i > 0 && !merged; i--) {
        for (int j = 0; j < i && !merged; j++) {
          long from = processes.get(i);
          long to = processes.get(j);
          merged = attempt(withOps(schedule().ops().stream()
              .map(o -> o.process() == from ? new ScheduledOp(o.timeNanos(), to, o.f(), o.key(), o.value(), o.node()) : o).toList()));
        }
      }
      any |= merged;
    }
    // Processes numbered 0, 1, ... in order of first op: the same run, easier to read.
    Map<Long, Long> dense = new HashMap<>();
    for (ScheduledOp o : schedule().ops()) dense.putIfAbsent(o.process(), (long) dense.size());
    attempt(withOps(schedule().ops().stream()
        .map(o -> new ScheduledOp(o.timeNanos(), dense.get(o.process()), o.f(), o.key(), o.value(), o.node())).toList()));
    if (any) report("fewer processes");
  }

  /** Drops the last node while the cluster still holds N replicas: its faults and ops go to the others. */
  private void fewerNodes() {
    boolean any = false;
    while (current.nodes() > current.store().n() && attempt(withoutLastNode(current))) any = true;
    if (any) report("fewer nodes");
  }

  private static RunSpec withoutLastNode(RunSpec spec) {
    String gone = "n" + spec.nodes();
    List<ScriptedFault> faults = new ArrayList<>();
    for (ScriptedFault f : spec.faults().faults()) {
      if (f.kind().equals(ScriptedFault.PARTITION)) {
        Map<String, Set<String>> g = new TreeMap<>();
        f.grudge().forEach((n, from) -> {
          Set<String> rest = new TreeSet<>(from);
          rest.remove(gone);
          if (!n.equals(gone) && !rest.isEmpty()) g.put(n, rest);
        });
        if (!g.isEmpty()) faults.add(ScriptedFault.partition(f.startNanos(), f.endNanos(), g));
      } else {
        List<String> nodes = f.nodes().stream().filter(n -> !n.equals(gone)).toList();
        if (!nodes.isEmpty()) faults.add(ScriptedFault.onNodes(f.kind(), f.startNanos(), f.endNanos(), nodes));
      }
    }
    OpSchedule s = spec.load().schedule().orElseThrow();
    List<ScheduledOp> ops = s.ops().stream().map(o -> Objects.equals(o.node(), gone) ? o.withNode(null) : o).toList();
    RunSpec fewer = spec.withBackend(spec.backend(), spec.nodes() - 1).withFaults(new FaultScript(faults));
    return fewer.withLoad(fewer.load().withSource(new OpSchedule(ops, s.finalReads())));
  }

  private void shorterQuiesce() {
    double q = current.load().quiesceSeconds();
    if (q <= 0) return;
    if (attempt(current.withLoad(current.load().withQuiesce(0)))) {
      report("no quiesce");
      return;
    }
    boolean any = false;
    for (double t = q / 2; t >= 0.01 && attempt(current.withLoad(current.load().withQuiesce(t))); t /= 2) any = true;
    if (any) report("shorter quiesce");
  }
}
