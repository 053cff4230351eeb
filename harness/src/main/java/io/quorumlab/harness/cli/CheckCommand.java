package io.quorumlab.harness.cli;

import io.quorumlab.harness.ExitCodes;
import io.quorumlab.harness.SpecException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quorumlab.checkers.CheckContext;
import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Checker;
import io.quorumlab.checkers.registry.CheckerRegistry;
import io.quorumlab.checkers.Verdict;
import io.quorumlab.checkers.elle.ElleAnalyzer;
import io.quorumlab.checkers.elle.ElleChecker;
import io.quorumlab.checkers.history.Histories;
import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.HistoryFormat;
import io.quorumlab.checkers.history.HistoryParseException;
import io.quorumlab.checkers.linear.LinearizabilityChecker;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code quorumlab check}: judges recorded histories (ours or Jepsen's) with a checker. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Checks histories (history.jsonl, Jepsen history.edn) for consistency violations and explains what it finds.",
      "Exit codes: 0 valid, 1 invalid, 2 unknown (a budget ran out), 254 bad arguments or input; over several files the worst wins."
    })
public final class CheckCommand implements Callable<Integer> {
  private static final long MAX_TIME_LIMIT_SECONDS = 1_000_000_000L;

  @Spec CommandSpec spec;

  @Option(names = "--model", paramLabel = "MODEL", description = "Linearizability model: register, cas-register or kv.")
  String model;

  @Option(names = "--checker", paramLabel = "NAME", description = "Checker by name (linearizable, linearizable-kv, ...; default linearizable, whose model follows the history's functions).")
  String checker;

  @Option(names = "--format", paramLabel = "jsonl|edn", description = "History format (default: by extension, else by content).")
  String format;

  @Option(names = "--json", description = "Print the full results as JSON.")
  boolean json;

  @Option(names = "--out", paramLabel = "DIR", description = "Write HTML explanations here (default: next to each input).")
  Path out;

  @Option(names = "--consistency-models", split = ",", paramLabel = "MODEL", description = "list-append, rw-register: the models the history should satisfy (default strict-serializable), e.g. snapshot-isolation,repeatable-read.")
  List<String> consistencyModels;

  @Option(names = "--initial-value", paramLabel = "EDN", description = "register, cas-register: the register's value before the history"
      + " begins, in EDN (0, \"x\", nil; default nil), each key's for [key value] tuples. Jepsen's register tests usually start at a known value.")
  String initialValue;

  @Option(names = "--all-keys", description = "Linearizability: check every key even once one is known to be non-linearizable.")
  boolean allKeys;

  @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "300", description = "Time budget per file (default ${DEFAULT-VALUE} s); when spent the verdict is unknown.")
  long timeLimitSeconds;

  @Option(names = "--memory-limit", paramLabel = "MIB", defaultValue = "1024", description = "Memory budget per file for the search (default ${DEFAULT-VALUE} MiB).")
  long memoryLimitMib;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "History files.")
  List<Path> files;

  /** What one file came to: an exit code plus what to print. */
  private record Outcome(int exitCode, Map<String, Object> json) {}

  @Override
  public Integer call() {
    Checker chosen = chooseChecker();
    HistoryFormat fmt = null;
    if (format != null) {
      try {
        fmt = HistoryFormat.parse(format);
      } catch (IllegalArgumentException e) {
        throw new SpecException(e.getMessage());
      }
    }
    Duration timeBudget = timeBudget();
    long memoryBudgetBytes = memoryBudgetBytes();
    if (out != null) {
      try {
        Files.createDirectories(out);
      } catch (IOException e) {
        throw new SpecException("cannot create --out directory " + out + ": " + e.getMessage());
      }
    }
    PrintWriter stdout = spec.commandLine().getOut();
    List<Outcome> outcomes = new ArrayList<>();
    for (Path file : files) outcomes.add(checkOne(chosen, file, fmt, timeBudget, memoryBudgetBytes));
    if (json) {
      try {
        // Made here, not in a static field: picocli makes every command at start, and a static mapper
        // would load Jackson (some 370 classes) before every command, `run` included.
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        stdout.println(mapper.writeValueAsString(outcomes.stream().map(Outcome::json).toList()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    stdout.flush();
    return worst(outcomes.stream().mapToInt(Outcome::exitCode).toArray());
  }

  /**
   * --time-limit, capped at about 31 years: no limit in practice, and far enough from overflowing
   * the checkers' deadlines (the clock's nanoseconds plus the budget's) in a long.
   */
  private Duration timeBudget() {
    if (timeLimitSeconds <= 0) throw new SpecException("--time-limit must be positive, found " + timeLimitSeconds);
    return Duration.ofSeconds(Math.min(timeLimitSeconds, MAX_TIME_LIMIT_SECONDS));
  }

  /** --memory-limit in bytes, capped at the JVM's heap, which the search cannot outgrow anyway. */
  private long memoryBudgetBytes() {
    if (memoryLimitMib <= 0) throw new SpecException("--memory-limit must be positive, found " + memoryLimitMib);
    long heapMib = Runtime.getRuntime().maxMemory() >> 20;
    if (memoryLimitMib <= heapMib) return memoryLimitMib << 20;
    PrintWriter stderr = spec.commandLine().getErr();
    stderr.println("quorumlab: --memory-limit " + memoryLimitMib + " MiB is more than the JVM's heap (" + heapMib + " MiB); the budget is "
        + heapMib + " MiB");
    stderr.flush();
    return heapMib << 20;
  }

  /** Bad input first; otherwise the verdicts combine by the one rule, {@link Verdict#and}. */
  static int worst(int... codes) {
    Verdict v = Verdict.VALID;
    for (int c : codes) {
      if (c == ExitCodes.BAD_ARGUMENTS) return c;
      v = v.and(ExitCodes.verdictOf(c));
    }
    return v.exitCode;
  }

  private Checker chooseChecker() {
    if (model != null && checker != null) throw new SpecException("give --model or --checker, not both");
    try {
      Checker c = model != null ? CheckerRegistry.linearizable(model) : CheckerRegistry.checker(checker != null ? checker : "linearizable");
      if (allKeys && c instanceof LinearizabilityChecker lc) c = lc.withAllKeys();
      if (initialValue != null) c = startingAt(c);
      if (consistencyModels != null) {
        if (!(c instanceof ElleChecker elle)) {
          throw new SpecException("--consistency-models applies to the " + ElleAnalyzer.LIST_APPEND.checkerName() + " and "
              + ElleAnalyzer.RW_REGISTER.checkerName() + " checkers, not " + c.name());
        }
        c = elle.withConsistencyModels(consistencyModels);
      }
      return c;
    } catch (IllegalArgumentException e) {
      throw new SpecException(e.getMessage());
    }
  }

  /** The linearizability checker with its register starting at --initial-value. */
  private Checker startingAt(Checker c) {
    if (!(c instanceof LinearizabilityChecker lc)) {
      throw new SpecException("--initial-value is for the linearizable checker's register models, not " + c.name());
    }
    Object value;
    try {
      value = Histories.parseEdnValue(initialValue);
    } catch (IllegalArgumentException e) {
      throw new SpecException("--initial-value " + initialValue + ": " + e.getMessage());
    }
    return lc.startingAt(value);
  }

  private Outcome checkOne(Checker chosen, Path file, HistoryFormat fmt, Duration timeBudget, long memoryBudgetBytes) {
    PrintWriter stderr = spec.commandLine().getErr();
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("file", file.toString());
    History history;
    long minimum = Histories.minimumHeapBytes(file);
    if (minimum > Runtime.getRuntime().maxMemory()) return tooBig(j, file, "reading it needs at least " + (minimum >> 20) + " MiB");
    Optional<CheckResult> quick;
    try {
      quick = checkFile(chosen, file, fmt, timeBudget, memoryBudgetBytes);
    } catch (HistoryParseException e) {
      return badInput(j, e.getMessage());
    }
    if (quick.isPresent()) return report(file, quick.get(), List.of(), List.of(), j);
    try (ProgressLine progress = new ProgressLine(stderr, file.getFileName().toString())) {
      long size = sizeOf(file);
      history = Histories.read(file, fmt == null ? Histories.formatOf(file) : fmt,
          bytes -> progress.update(new CheckContext.Progress("reading", "MiB", bytes >> 20, size >> 20)));
    } catch (HistoryParseException e) {
      return badInput(j, e.getMessage());
    } catch (OutOfMemoryError e) {
      return tooBig(j, file, "it ran out of memory reading it");
    }
    Optional<String> nothing = history.nothingToCheck();
    if (nothing.isPresent()) return report(file, CheckResult.nothingToCheck(chosen.name(), nothing.get()), List.of(), List.of(), j);
    Path scratch;
    try {
      scratch = Files.createTempDirectory("quorumlab-check");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CheckResult result;
    try (ProgressLine progress = new ProgressLine(stderr, file.getFileName().toString())) {
      CheckContext ctx = new CheckContext(scratch, timeBudget, memoryBudgetBytes, progress::update);
      result = chosen.check(history, ctx);
    } catch (HistoryParseException e) {
      deleteQuietly(scratch);
      // a checker that found an op it cannot interpret located it in the file already
      return badInput(j, e.file() != null ? e.getMessage() : file + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      deleteQuietly(scratch);
      return badInput(j, file + ": " + e.getMessage());
    } catch (OutOfMemoryError e) {
      deleteQuietly(scratch);
      return tooBig(j, file, "it ran out of memory checking it");
    } catch (UncheckedIOException e) {
      deleteQuietly(scratch);
      stderr.println("quorumlab: " + file + ": " + e.getMessage());
      j.put("verdict", Verdict.UNKNOWN.wireName());
      j.put("error", e.getMessage());
      return new Outcome(ExitCodes.UNKNOWN, j);
    }
    List<String> notes = new ArrayList<>();
    List<Path> artifacts = placeArtifacts(file, result.artifacts(), notes);
    deleteQuietly(scratch);
    return report(file, result, artifacts, notes, j);
  }

  /**
   * The checker's own way with the file, when it has one ({@link Checker#checkFile}); empty: read
   * the history. Running out of memory there leaves the general read to say so.
   */
  private Optional<CheckResult> checkFile(Checker chosen, Path file, HistoryFormat fmt, Duration timeBudget, long memoryBudgetBytes) {
    try (ProgressLine progress = new ProgressLine(spec.commandLine().getErr(), file.getFileName().toString())) {
      CheckContext ctx = new CheckContext(null, timeBudget, memoryBudgetBytes, progress::update);
      return chosen.checkFile(file, fmt == null ? Histories.formatOf(file) : fmt, ctx);
    } catch (OutOfMemoryError e) {
      return Optional.empty();
    }
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0; // the reader says what is wrong with the file
    }
  }

  /**
   * A history the heap cannot hold: unknown, with what to do about it. The reader and the checkers
   * hold nothing else, so once this method runs their memory is garbage again.
   */
  private Outcome tooBig(Map<String, Object> j, Path file, String why) {
    long heapMib = Runtime.getRuntime().maxMemory() >> 20;
    String message = file + ": the history is too big for the JVM's heap (" + heapMib + " MiB): " + why
        + "; give it more with QUORUMLAB_JAVA_OPTS=-Xmx<size> (list-append needs about 1.2 GB of heap per million transactions, see docs/performance.md)";
    PrintWriter stderr = spec.commandLine().getErr();
    stderr.println("quorumlab: " + message);
    stderr.flush();
    j.put("verdict", Verdict.UNKNOWN.wireName());
    j.put("error", message);
    return new Outcome(ExitCodes.UNKNOWN, j);
  }

  /** Prints one file's result (or adds it to {@code j} for --json). */
  private Outcome report(Path file, CheckResult result, List<Path> artifacts, List<String> notes, Map<String, Object> j) {
    PrintWriter stdout = spec.commandLine().getOut();
    if (json) {
      j.put("checker", result.checker());
      j.put("verdict", result.verdict().wireName());
      j.put("summary", result.summary());
      j.put("explanation", result.explanation());
      j.put("anomalies", result.anomalies());
      j.put("details", result.details());
      j.put("artifacts", artifacts.stream().map(Path::toString).toList());
      if (!notes.isEmpty()) j.put("notes", notes);
    } else {
      stdout.println(file + ": " + result.verdict().name() + " - " + result.summary());
      for (String line : result.explanation()) stdout.println("  " + line);
      for (Path a : artifacts) stdout.println("  " + artifactLabel(a) + ": " + a);
      for (String n : notes) stdout.println("  " + n);
      stdout.flush();
    }
    return new Outcome(result.verdict().exitCode, j);
  }

  /** What a checker's file is, by its kind: an HTML timeline, or a Graphviz drawing of a cycle. */
  private static String artifactLabel(Path artifact) {
    String name = artifact.getFileName().toString();
    if (name.endsWith(".html")) return "timeline";
    if (name.endsWith(".dot") || name.endsWith(".svg")) return "cycle";
    return "file";
  }

  private Outcome badInput(Map<String, Object> j, String message) {
    PrintWriter stderr = spec.commandLine().getErr();
    stderr.println("quorumlab: " + message);
    stderr.flush();
    j.put("verdict", "bad-input");
    j.put("error", message);
    return new Outcome(ExitCodes.BAD_ARGUMENTS, j);
  }

  /**
   * Moves the checker's files next to the input (or into --out) as {@code <input>.<name>}. A
   * directory whose mode forbids writing is respected even when running as root.
   */
  private List<Path> placeArtifacts(Path input, List<Path> produced, List<String> notes) {
    if (produced.isEmpty()) return List.of();
    Path dir = out != null ? out : input.toAbsolutePath().getParent();
    if (out == null && !writableDir(dir)) {
      Path fallback = Path.of(System.getProperty("java.io.tmpdir"), "quorumlab-check");
      notes.add("(" + dir + " is not writable; wrote its files to " + fallback + ")");
      dir = fallback;
    }
    String base = input.getFileName().toString();
    int dot = base.lastIndexOf('.');
    if (dot > 0) base = base.substring(0, dot);
    List<Path> placed = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      for (Path p : produced) {
        Path target = dir.resolve(base + "." + p.getFileName());
        Files.move(p, target, StandardCopyOption.REPLACE_EXISTING);
        placed.add(target);
      }
    } catch (IOException e) {
      notes.add("(could not write the timeline to " + dir + ": " + e.getMessage() + ")");
    }
    return placed;
  }

  static boolean writableDir(Path dir) {
    if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) return false;
    try {
      return Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OWNER_WRITE);
    } catch (UnsupportedOperationException | IOException e) {
      return true;
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a leftover empty temp directory is harmless
    }
  }

}
