package io.quorumlab.harness.cli;

import io.quorumlab.harness.ExitCodes;
import io.quorumlab.harness.SpecException;
import io.quorumlab.harness.compare.BenchJar;
import io.quorumlab.harness.compare.BenchResults;
import io.quorumlab.harness.compare.ConfigParser;
import io.quorumlab.harness.compare.ConfigSpec;
import io.quorumlab.results.RunDirectory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code quorumlab bench}: the JMH quorum-latency benchmarks, run from the bench module's jar. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Measures get and put latency through the real client against a 5-node local cluster of real processes, per "
          + "N/W/R and conflict mode, with all replicas healthy and with one replica of every key slowed by 20 ms per "
          + "link (JMH SampleTime: p50 to p99.9). Each configuration starts its own cluster.",
      "",
      "Runs java -jar bench/target/benchmarks.jar QuorumLatencyBench ... (building it first with "
          + "'mvn -B -q -DskipTests package -pl bench -am' when it is missing or older than the sources), prints the "
          + "table and writes runs/bench/<timestamp>/ with JMH's jmh.json and bench.md; runs/bench/latest points to it, "
          + "and 'quorumlab compare --with-bench' puts those numbers beside a comparison.",
      "",
      "The full set (4 configurations x 3 conflict modes x 2 replica states x get/put) takes about 15 minutes on 2 "
          + "cores; --quick (3 configurations, lww, shorter iterations) about 3.",
      "",
      "Exit codes: 0 measured, 2 the build or JMH failed, 254 bad arguments.",
      ""
    })
public final class BenchCommand implements Callable<Integer> {
  static final String DEFAULT_CONFIGS = "3/1/1,3/2/2,3/3/3,5/3/3";
  static final String QUICK_CONFIGS = "3/1/1,3/2/2,3/3/3";
  private static final Set<String> CONFLICTS = Set.of("lww", "siblings", "abd");
  private static final Set<String> FAULTS = Set.of("none", "slow");
  private static final String BENCHMARK = "io.quorumlab.bench.QuorumLatencyBench";

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--configs", paramLabel = "LIST",
      description = "N/W/R configurations, comma-separated, N <= 5; modes as in compare except conflicts "
          + "(default: " + DEFAULT_CONFIGS + "; with --quick " + QUICK_CONFIGS + ").")
  String configs;

  @Option(names = "--conflicts", paramLabel = "LIST", description = "Conflict modes: lww, siblings, abd (default: all; with --quick lww).")
  String conflicts;

  @Option(names = "--faults", paramLabel = "LIST", description = "none (all replicas healthy), slow (one slowed) (default: none,slow).")
  String faults = "none,slow";

  @Option(names = "--quick", description = "Fewer configurations and shorter iterations: 1 warmup of 1 s, 2 measurements of 2 s.")
  boolean quick;

  @Option(names = "--jar", paramLabel = "FILE", description = "The benchmarks jar (default: bench/target/benchmarks.jar of this source tree).")
  Path jar;

  @Option(names = "--no-build", description = "Use the jar as it is, even when older than the sources.")
  boolean noBuild;

  @Option(names = "--out", paramLabel = "DIR", description = "Runs root; results go to DIR/bench/<timestamp>/ (default: ${DEFAULT-VALUE}).")
  Path out = Path.of("runs");

  @Option(names = "--jmh", paramLabel = "ARGS", description = "More JMH options, e.g. \"-i 5 -r 5s\" (see java -jar benchmarks.jar -h).")
  String jmhArgs;

  /** The JMH command line after the jar (for tests and --help readers). */
  List<String> jmhArguments(Path resultFile) {
    String configList = configs != null ? configs : quick ? QUICK_CONFIGS : DEFAULT_CONFIGS;
    for (ConfigSpec c : ConfigParser.parseList(configList)) {
      if (c.conflicts() != null) throw new SpecException("--configs '" + c.text() + "': give conflict modes with --conflicts, not in the configuration");
      if (c.expect() != null) throw new SpecException("--configs '" + c.text() + "': expect= has no meaning for a benchmark");
      if (c.n() > 5) throw new SpecException("--configs '" + c.text() + "': N=" + c.n() + " > 5, the benchmark cluster's size");
    }
    String conflictList = list("--conflicts", conflicts != null ? conflicts : quick ? "lww" : "lww,siblings,abd", CONFLICTS);
    String faultList = list("--faults", faults, FAULTS);
    List<String> args = new ArrayList<>(List.of(BENCHMARK, "-p", "config=" + configList.replace(" ", ""), "-p", "conflicts=" + conflictList,
        "-p", "fault=" + faultList, "-rf", "json", "-rff", resultFile.toString()));
    if (quick) args.addAll(List.of("-wi", "1", "-w", "1s", "-i", "2", "-r", "2s"));
    if (jmhArgs != null && !jmhArgs.isBlank()) args.addAll(Arrays.asList(jmhArgs.strip().split("\\s+")));
    return args;
  }

  private static String list(String option, String value, Set<String> allowed) {
    List<String> items = new ArrayList<>();
    for (String s : value.split(",", -1)) {
      String v = s.strip().toLowerCase(java.util.Locale.ROOT);
      if (!allowed.contains(v)) throw new SpecException(option + ": unknown value '" + s.strip() + "' (expected " + String.join(", ", allowed.stream().sorted().toList()) + ")");
      if (!items.contains(v)) items.add(v);
    }
    return String.join(",", items);
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    Path probe = Path.of("jmh.json");
    jmhArguments(probe);
    Path jarFile = jar != null ? jar : BenchJar.defaultJar();
    if (jar != null && !Files.isRegularFile(jar)) throw new SpecException("--jar " + jar + " does not exist");
    if (jar == null) {
      String problem = BenchJar.ensureBuilt(jarFile, !noBuild, err);
      if (problem != null) {
        err.println("quorumlab bench: " + problem);
        return ExitCodes.UNKNOWN;
      }
    }
    Path root = out.resolve("bench");
    Path dir = RunDirectory.create(out, "bench", LocalDateTime.now(), false);
    Files.deleteIfExists(dir.resolve(RunDirectory.NODES));
    Path json = dir.resolve(BenchResults.JMH_JSON);
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        jarFile.toAbsolutePath().toString()));
    cmd.addAll(jmhArguments(json.toAbsolutePath()));
    err.println("quorumlab bench: " + String.join(" ", cmd));
    err.flush();
    int code = runJmh(cmd, err);
    if (code != 0) {
      err.println("quorumlab bench: JMH exited with " + code + "; its output is above");
      return ExitCodes.UNKNOWN;
    }
    BenchResults results;
    try {
      results = BenchResults.read(json);
    } catch (IOException e) {
      err.println("quorumlab bench: " + e.getMessage());
      return ExitCodes.UNKNOWN;
    }
    Files.writeString(dir.resolve(BenchResults.MARKDOWN), results.markdown(title()));
    RunDirectory.pointLatest(root, dir);
    stdout.println();
    stdout.print(results.text());
    stdout.println("bench       " + dir.resolve(BenchResults.MARKDOWN));
    stdout.println("jmh json    " + json);
    stdout.flush();
    return ExitCodes.VALID;
  }

  private static String title() {
    Runtime rt = Runtime.getRuntime();
    return String.format(java.util.Locale.ROOT, "Quorum latency (JMH SampleTime, ms; one client, one request in flight; 5 local node "
        + "processes; strict quorum unless stated) on %d cores, JDK %s, %s", rt.availableProcessors(), Runtime.version().feature(),
        System.getProperty("os.name"));
  }

  /** Runs JMH, copying its output to {@code err}; Ctrl-C takes the JMH fork and its cluster down too. */
  private static int runJmh(List<String> cmd, PrintWriter err) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    Thread hook = new Thread(() -> {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
    }, "quorumlab-bench-interrupt");
    Runtime.getRuntime().addShutdownHook(hook);
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        err.println(line);
        err.flush();
      }
      return p.waitFor();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running
      }
    }
  }
}
