package io.quorumlab.harness.cli;

import io.quorumlab.checkers.Verdict;
import io.quorumlab.harness.SpecException;
import io.quorumlab.harness.cli.store.StoreOptions;
import io.quorumlab.harness.explore.ExplorePlan;
import io.quorumlab.harness.explore.ExploreProgress;
import io.quorumlab.harness.explore.ExploreResult;
import io.quorumlab.harness.explore.Explorer;
import io.quorumlab.harness.explore.SeedOutcome;
import io.quorumlab.harness.explore.Wilson;
import io.quorumlab.harness.run.RunSpec;
import io.quorumlab.harness.sim.SimBackend;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code quorumlab explore}: many seeds of one scenario in the simulation, to find the ones that fail. */
@Command(
    name = "explore",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    defaultValueProvider = ExploreCommand.Defaults.class,
    description = {
      "Runs seeds S, S+1, ..., S+K-1 of one scenario (the store, load and fault options of 'run') in the simulation, "
          + "on every core at once, each seed in memory; stops at the first seed that finds anomalies (or runs them all "
          + "with --all), shows a progress bar with ETA on stderr, and prints each failing seed with the commands that "
          + "replay it: 'quorumlab replay RUN_DIR' on the run directory written for it (spec.json, history.jsonl, "
          + "results.json, report.html; valid seeds write nothing), and the equivalent 'quorumlab run'.",
      "",
      "--swarm varies the scenario per seed (swarm testing): a non-empty subset of the fault kinds given, the fault "
          + "interval and the rate each a quarter to twice the given one, and the concurrency a quarter to all of it; all "
          + "drawn from the seed, so a failing seed replays exactly, and its spec.json holds what it drew.",
      "",
      "The summary: seeds run, failing seeds, the share of seeds showing each anomaly class the checkers report (with a "
          + "95%% Wilson interval), and the time to the first failure (seeds, wall seconds, simulated seconds).",
      "",
      "Examples:",
      "  quorumlab explore --nodes 3 --nemesis partition --nemesis-interval 2 \\",
      "      --seeds 100 --first-seed 1",
      "  quorumlab explore --nodes 3 --w 2 --r 2 --quorum strict --conflicts abd \\",
      "      --read-repair blocking --nemesis all --swarm --seeds 1000 --all",
      "",
      "Exit codes: 0 every seed valid, 1 a seed found anomalies, 2 none did but one was unknown (a checker gave up, the "
          + "run crashed) or explore was interrupted, 254 bad arguments (e.g. a backend other than sim).",
      ""
    })
public final class ExploreCommand implements Callable<Integer> {
  static final double DEFAULT_TIME_LIMIT = 10;
  static final int DEFAULT_SAVE_FAILURES = 10;
  /** Seeds that are not valid listed as they come and in the summary; the rest are counted. */
  private static final int LISTED = 10;

  /** The run's store defaults, and the sim backend. */
  public static final class Defaults extends StoreOptions.Defaults {
    public Defaults() {
      super(RunSpec.DEFAULT_STORE);
    }

    @Override
    public String defaultValue(ArgSpec arg) {
      if (arg instanceof OptionSpec o && o.longestName().equals("--backend")) return SimBackend.NAME;
      return super.defaultValue(arg);
    }
  }

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--seeds", paramLabel = "K", description = "Seeds to run (default: ${DEFAULT-VALUE}).")
  long seeds = 100;

  @Option(names = "--first-seed", paramLabel = "S", description = "The first seed (default: random, printed).")
  Long firstSeed;

  @Option(names = "--all", description = "Run every seed, not only up to the first failure.")
  boolean all;

  @Option(names = "--swarm", description = "Vary fault kinds, fault interval, rate and concurrency per seed (drawn from the seed).")
  boolean swarm;

  @Option(names = "--threads", paramLabel = "T", description = "Seeds run at once (default: the cores, ${DEFAULT-VALUE}).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--save-failures", paramLabel = "N",
      description = "Failing seeds that get a run directory; later ones get only their 'run' command (default: ${DEFAULT-VALUE}).")
  int saveFailures = DEFAULT_SAVE_FAILURES;

  @Mixin StoreOptions store = new StoreOptions();

  @Option(names = "--time-limit", paramLabel = "S", description = "Seconds of load per seed, simulated (default: ${DEFAULT-VALUE}).")
  double timeLimit = DEFAULT_TIME_LIMIT;

  @Mixin LoadOptions load = new LoadOptions();

  ExplorePlan plan() {
    if (load.seed != null) throw new SpecException("explore takes --first-seed S (and --seeds K), not --seed");
    long first = firstSeed != null ? firstSeed : new java.security.SecureRandom().nextLong() & (Long.MAX_VALUE >> 8);
    RunSpec base = load.spec(store.over(RunSpec.DEFAULT_STORE), timeLimit).withSeed(first);
    ExplorePlan plan = new ExplorePlan(base, first, seeds, swarm, all, threads, saveFailures, load.out());
    plan.validate();
    return plan;
  }

  @Override
  public Integer call() {
    ExplorePlan plan = plan();
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    RunSpec b = plan.base();
    err.println("quorumlab explore: " + plan.seeds() + " seeds (" + plan.firstSeed() + ".." + plan.seed(plan.seeds() - 1) + ") of "
        + b.workload() + " on " + b.nodes() + " sim nodes, " + b.label() + ", nemesis " + b.nemesis().text() + " every "
        + number(b.nemesis().intervalSeconds()) + " s, " + number(b.load().timeLimitSeconds()) + " s each" + (plan.swarm() ? ", swarm" : "")
        + ", " + plan.threads() + " at once; " + (plan.all() ? "every seed" : "until the first failure"));
    err.flush();
    Explorer explorer = new Explorer(plan);
    ExploreResult result;
    try (Interrupts interrupts = Interrupts.install(err, explorer::interrupt);
        ExploreProgress progress = new ExploreProgress(err, System.console() != null, "explore", plan.seeds())) {
      result = explorer.run(new Explorer.Listener() {
        private int shown;

        @Override
        public void finished(SeedOutcome o, long done, long failures) {
          if (o.verdict() != Verdict.VALID && shown++ < LISTED) {
            progress.println(shortLine(o) + (shown == LISTED ? "\n(further seeds that are not valid: in the summary)" : ""));
          }
          progress.step(done, failures);
        }

        @Override
        public void note(String line) {
          progress.println(line);
        }
      });
    }
    summary(out, result);
    out.flush();
    return result.exitCode();
  }

  /** The line a seed that is not valid gets while explore runs. */
  static String shortLine(SeedOutcome o) {
    return String.format(Locale.ROOT, "seed %d  %s  %s%s", o.seed(), o.verdict().wireName(), what(o),
        o.runDir() == null ? "" : "  ./quorumlab replay " + o.runDir());
  }

  /** A seed that is not valid in the summary, with the commands that replay it. */
  static String seedLine(SeedOutcome o) {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "seed %d  %s  %s", o.seed(), o.verdict().wireName(), what(o)));
    if (o.runDir() != null) b.append("\n  replay    ./quorumlab replay ").append(o.runDir());
    b.append("\n  run       ").append(RunCommandLine.of(o.spec()));
    return b.toString();
  }

  private static String what(SeedOutcome o) {
    if (!o.classes().isEmpty()) return String.join(", ", o.classes());
    String error = o.results().info().error();
    return error != null ? error : "no anomaly class named";
  }

  static void summary(PrintWriter out, ExploreResult r) {
    out.println();
    Wilson.Interval rate = r.failureRate();
    out.printf(Locale.ROOT, "seeds       %d run%s, %d failing (%s), %d unknown; %.1f s on %d threads (%.1f seeds/s), %s s simulated%n",
        r.seedsRun(), r.interrupted() ? " (interrupted)" : "", r.failures().size(), rate, r.unknowns().size(), r.wallNanos() / 1e9,
        r.plan().threads(), r.seedsRun() / Math.max(1e-9, r.wallNanos() / 1e9), number(Math.round(r.simulatedSeconds())));
    Map<String, Wilson.Interval> classes = r.classRates();
    if (!classes.isEmpty()) {
      out.println("anomalies   share of seeds showing each class, 95% Wilson interval:");
      int width = classes.keySet().stream().mapToInt(String::length).max().orElse(0);
      classes.forEach((c, i) -> out.printf(Locale.ROOT, "  %-" + width + "s  %s  (%d of %d seeds)%n", c, i, i.k(), i.n()));
    }
    r.firstFailure().ifPresent(f -> out.printf(Locale.ROOT, "first       seed %d: after %d seed%s, %.1f s of wall time, %s s simulated%n",
        f.seed(), r.seedsToFirstFailure(), r.seedsToFirstFailure() == 1 ? "" : "s", r.firstFailureWallNanos() / 1e9,
        number(Math.round(r.simulatedSecondsToFirstFailure()))));
    List<SeedOutcome> listed = r.outcomes().stream().filter(o -> o.verdict() != Verdict.VALID).toList();
    for (int i = 0; i < Math.min(LISTED, listed.size()); i++) out.println(seedLine(listed.get(i)));
    if (listed.size() > LISTED) out.println("... and " + (listed.size() - LISTED) + " more seeds that are not valid");
    out.println("exit        " + r.exitCode() + switch (r.exitCode()) {
      case 0 -> " (every seed valid)";
      case 1 -> " (anomalies found)";
      default -> " (a seed was unknown, or explore was interrupted)";
    });
  }

  private static String number(double v) {
    return v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v) : String.format(Locale.ROOT, "%.1f", v);
  }
}
