package io.quorumlab.results;

import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Verdict;
import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.Op;
import io.quorumlab.checkers.history.OpType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A realistic made-up register run: a minute of open-loop load at a target rate over a pool of
 * workers, two partitions and a kill, timeouts (info) and refusals (fail) while faults are in
 * force, final reads, and two checkers that found anomalies. For tests and for looking at the report.
 */
final class SyntheticRun {
  static final long S = 1_000_000_000L;
  static final long MS = 1_000_000L;

  final RunInfo info;
  final History history;

  private SyntheticRun(RunInfo info, History history) {
    this.info = info;
    this.history = history;
  }

  private record Ev(long time, long process, OpType type, String f, Object key, Object value, String node, String error, int seq) {}

  static SyntheticRun generate(long seed, double rate, int workers) {
    Random rnd = new Random(seed);
    List<Phase> phases = List.of(
        new Phase(Phase.SETUP, 0, 1_500 * MS),
        new Phase(Phase.LOAD, 1_500 * MS, 61_500 * MS),
        new Phase(Phase.HEAL, 61_500 * MS, 62_500 * MS),
        new Phase(Phase.QUIESCE, 62_500 * MS, 65_500 * MS),
        new Phase(Phase.FINAL_READS, 65_500 * MS, 66_500 * MS),
        new Phase(Phase.TEARDOWN, 66_500 * MS, 67_500 * MS),
        new Phase(Phase.CHECK, 67_500 * MS, 68_500 * MS));
    List<Ev> evs = new ArrayList<>();
    int[] seq = {0};
    // Nemesis: invoke/info pairs, as Jepsen records them.
    long[][] faults = {{11_500, 21_500}, {29_000, 36_000}, {44_000, 52_000}};
    String[] kinds = {"partition", "kill", "partition"};
    String[] what = {"{n1 n2} | {n3 n4 n5}", "n3", "{n1 n4} | {n2 n3 n5}"};
    for (int i = 0; i < faults.length; i++) {
      long a = faults[i][0] * MS;
      long b = faults[i][1] * MS;
      evs.add(new Ev(a, Op.NEMESIS, OpType.INFO, "start-" + kinds[i], null, null, null, null, seq[0]++));
      evs.add(new Ev(a + 3 * MS, Op.NEMESIS, OpType.INFO, "start-" + kinds[i], null, what[i], null, null, seq[0]++));
      evs.add(new Ev(b, Op.NEMESIS, OpType.INFO, "stop-" + kinds[i], null, null, null, null, seq[0]++));
      evs.add(new Ev(b + 2 * MS, Op.NEMESIS, OpType.INFO, "stop-" + kinds[i], null, "healed", null, null, seq[0]++));
    }
    long[] freeAt = new long[workers];
    long[] process = new long[workers];
    for (int w = 0; w < workers; w++) process[w] = w;
    long nextProcess = workers;
    long value = 0;
    long gap = (long) (S / rate);
    for (long t = 1_500 * MS + 1_000_000; t < 61_500 * MS; t += gap) {
      int w = -1;
      for (int i = 0; i < workers; i++) {
        int cand = (int) ((t / gap + i) % workers);
        if (freeAt[cand] <= t) {
          w = cand;
          break;
        }
      }
      if (w < 0) continue;
      boolean partition = (t >= faults[0][0] * MS && t < faults[0][1] * MS) || (t >= faults[2][0] * MS && t < faults[2][1] * MS);
      boolean kill = t >= faults[1][0] * MS && t < faults[1][1] * MS;
      String key = "k" + rnd.nextInt(10);
      double dice = rnd.nextDouble();
      String f = dice < 0.55 ? "read" : dice < 0.9 ? "write" : "cas";
      Object inVal = f.equals("read") ? null : f.equals("write") ? (Object) (++value) : List.of(value, ++value);
      double base = Math.exp(rnd.nextGaussian() * 0.5) * (f.equals("read") ? 0.9 : 1.6);
      if (rnd.nextDouble() < 0.01) base *= 8 + rnd.nextInt(20);
      OpType outcome = OpType.OK;
      long lat = (long) (base * MS);
      String error = null;
      double r = rnd.nextDouble();
      if (partition && r < 0.18) {
        outcome = OpType.FAIL;
        lat = (long) ((0.3 + rnd.nextDouble()) * MS);
        error = "unavailable";
      } else if (partition && r < 0.27 || kill && r < 0.05) {
        outcome = OpType.INFO;
        lat = 1_000 * MS + (long) (rnd.nextDouble() * 3 * MS);
        error = "timeout";
      } else if (partition || kill) {
        lat = (long) (lat * (2 + rnd.nextDouble() * 6));
      }
      if (outcome == OpType.FAIL && f.equals("cas") && r < 0.05) error = "cas-mismatch";
      Object outVal = f.equals("read") && outcome == OpType.OK ? (Object) (long) rnd.nextInt((int) value + 1) : inVal;
      String node = "n" + (1 + rnd.nextInt(5));
      evs.add(new Ev(t, process[w], OpType.INVOKE, f, key, inVal, node, null, seq[0]++));
      evs.add(new Ev(t + lat, process[w], outcome, f, key, outVal, node, error, seq[0]++));
      freeAt[w] = t + lat + 1;
      if (outcome == OpType.INFO) process[w] = nextProcess++;
    }
    long t = 65_600 * MS;
    for (int k = 0; k < 10; k++) {
      long p = nextProcess++;
      evs.add(new Ev(t, p, OpType.INVOKE, "read", "k" + k, null, "n1", null, seq[0]++));
      evs.add(new Ev(t + 2 * MS, p, OpType.OK, "read", "k" + k, value - k, "n1", null, seq[0]++));
      t += 5 * MS;
    }
    evs.sort(Comparator.comparingLong(Ev::time).thenComparingInt(Ev::seq));
    List<Op> ops = new ArrayList<>(evs.size());
    for (Ev e : evs) {
      ops.add(new Op(ops.size(), e.time(), e.process(), e.type(), e.f(), e.key(), e.value(), e.node(), e.error(), Map.of()));
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("workload", "register");
    spec.put("backend", "local");
    spec.put("nodes", 5L);
    spec.put("n", 3L);
    spec.put("w", 1L);
    spec.put("r", 1L);
    spec.put("quorum", "sloppy");
    spec.put("read-repair", "off");
    spec.put("conflicts", "lww");
    spec.put("fsync", "periodic");
    spec.put("nemesis", List.of("partition", "kill"));
    spec.put("nemesis-interval", 10L);
    spec.put("time-limit", 60L);
    spec.put("rate", (long) rate);
    spec.put("concurrency", (long) workers);
    spec.put("seed", seed);
    RunInfo info = new RunInfo("register", "local", spec, 1_767_000_000_000L, phases, null);
    return new SyntheticRun(info, new History(ops));
  }

  /** Two checkers that found something, one that did not; the linearizability one writes an artifact. */
  static List<CheckResult> checks(Path runDir) throws IOException {
    Path lin = runDir.resolve("checks/linearizable");
    Files.createDirectories(lin);
    Path timeline = lin.resolve("k3-timeline.html");
    Files.writeString(timeline, "<!doctype html><title>k3</title><p>timeline of k3</p>");
    Path svg = lin.resolve("k3.svg");
    Files.writeString(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"60\"><rect width=\"200\" height=\"60\" fill=\"#fde\"/>"
        + "<text x=\"10\" y=\"35\">k3: write 41 ok, read 40</text></svg>");
    CheckResult linearizable = new CheckResult("linearizable", Verdict.INVALID,
        "2 of 10 keys are not linearizable (k3, k7)",
        List.of(
            "Key k3 is not linearizable. No order of its operations explains this read:",
            "  process 4 wrote 41 (ok, 13.212 s to 13.215 s)",
            "  then process 9 read 40 (ok, 13.230 s to 13.233 s), a value overwritten before the read began.",
            "Key k7: process 2's cas [17 18] succeeded after process 6 had read 19 <script>alert(1)</script>."),
        Map.of("nonlinearizable-key", 2L),
        Map.of("keys", 10L, "invalid-keys", List.of("k3", "k7")),
        List.of(timeline, svg));
    CheckResult stale = new CheckResult("stale-read", Verdict.INVALID, "14 stale reads, up to 3 versions and 812 ms behind",
        List.of("A read is stale when it misses a write acknowledged before the read began.",
            "Worst: process 11 read k5 = 12 at 15.002 s, though 15 had been acknowledged at 14.190 s (812 ms earlier)."),
        Map.of("stale-read", 14L, "nonlinearizable-key", 1L), Map.of("max-staleness-ms", 812L), List.of());
    CheckResult timeouts = new CheckResult("timeouts", Verdict.VALID, "every indeterminate op was accounted for",
        List.of(), Map.of(), Map.of(), List.of());
    return List.of(linearizable, stale, timeouts);
  }
}
