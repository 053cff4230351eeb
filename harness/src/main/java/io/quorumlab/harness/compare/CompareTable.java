package io.quorumlab.harness.compare;

import io.quorumlab.harness.gate.Judgement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The comparison's columns, shared by the markdown, HTML and console tables so that they always
 * agree. The report link is the last column (markdown and HTML only).
 */
final class CompareTable {
  static final String REPORT = "report";

  private CompareTable() {}

  static List<TextTable.Column<CompareRow>> columns(CompareResult result, boolean forConsole) {
    List<TextTable.Column<CompareRow>> cols = new ArrayList<>();
    cols.add(new TextTable.Column<>("config", CompareRow::name, false));
    if (!forConsole) cols.add(new TextTable.Column<>("settings", CompareRow::settings, false));
    cols.add(new TextTable.Column<>("W+R>N", r -> Cells.overlap(r).substring(0, Cells.overlap(r).indexOf(' ')), false));
    cols.add(new TextTable.Column<>(result.plan().repeat() > 1 ? "verdict (runs)" : "verdict", CompareTable::verdict, false));
    cols.add(new TextTable.Column<>("anomalies" + (result.plan().repeat() > 1 ? " (median)" : ""), r -> Cells.anomalies(r.anomalies()), false));
    cols.add(new TextTable.Column<>("during faults ok/fail/info", r -> Cells.availability(r.duringFaults()), true));
    cols.add(new TextTable.Column<>("outside faults ok/fail/info", r -> Cells.availability(r.outsideFaults()), true));
    cols.add(new TextTable.Column<>("read ms p50/p95/p99/p99.9", r -> Cells.latency(r.readLatency()), true));
    cols.add(new TextTable.Column<>("write ms p50/p95/p99/p99.9", r -> Cells.latency(r.writeLatency()), true));
    cols.add(new TextTable.Column<>("ok ops/s", r -> Cells.throughput(r.throughput()), true));
    BenchResults bench = result.bench();
    if (bench != null) {
      cols.add(new TextTable.Column<>("bench get ms p50/p99", r -> Cells.bench(bench, r, "get", "none"), true));
      cols.add(new TextTable.Column<>("bench put ms p50/p99", r -> Cells.bench(bench, r, "put", "none"), true));
      cols.add(new TextTable.Column<>("bench put ms p50/p99, one replica slow", r -> Cells.bench(bench, r, "put", "slow"), true));
    }
    return cols;
  }

  static String verdict(CompareRow r) {
    Judgement j = r.judgement();
    if (j == null) return r.verdictText();
    return r.verdictText() + " (expect " + r.expect().wireName() + ": " + (j.passed() ? "PASS" : "FAIL") + ")";
  }

  /** Fixed-width text for the console, the run directories listed below it. */
  static String console(CompareResult result) {
    return TextTable.console(columns(result, true), result.rows());
  }

  /** The markdown table, with a last column linking each row's run reports. */
  static String markdown(CompareResult result, Path compareDir) {
    List<TextTable.Column<CompareRow>> cols = new ArrayList<>(columns(result, false));
    cols.add(new TextTable.Column<>(REPORT, row -> {
      List<String> links = new ArrayList<>();
      for (int i = 0; i < row.runs().size(); i++) {
        String label = row.runs().size() == 1 ? "report" : "seed " + row.runs().get(i).seed();
        links.add("[" + label + "](" + CompareResult.link(compareDir, row.runs().get(i).runDir()) + ")");
      }
      return String.join(" ", links);
    }, false));
    return TextTable.markdown(cols, result.rows());
  }

  static String header(CompareResult result) {
    var s = result.plan().base();
    return String.format(Locale.ROOT, "%s workload, nemesis %s every %s s, %s s of load at %s from %d processes, %d %s nodes, seed %d%s",
        s.workload(), s.nemesis().text(), Cells.number(s.nemesis().intervalSeconds()), Cells.number(s.load().timeLimitSeconds()),
        s.load().rate() > 0 ? String.format(Locale.ROOT, "%.0f ops/s", s.load().rate()) : "full speed", s.load().concurrency(),
        s.nodes(), s.backend(),
        s.seed(), result.plan().repeat() > 1 ? " (rounds use seeds " + s.seed() + ".." + result.plan().seed(result.plan().repeat() - 1)
            + "; numbers are medians over runs, availability over all ops)" : "");
  }
}
