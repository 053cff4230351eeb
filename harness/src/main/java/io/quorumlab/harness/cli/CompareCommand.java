package io.quorumlab.harness.cli;

import io.quorumlab.harness.SpecException;
import io.quorumlab.harness.cli.store.StoreOptions;
import io.quorumlab.harness.compare.BenchResults;
import io.quorumlab.harness.compare.CompareOutput;
import io.quorumlab.harness.compare.ComparePlan;
import io.quorumlab.harness.compare.CompareProgress;
import io.quorumlab.harness.compare.CompareResult;
import io.quorumlab.harness.compare.Comparison;
import io.quorumlab.harness.compare.ConfigParser;
import io.quorumlab.harness.compare.ConfigSpec;
import io.quorumlab.harness.compare.SeedCompareResult;
import io.quorumlab.harness.compare.SeedComparison;
import io.quorumlab.harness.compare.SeedOutput;
import io.quorumlab.harness.compare.SeedRow;
import io.quorumlab.harness.explore.ExploreProgress;
import io.quorumlab.harness.explore.Explorer;
import io.quorumlab.harness.explore.SeedOutcome;
import io.quorumlab.harness.sim.SimBackend;
import io.quorumlab.harness.gate.GateOptions;
import io.quorumlab.harness.run.RunSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code quorumlab compare}: the same run under several quorum configurations, side by side. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    defaultValueProvider = CompareCommand.Defaults.class,
    description = {
      "Runs the same workload, fault schedule and seed once per configuration, each on a fresh cluster, so that the "
          + "configuration is the only difference; then writes runs/compare/<timestamp>/ (compare.json, compare.md, "
          + "compare.html with a latency-against-anomalies chart) with one row per configuration: verdict, anomalies by "
          + "type, availability during and outside faults, read and write latency p50/p95/p99/p99.9, throughput, and a "
          + "link to the run's report.",
      "",
      "Configurations (--configs, comma-separated): N/W/R[:mode...]; modes:",
      "  sloppy|strict           quorum (default: --quorum, strict)",
      "  siblings|lww|abd        conflicts (default: --conflicts, lww); abd",
      "                          also means rr=blocking, ABD's write-back,",
      "                          unless the configuration gives rr=",
      "  rr=off|async|blocking   read repair, also just off|async|blocking",
      "                          (default: --read-repair, async)",
      "  fsync=always|periodic|never   WAL sync (default: --fsync, always)",
      "  expect=valid|invalid    this configuration's gate (default: --expect)",
      "The other store options (--vnodes, --request-timeout-ms, ...) apply to every configuration; --n, --w and --r are "
          + "refused, since each configuration gives its own.",
      "",
      "Examples:",
      "  quorumlab compare        (the five default configurations, register",
      "                           workload, partitions, 30 s each)",
      "  quorumlab compare --configs 3/1/1,3/2/2,3/3/1,3/2/2:sloppy,3/2/2:abd \\",
      "      --nemesis kill --time-limit 40",
      "  quorumlab compare --workload set --configs 3/1/1:siblings,3/1/1 --repeat 3",
      "  quorumlab compare --configs 3/1/1:expect=invalid,3/2/2:abd:expect=valid \\",
      "      --junit gate.xml",
      "",
      "--repeat K runs K rounds with seeds S, S+1, ...; the table then shows verdict counts and medians.",
      "--seeds K (sim only) runs every configuration over seeds S..S+K-1 in memory on every core, without run "
          + "directories or reports, and shows per configuration the share of seeds that failed and the share showing "
          + "each anomaly class, with 95%% Wilson intervals, a chart of those rates, and the median simulated read and "
          + "write p50; --expect then means: valid, no seed fails; invalid, at least one does. Use 'quorumlab explore' "
          + "to get a run directory for a failing seed.",
      "--with-bench adds the latencies of 'quorumlab bench' (runs/bench/latest, or a given directory).",
      "",
      "Exit codes: 254 bad arguments (a bad configuration is named: '3/4/1': W=4 > N=3). Otherwise, when any "
          + "expectation is given (--expect or :expect=), 1 if one fails, else 0; without expectations, the worst "
          + "verdict: 0 all valid, 1 anomalies found, 2 a run was unknown, crashed or interrupted.",
      ""
    })
public final class CompareCommand implements Callable<Integer> {
  static final String DEFAULT_CONFIGS = "3/1/1,3/2/2,3/3/1,3/2/2:sloppy,3/2/2:abd";
  static final double DEFAULT_TIME_LIMIT = 30;

  /** The store options' defaults under {@code compare}: {@link ComparePlan#DEFAULT_STORE}. */
  public static final class Defaults extends StoreOptions.Defaults {
    public Defaults() {
      super(ComparePlan.DEFAULT_STORE);
    }
  }

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--configs", paramLabel = "LIST", description = "Configurations to compare (default: ${DEFAULT-VALUE}).")
  String configs = DEFAULT_CONFIGS;

  @Option(names = "--repeat", paramLabel = "K", description = "Runs per configuration, with seeds S, S+1, ... (default: ${DEFAULT-VALUE}).")
  int repeat = 1;

  @Option(names = "--seeds", paramLabel = "K",
      description = "sim: K seeds per configuration, in memory, as rates with 95%% intervals (instead of --repeat).")
  Long seeds;

  @Option(names = "--with-bench", paramLabel = "DIR", arity = "0..1", fallbackValue = "latest",
      description = "Add the JMH latencies of 'quorumlab bench' as columns: a bench directory, or latest (runs/bench/latest).")
  String withBench;

  @Mixin GateOptions gate = new GateOptions();

  @Mixin LoadOptions load = new LoadOptions();

  @Mixin StoreOptions store = new StoreOptions();

  @Option(names = "--time-limit", paramLabel = "S", description = "Seconds of load per run (default: ${DEFAULT-VALUE}).")
  double timeLimit = DEFAULT_TIME_LIMIT;

  ComparePlan plan() {
    List<ConfigSpec> list = ConfigParser.parseList(configs);
    if (store.setsQuorumSizes()) throw new SpecException("compare takes N/W/R from --configs, not from --n, --w or --r");
    // N/W/R and the modes come from each configuration; these are the defaults they override.
    RunSpec base = load.spec(store.over(ComparePlan.DEFAULT_STORE).withQuorums(1, 1, 1), timeLimit);
    ComparePlan plan = new ComparePlan(base, store.givenReadRepair(), list, repeat, gate.expect(), load.out());
    plan.validate();
    return plan;
  }

  @Override
  public Integer call() throws Exception {
    if (seeds != null) return callSeeds();
    ComparePlan plan = plan();
    gate.validate();
    BenchResults bench = null;
    if (withBench != null) {
      try {
        bench = BenchResults.locate(withBench, load.out());
      } catch (IOException e) {
        throw new SpecException("--with-bench: " + e.getMessage());
      }
    }
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    err.println("quorumlab compare: " + plan.configs().size() + " configurations x " + plan.repeat() + " on the " + plan.base().workload()
        + " workload, nemesis " + plan.base().nemesis().text() + ", " + (long) plan.base().load().timeLimitSeconds() + " s each, seed "
        + plan.base().seed());
    err.flush();
    Comparison comparison = new Comparison(plan);
    // Ctrl-C: the run in progress stops, heals and is written; the comparison writes what finished.
    try (Interrupts interrupts = Interrupts.install(err, comparison::interrupt)) {
      CompareResult result = comparison.run(new CompareProgress(err, System.console() != null));
      if (bench != null) result = result.withBench(bench);
      Path dir = CompareOutput.write(result);
      stdout.println();
      stdout.print(CompareOutput.console(result));
      for (var row : result.rows()) {
        if (row.judgement() != null) stdout.println("gate  " + row.name() + ": " + row.judgement().line());
      }
      stdout.println("compare     " + dir.resolve(CompareOutput.HTML));
      stdout.println("exit        " + result.exitCode() + exitMeaning(result));
      stdout.flush();
      return gate.writeJUnit(err, "quorumlab compare " + plan.base().workload(), result.gateCases(), result.exitCode());
    }
  }

  /** {@code --seeds K}: the rates over seeds, in memory. */
  private int callSeeds() throws IOException {
    if (spec.commandLine().getParseResult().hasMatchedOption("--repeat")) {
      throw new SpecException("--seeds and --repeat are two ways to run many seeds: --seeds K (sim, in memory, rates with "
          + "intervals) or --repeat K (any backend, a run directory and report each); give one");
    }
    if (withBench != null) throw new SpecException("--with-bench goes with single runs or --repeat, not --seeds");
    if (gate.junit() != null) throw new SpecException("--junit goes with single runs or --repeat, not --seeds");
    if (!SimBackend.NAME.equals(load.backend)) {
      throw new SpecException("--seeds runs in the simulation only (--backend sim), not " + load.backend
          + "; for real clusters use --repeat K");
    }
    ComparePlan plan = plan();
    gate.validate();
    SeedComparison comparison = new SeedComparison(plan, seeds, Runtime.getRuntime().availableProcessors());
    comparison.validate();
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    err.println("quorumlab compare: " + plan.configs().size() + " configurations x " + seeds + " seeds (" + plan.base().seed() + ".."
        + (plan.base().seed() + seeds - 1) + ") on the " + plan.base().workload() + " workload, nemesis " + plan.base().nemesis().text()
        + ", " + (long) plan.base().load().timeLimitSeconds() + " s each, in the simulation");
    err.flush();
    boolean terminal = System.console() != null;
    SeedCompareResult result;
    ExploreProgress[] bar = new ExploreProgress[1];
    try (Interrupts interrupts = Interrupts.install(err, comparison::interrupt)) {
      result = comparison.run(new SeedComparison.Listener() {
        @Override
        public Explorer.Listener starting(int index, int total, ConfigSpec config) {
          bar[0] = new ExploreProgress(err, terminal, "[" + index + "/" + total + "] " + config.text(), seeds);
          return new Explorer.Listener() {
            @Override
            public void finished(SeedOutcome o, long done, long failures) {
              bar[0].step(done, failures);
            }

            @Override
            public void note(String line) {
              bar[0].println(line);
            }
          };
        }

        @Override
        public void finished(int index, int total, SeedRow row) {
          bar[0].close();
          err.println("[" + index + "/" + total + "] " + row.name() + ": " + row.failing().k() + " of " + row.seedsRun()
              + " seeds failing, " + row.failing());
          err.flush();
        }
      });
    } finally {
      // an interrupted configuration's bar stops too
      if (bar[0] != null) bar[0].close();
    }
    Path dir = SeedOutput.write(result);
    stdout.println();
    stdout.print(SeedOutput.console(result));
    for (SeedRow row : result.rows()) {
      if (row.judgement() != null) stdout.println("gate  " + row.name() + ": " + row.judgement().line());
    }
    stdout.println("compare     " + dir.resolve(CompareOutput.HTML));
    stdout.println("exit        " + result.exitCode() + (plan.gated() ? result.exitCode() == 0 ? " (every expectation met)"
        : " (an expectation failed)" : switch (result.exitCode()) {
          case 0 -> " (every seed valid)";
          case 1 -> " (anomalies found)";
          default -> " (a seed was unknown, or compare was interrupted)";
        }));
    stdout.flush();
    return result.exitCode();
  }

  private static String exitMeaning(CompareResult r) {
    if (r.plan().gated()) return r.exitCode() == 0 ? " (every expectation met)" : " (an expectation failed)";
    return switch (r.exitCode()) {
      case 0 -> " (every run valid)";
      case 1 -> " (anomalies found)";
      default -> " (a run was unknown, crashed or interrupted)";
    };
  }
}
