package io.quorumlab.harness.compare;

import io.quorumlab.harness.gate.Judgement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The columns of {@code compare --seeds}, shared by the console, markdown and HTML tables. */
final class SeedTable {
  private SeedTable() {}

  static List<TextTable.Column<SeedRow>> columns(boolean forConsole) {
    List<TextTable.Column<SeedRow>> cols = new ArrayList<>();
    cols.add(new TextTable.Column<>("config", SeedRow::name, false));
    if (!forConsole) cols.add(new TextTable.Column<>("settings", SeedRow::settings, false));
    cols.add(new TextTable.Column<>("W+R>N", r -> overlap(r) ? "yes" : "no", false));
    cols.add(new TextTable.Column<>("failing seeds (95% CI)", r -> r.failing().k() + "/" + r.failing().n() + " " + r.failing(), true));
    cols.add(new TextTable.Column<>("verdict", SeedTable::verdict, false));
    cols.add(new TextTable.Column<>("anomaly classes: share of seeds (95% CI)", r -> classes(r, "; "), false));
    cols.add(new TextTable.Column<>("unknown", r -> Long.toString(r.unknown()), true));
    cols.add(new TextTable.Column<>("read p50 ms", r -> ms(r.readP50()), true));
    cols.add(new TextTable.Column<>("write p50 ms", r -> ms(r.writeP50()), true));
    cols.add(new TextTable.Column<>("first failing seed", r -> r.firstFailure().map(f -> Long.toString(f.seed())).orElse("-"), true));
    return cols;
  }

  static boolean overlap(SeedRow r) {
    return r.spec().store().w() + r.spec().store().r() > r.spec().store().n();
  }

  static String verdict(SeedRow r) {
    Judgement j = r.judgement();
    String v = r.verdict().wireName();
    return j == null ? v : v + " (expect " + r.expect().wireName() + ": " + (j.passed() ? "PASS" : "FAIL") + ")";
  }

  static String classes(SeedRow r, String separator) {
    if (r.classes().isEmpty()) return "none";
    return r.classes().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(separator));
  }

  static String ms(double v) {
    return Double.isNaN(v) ? "-" : Cells.ms(v);
  }

  static String header(SeedCompareResult result) {
    var s = result.plan().base();
    return String.format(Locale.ROOT, "%s workload, nemesis %s every %s s, %s s of load at %s from %d processes, %d sim nodes, "
            + "seeds %d..%d for every configuration (%d each); latencies in simulated ms, the median over seeds of each seed's p50",
        s.workload(), s.nemesis().text(), Cells.number(s.nemesis().intervalSeconds()), Cells.number(s.load().timeLimitSeconds()),
        s.load().rate() > 0 ? String.format(Locale.ROOT, "%.0f ops/s", s.load().rate()) : "full speed", s.load().concurrency(), s.nodes(),
        result.firstSeed(), result.lastSeed(), result.seeds());
  }

  static String console(SeedCompareResult result) {
    return TextTable.console(columns(true), result.rows());
  }

  static String markdown(SeedCompareResult result) {
    StringBuilder b = new StringBuilder("# quorumlab compare --seeds: ").append(result.workload()).append("\n\n");
    b.append(header(result)).append(result.interrupted() ? ". Interrupted: only configurations that ran every seed are shown." : ".")
        .append("\n\n").append(TextTable.markdown(columns(false), result.rows()));
    b.append("\n").append(NOTE).append('\n');
    if (result.plan().gated()) {
      b.append("\nGate (exit code ").append(result.exitCode()).append("):\n\n");
      for (SeedRow r : result.rows()) {
        if (r.judgement() != null) b.append("- ").append(r.name()).append(": ").append(r.judgement().line()).append('\n');
      }
    }
    return b.toString();
  }

  static final String NOTE = "Shares are of seeds: a seed shows a class when its checkers found at least one anomaly of it. "
      + "The interval is the 95% Wilson score interval of that share (at 0 of K seeds its upper end is what K seeds "
      + "without a failure still allow). A seed is run with the same ops and faults for every configuration.";
}
