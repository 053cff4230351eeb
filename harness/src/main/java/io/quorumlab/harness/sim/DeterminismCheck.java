package io.quorumlab.harness.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quorumlab.harness.run.ProgressSink;
import io.quorumlab.harness.run.RunOutcome;
import io.quorumlab.harness.run.RunSpec;
import io.quorumlab.harness.run.Runner;
import io.quorumlab.results.RunDirectory;
import io.quorumlab.sim.Determinism;
import io.quorumlab.sim.Simulation;
import io.quorumlab.sim.Trace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * {@code run --check-determinism}: runs one spec twice on the sim backend and compares the two runs
 * event by event (the simulations' recorded traces) and file by file ({@code history.jsonl},
 * {@code results.json} without the checkers' timings, {@code messages.jsonl} of a small run, every
 * node log). The first difference is
 * named: the event where the simulations parted (its virtual time, and what each run did there), or
 * else the first file and line that differ.
 */
public final class DeterminismCheck {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Keys of results.json that measure this machine (the checkers' running times), not the run. */
  private static final Set<String> TIMING_KEYS = Set.of("millis", "elapsed-ms");

  /**
   * @param first the first run
   * @param second the second run
   * @param events events in the first run's trace
   * @param digest the first run's trace digest
   * @param divergence null when the runs agree; else where they first differ, in one line
   */
  public record Result(RunOutcome first, RunOutcome second, long events, long digest, List<String> compared, String divergence) {
    public boolean deterministic() {
      return divergence == null;
    }

    public String line() {
      if (deterministic()) {
        return String.format(Locale.ROOT, "identical: 2 runs, %d events each, trace digest %016x; %s byte for byte", events, digest,
            String.join(", ", compared));
      }
      return "NOT DETERMINISTIC: " + divergence;
    }
  }

  private DeterminismCheck() {}

  /** Runs {@code spec} (a sim spec) twice under {@code outRoot}, then compares the runs. */
  public static Result run(RunSpec spec, Path outRoot, ProgressSink progress) throws IOException {
    return run(spec, outRoot, progress, (run, sim) -> { });
  }

  /** As {@link #run(RunSpec, Path, ProgressSink)}, showing each run's simulation (0, then 1) to {@code deployed} first. */
  static Result run(RunSpec spec, Path outRoot, ProgressSink progress, BiConsumer<Integer, Simulation> deployed) throws IOException {
    Trace[] traces = new Trace[2];
    RunOutcome[] outcomes = new RunOutcome[2];
    for (int i = 0; i < 2; i++) {
      int run = i;
      SimBackend backend = new SimBackend(Trace.Mode.RECORD, sim -> {
        traces[run] = sim.trace();
        deployed.accept(run, sim);
      });
      outcomes[i] = new Runner(spec, outRoot, progress, backend).run();
    }
    Determinism.Result traced = Determinism.compare(traces[0], traces[1]);
    List<String> compared = new ArrayList<>();
    String divergence = traced.deterministic() ? null : describe(traced.divergence());
    if (divergence == null) divergence = compareFiles(outcomes[0].runDir(), outcomes[1].runDir(), compared);
    return new Result(outcomes[0], outcomes[1], traced.events(), traced.digest(), compared, divergence);
  }

  private static String describe(Determinism.Divergence d) {
    return String.format(Locale.ROOT, "the simulations part at event %d, %s s of virtual time: the first run did %s, the second %s",
        d.index(), seconds(d.timeNanos()), d.first(), d.second());
  }

  /** The first file whose content differs, or null when none does; adds the files compared to {@code compared}. */
  static String compareFiles(Path a, Path b, List<String> compared) throws IOException {
    List<String> files = new ArrayList<>(List.of(RunDirectory.HISTORY, RunDirectory.RESULTS));
    if (Files.exists(a.resolve(RunDirectory.MESSAGES)) || Files.exists(b.resolve(RunDirectory.MESSAGES))) files.add(RunDirectory.MESSAGES);
    try (Stream<Path> logs = Files.list(a.resolve(RunDirectory.NODES))) {
      logs.map(p -> RunDirectory.NODES + "/" + p.getFileName()).sorted().forEach(files::add);
    }
    for (String f : files) {
      String diff = f.equals(RunDirectory.RESULTS) ? compareResults(a.resolve(f), b.resolve(f)) : compareLines(a.resolve(f), b.resolve(f));
      if (diff != null) return f + " differs: " + diff;
      compared.add(f);
    }
    return null;
  }

  private static String compareLines(Path a, Path b) throws IOException {
    if (!Files.exists(b)) return "the second run has no such file";
    List<String> x = Files.readAllLines(a);
    List<String> y = Files.readAllLines(b);
    for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
      if (!x.get(i).equals(y.get(i))) return "line " + (i + 1) + ": first run: " + x.get(i) + "; second run: " + y.get(i);
    }
    return x.size() == y.size() ? null : "the first run has " + x.size() + " lines, the second " + y.size();
  }

  private static String compareResults(Path a, Path b) throws IOException {
    return firstDifference("", normalized(a), normalized(b));
  }

  /**
   * results.json without what differs between two runs of one spec by nature: the checkers'
   * running times, and the run's own directory in the paths of the files the checkers wrote.
   */
  private static JsonNode normalized(Path results) throws IOException {
    Path runDir = results.getParent();
    String text = Files.readString(results);
    for (Path p : List.of(runDir.toAbsolutePath(), runDir)) text = text.replace(inJson(p.toString()), "<run>");
    return withoutTimings(JSON.readTree(text));
  }

  /** {@code s} as it appears inside a JSON string (backslashes and quotes escaped). */
  private static String inJson(String s) throws IOException {
    String quoted = JSON.writeValueAsString(s);
    return quoted.substring(1, quoted.length() - 1);
  }

  /** The path of the first value that differs, with both values; null when none does. */
  private static String firstDifference(String path, JsonNode x, JsonNode y) {
    if (x.equals(y)) return null;
    if (x.isObject() && y.isObject()) {
      for (Iterator<String> names = x.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        String d = y.has(name) ? firstDifference(path + "/" + name, x.get(name), y.get(name)) : path + "/" + name + " only in the first run";
        if (d != null) return d;
      }
      return path + ": a key only in the second run";
    }
    if (x.isArray() && y.isArray()) {
      for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
        String d = firstDifference(path + "/" + i, x.get(i), y.get(i));
        if (d != null) return d;
      }
      return path + ": " + x.size() + " entries in the first run, " + y.size() + " in the second";
    }
    return path + ": first run " + abbreviated(x) + ", second run " + abbreviated(y);
  }

  private static String abbreviated(JsonNode n) {
    String s = n.toString();
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }

  private static JsonNode withoutTimings(JsonNode node) {
    if (node instanceof ObjectNode o) o.remove(TIMING_KEYS);
    for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) withoutTimings(it.next());
    return node;
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%d.%06d", nanos / 1_000_000_000, (nanos / 1_000) % 1_000_000);
  }
}
