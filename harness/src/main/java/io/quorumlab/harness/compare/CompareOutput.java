package io.quorumlab.harness.compare;

import io.quorumlab.results.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;

/**
 * Writes a comparison's directory, {@code <runs>/compare/<timestamp>/} with {@code compare.json},
 * {@code compare.md} and {@code compare.html}, and points {@code <runs>/compare/latest} at it.
 */
public final class CompareOutput {
  public static final String JSON = "compare.json";
  public static final String MARKDOWN = "compare.md";
  public static final String HTML = "compare.html";

  private CompareOutput() {}

  /** @return the new directory */
  public static Path write(CompareResult result) throws IOException {
    Path root = result.plan().outRoot().resolve("compare");
    Path dir = RunDirectory.create(result.plan().outRoot(), "compare", LocalDateTime.now(), false);
    // RunDirectory makes a nodes/ directory for a run's node logs; a comparison has none.
    Files.deleteIfExists(dir.resolve(RunDirectory.NODES));
    writeTo(result, dir);
    RunDirectory.pointLatest(root, dir);
    return dir;
  }

  static void writeTo(CompareResult result, Path dir) throws IOException {
    CompareJson.write(result, dir, dir.resolve(JSON));
    Files.writeString(dir.resolve(MARKDOWN), markdown(result, dir));
    Files.writeString(dir.resolve(HTML), CompareHtml.page(result, dir));
  }

  /** The table for the console: fixed-width columns, no links (the progress lines named the reports). */
  public static String console(CompareResult result) {
    return CompareTable.console(result);
  }

  static String markdown(CompareResult result, Path dir) {
    StringBuilder b = new StringBuilder();
    b.append("# quorumlab compare: ").append(result.workload()).append("\n\n");
    b.append(CompareTable.header(result)).append(result.interrupted() ? " Interrupted: only finished runs are shown." : "").append("\n\n");
    b.append(CompareTable.markdown(result, dir));
    b.append("\nAvailability: ok/fail/info shares of the ops that overlapped a fault, and of the others. Latency: ok ops, ms.\n");
    if (result.plan().gated()) {
      b.append("\nGate (exit code ").append(result.exitCode()).append("):\n\n");
      for (CompareRow r : result.rows()) {
        if (r.judgement() != null) b.append("- ").append(r.name()).append(": ").append(r.judgement().line()).append('\n');
      }
    }
    return b.toString();
  }
}
