package io.quorumlab.harness.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quorumlab.results.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code quorumlab bench} measured: JMH's JSON ({@code -rf json}) of the quorum-latency
 * benchmark, read back as {@link BenchRow}s, and the markdown table written next to it.
 */
public record BenchResults(Path file, List<BenchRow> rows) {
  /** The JMH result file in a bench directory. */
  public static final String JMH_JSON = "jmh.json";
  public static final String MARKDOWN = "bench.md";
  private static final ObjectMapper JSON = new ObjectMapper();

  public BenchResults {
    rows = List.copyOf(rows);
  }

  /**
   * Finds a bench result: {@code latest} (or null) is {@code outRoot/bench/latest}; otherwise a
   * bench directory or the JSON file itself.
   */
  public static BenchResults locate(String where, Path outRoot) throws IOException {
    Path p;
    if (where == null || where.isBlank() || where.equals(RunDirectory.LATEST)) {
      try {
        p = RunDirectory.latest(outRoot.resolve("bench"));
      } catch (IOException e) {
        throw new IOException("no benchmark results under " + outRoot.resolve("bench") + " (run 'quorumlab bench' first)");
      }
    } else {
      p = Path.of(where);
    }
    return read(Files.isDirectory(p) ? p.resolve(JMH_JSON) : p);
  }

  /** Reads a JMH JSON result; benchmarks other than the quorum-latency one are skipped. */
  public static BenchResults read(Path file) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw new IOException("no benchmark results at " + file);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException(file + " is not JMH JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isArray()) throw new IOException(file + " is not JMH JSON (expected an array of results)");
    List<BenchRow> rows = new ArrayList<>();
    for (JsonNode b : root) {
      JsonNode params = b.path("params");
      if (!params.has("config") || !params.has("conflicts")) continue;
      String name = b.path("benchmark").asText();
      String op = name.substring(name.lastIndexOf('.') + 1);
      ConfigSpec c = ConfigParser.parse(params.path("config").asText());
      JsonNode m = b.path("primaryMetric");
      JsonNode pct = m.path("scorePercentiles");
      double scale = toMillis(m.path("scoreUnit").asText("ms/op"));
      rows.add(new BenchRow(op, c.text(), c.n(), c.w(), c.r(), params.path("conflicts").asText(), params.path("fault").asText("none"),
          samples(m), pct.path("50.0").asDouble() * scale, pct.path("90.0").asDouble() * scale, pct.path("95.0").asDouble() * scale,
          pct.path("99.0").asDouble() * scale, pct.path("99.9").asDouble() * scale, pct.path("100.0").asDouble() * scale));
    }
    if (rows.isEmpty()) throw new IOException(file + " holds no quorum-latency results (benchmarks with config and conflicts parameters)");
    rows.sort(Comparator.comparing(BenchRow::fault).thenComparing(BenchRow::conflicts).thenComparingInt(BenchRow::n)
        .thenComparingInt(BenchRow::w).thenComparingInt(BenchRow::r).thenComparing(BenchRow::op));
    return new BenchResults(file, rows);
  }

  /** The fault-free (or {@code fault}) measurement of {@code op} for this N/W/R and conflict mode. */
  public Optional<BenchRow> find(String op, int n, int w, int r, String conflicts, String fault) {
    return rows.stream().filter(b -> b.op().equals(op) && b.n() == n && b.w() == w && b.r() == r
        && b.conflicts().equalsIgnoreCase(conflicts) && b.fault().equals(fault)).findFirst();
  }

  /** The table as markdown, one row per configuration, operation and fault. */
  public String markdown(String title) {
    StringBuilder s = new StringBuilder();
    s.append("| N/W/R | conflicts | replica | op | samples | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms |\n");
    s.append("|---|---|---|---|---:|---:|---:|---:|---:|---:|\n");
    for (BenchRow b : rows) {
      s.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %,d | %s | %s | %s | %s | %s |%n", b.config(), b.conflicts(),
          faultText(b.fault()), b.op(), b.samples(), ms(b.p50()), ms(b.p90()), ms(b.p99()), ms(b.p999()), ms(b.max())));
    }
    return (title == null ? "" : title + "\n\n") + s;
  }

  /** The same table for a console. */
  public String text() {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-8s %-9s %-12s %-4s %9s %8s %8s %8s %9s %8s%n", "N/W/R", "conflicts",
        "replica", "op", "samples", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms"));
    for (BenchRow b : rows) {
      s.append(String.format(Locale.ROOT, "%-8s %-9s %-12s %-4s %,9d %8s %8s %8s %9s %8s%n", b.config(), b.conflicts(), faultText(b.fault()),
          b.op(), b.samples(), ms(b.p50()), ms(b.p90()), ms(b.p99()), ms(b.p999()), ms(b.max())));
    }
    return s.toString();
  }

  static String faultText(String fault) {
    return switch (fault) {
      case "none" -> "all healthy";
      case "slow" -> "one slowed";
      default -> fault;
    };
  }

  static String ms(double v) {
    if (v == 0) return "0";
    if (v < 10) return String.format(Locale.ROOT, "%.2f", v);
    if (v < 100) return String.format(Locale.ROOT, "%.1f", v);
    return String.format(Locale.ROOT, "%.0f", v);
  }

  private static long samples(JsonNode metric) {
    long n = 0;
    for (JsonNode fork : metric.path("rawDataHistogram")) {
      for (JsonNode iteration : fork) {
        for (JsonNode bucket : iteration) n += bucket.path(1).asLong();
      }
    }
    return n;
  }

  private static double toMillis(String unit) {
    String u = unit.toLowerCase(Locale.ROOT);
    if (u.startsWith("ns")) return 1e-6;
    if (u.startsWith("us")) return 1e-3;
    if (u.startsWith("ms")) return 1;
    if (u.startsWith("s/")) return 1e3;
    return 1;
  }
}
