package io.quorumlab.harness.cli;

import io.quorumlab.harness.SpecException;
import io.quorumlab.harness.explore.ExploreProgress;
import io.quorumlab.harness.explore.ExploreResult;
import io.quorumlab.harness.explore.SeedOutcome;
import io.quorumlab.harness.run.RunSpec;
import io.quorumlab.harness.selftest.Catalogue;
import io.quorumlab.harness.selftest.Detections;
import io.quorumlab.harness.selftest.Scenario;
import io.quorumlab.harness.selftest.Selftest;
import io.quorumlab.store.mutation.Mutant;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code quorumlab selftest}: plants known bugs in the store, one at a time, and measures how fast the harness catches each. */
@Command(
    name = "selftest",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs each store mutant (a small, deliberate, documented bug planted in every simulated node; see "
          + "io.quorumlab.store.mutation.Mutant) over seeds S..S+K-1 of a scenario under which the store as written is "
          + "correct, and every scenario involved with the store as written over its seeds too. Prints per mutant: the "
          + "scenario, the share of seeds that caught it (95%% Wilson interval), the median seeds and simulated seconds "
          + "to the first detection from a random starting seed, the checkers' anomaly classes that caught it, and the "
          + "command that reproduces its first detection. A mutant can be switched on only in process, never by 'run' "
          + "or 'serve', so that command is a 'quorumlab selftest --mutant NAME --first-seed S --seeds 1' (the "
          + "scenario without the mutant is the 'quorumlab explore' line printed for it).",
      "",
      "The mutants, their bugs and scenarios: quorumlab selftest --list.",
      "",
      "Exit codes: 0 every mutant caught and the store as written valid in every seed, 1 a mutant not caught or the "
          + "store as written not valid somewhere, 2 interrupted, 254 bad arguments.",
      ""
    })
public final class SelftestCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--seeds", paramLabel = "K", description = "Seeds per mutant (default: ${DEFAULT-VALUE}).")
  long seeds = 200;

  @Option(names = "--baseline-seeds", paramLabel = "B",
      description = "Seeds per scenario with no mutant; 0 skips them (default: as many as --seeds).")
  Long baselineSeeds;

  @Option(names = "--first-seed", paramLabel = "S", description = "The first seed of every mutant and scenario (default: ${DEFAULT-VALUE}).")
  long firstSeed = 1;

  @Option(names = "--mutant", paramLabel = "NAME", split = ",",
      description = "Mutants to run, by name (e.g. get-first-reply); repeatable or comma-separated (default: all).")
  List<String> mutants = new ArrayList<>();

  @Option(names = "--threads", paramLabel = "T", description = "Seeds run at once (default: the cores, ${DEFAULT-VALUE}).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--list", description = "List the mutants with their bug, site and scenario, and exit.")
  boolean list;

  Selftest.Plan plan() {
    List<Mutant> chosen = new ArrayList<>();
    for (String name : mutants) {
      Mutant m = Catalogue.byName(name.trim());
      if (m == null) throw new SpecException("no mutant called '" + name + "'; 'quorumlab selftest --list' names them");
      if (!chosen.contains(m)) chosen.add(m);
    }
    if (chosen.isEmpty()) chosen.addAll(List.of(Mutant.values()));
    long baseline = baselineSeeds == null ? seeds : baselineSeeds;
    if (seeds < 1 || seeds > 1_000_000) throw new SpecException("--seeds must be between 1 and 1000000, not " + seeds);
    if (baseline < 0 || baseline > 1_000_000) throw new SpecException("--baseline-seeds must be between 0 and 1000000, not " + baseline);
    return new Selftest.Plan(chosen, firstSeed, seeds, baseline, threads);
  }

  /** The run a scenario's options describe, read as 'explore' reads them. */
  static RunSpec spec(Scenario s) {
    ExploreCommand explore = new ExploreCommand();
    CommandLine cl = new CommandLine(explore);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    List<String> args = new ArrayList<>(s.args());
    args.addAll(List.of("--first-seed", "0", "--seeds", "1"));
    cl.parseArgs(args.toArray(String[]::new));
    return explore.plan().base();
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Selftest.Plan plan = plan();
    if (list) {
      for (Mutant m : plan.mutants()) {
        out.printf(Locale.ROOT, "%-32s %s (%s); scenario %s%n", m.cliName(), m.bug(), m.site(), Catalogue.scenario(m).name());
      }
      out.flush();
      return 0;
    }
    Selftest selftest = new Selftest(plan, SelftestCommand::spec);
    selftest.validate();
    err.printf(Locale.ROOT, "quorumlab selftest: %d mutant%s x %d seeds, %d seeds per scenario unmutated, from seed %d, %d at once%n",
        plan.mutants().size(), plan.mutants().size() == 1 ? "" : "s", plan.seeds(), plan.baselineSeeds(), plan.firstSeed(), plan.threads());
    err.flush();
    Selftest.Result result;
    try (Interrupts interrupts = Interrupts.install(err, selftest::interrupt); Progress progress = new Progress(err)) {
      result = selftest.run(progress);
    }
    new SelftestTable(plan).print(out, result);
    out.flush();
    return result.exitCode();
  }

  /** One progress bar per exploration. */
  private static final class Progress implements Selftest.Listener, AutoCloseable {
    private final PrintWriter err;
    private ExploreProgress bar;

    Progress(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void starting(Mutant mutant, Scenario scenario, long seeds) {
      close();
      bar = new ExploreProgress(err, System.console() != null, mutant == null ? "unmutated " + scenario.name() : mutant.cliName(), seeds);
    }

    @Override
    public void finished(SeedOutcome outcome, long done, long failures) {
      bar.step(done, failures);
    }

    @Override
    public void close() {
      if (bar != null) bar.close();
      bar = null;
    }
  }

  /** The table selftest prints. */
  static final class SelftestTable {
    private final Selftest.Plan plan;

    SelftestTable(Selftest.Plan plan) {
      this.plan = plan;
    }

    void print(PrintWriter out, Selftest.Result r) {
      out.println();
      out.println("| mutant | scenario | detected | rate [95% Wilson] | median seeds | median sim s | caught by | first detection |");
      out.println("|---|---|---:|---|---:|---:|---|---|");
      for (Map.Entry<Mutant, Detections> e : r.mutants().entrySet()) {
        Detections d = e.getValue();
        out.printf(Locale.ROOT, "| %s | %s | %d/%d | %s | %s | %s | %s | %s |%n", e.getKey().cliName(), Catalogue.scenario(e.getKey()).name(),
            d.detected(), d.seeds(), d.rate(), number(d.medianSeedsToDetection()), number(d.medianSimulatedSecondsToDetection()),
            caughtBy(d), d.first().map(f -> "seed " + f.seed()).orElse("NOT CAUGHT"));
      }
      if (!r.mutants().isEmpty()) {
        out.println();
        out.println("replay (a mutant cannot be switched on from 'run'; this reruns that one seed with it):");
        r.mutants().forEach((m, d) -> d.first().ifPresent(f -> out.printf(Locale.ROOT, "  %-32s ./quorumlab selftest --mutant %s --first-seed %d --seeds 1 --baseline-seeds 0%n",
            m.cliName(), m.cliName(), f.seed())));
      }
      if (!r.baseline().isEmpty()) {
        out.println();
        out.println("the store as written:");
        for (Map.Entry<Scenario, ExploreResult> e : r.baseline().entrySet()) {
          ExploreResult x = e.getValue();
          out.printf(Locale.ROOT, "  %-28s %d seeds, %d failing, %d unknown (%s)  ./quorumlab explore --first-seed %d --seeds %d --all %s%n",
              e.getKey().name(), x.seedsRun(), x.failures().size(), x.unknowns().size(), x.failureRate(), plan.firstSeed(), x.seedsRun(),
              e.getKey().argsText());
          x.outcomes().stream().filter(o -> o.verdict() != io.quorumlab.checkers.Verdict.VALID).limit(10)
              .forEach(o -> out.println("    " + ExploreCommand.seedLine(o).replace("\n", "\n    ")));
        }
      }
      out.println();
      List<Mutant> missed = r.missed();
      List<Scenario> failed = r.baselineFailures();
      out.println("exit " + r.exitCode() + (r.exitCode() == 0 ? " (every mutant caught" + (r.baseline().isEmpty() ? ")" : "; the store as written valid in every seed)")
          : (missed.isEmpty() ? "" : " not caught: " + missed.stream().map(Mutant::cliName).toList())
              + (failed.isEmpty() ? "" : " the store as written failed in: " + failed.stream().map(Scenario::name).toList())
              + (r.interrupted() ? " (interrupted)" : "")));
    }

    private static String caughtBy(Detections d) {
      return d.caughtBy().isEmpty() ? "-" : String.join(", ", d.caughtBy().keySet().stream().limit(2).toList());
    }

    private static String number(OptionalDouble v) {
      if (v.isEmpty()) return "-";
      double x = v.getAsDouble();
      return x == Math.rint(x) ? String.format(Locale.ROOT, "%d", (long) x) : String.format(Locale.ROOT, "%.1f", x);
    }
  }
}
