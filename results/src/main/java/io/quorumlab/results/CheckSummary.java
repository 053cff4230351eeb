package io.quorumlab.results;

import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One checker's result as stored in results.json.
 *
 * @param anomalies anomaly type to count, sorted by type
 * @param artifacts files the checker wrote, relative to the run directory, with '/' separators
 *     (absolute when outside the run directory)
 */
public record CheckSummary(
    String name,
    Verdict verdict,
    String summary,
    List<String> explanation,
    Map<String, Long> anomalies,
    Map<String, Object> details,
    List<String> artifacts) {

  public CheckSummary {
    explanation = explanation == null ? List.of() : List.copyOf(explanation);
    anomalies = anomalies == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(anomalies));
    details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
  }

  /** Converts a checker's result, making its artifact paths relative to {@code runDir}. */
  public static CheckSummary of(CheckResult r, Path runDir) {
    List<String> arts = new ArrayList<>();
    for (Path p : r.artifacts()) arts.add(relative(p, runDir));
    return new CheckSummary(r.checker(), r.verdict(), r.summary(), r.explanation(), r.anomalies(), r.details(), arts);
  }

  static String relative(Path artifact, Path runDir) {
    Path root = runDir.toAbsolutePath().normalize();
    Path abs;
    if (artifact.isAbsolute()) {
      abs = artifact.normalize();
    } else if (Files.exists(runDir.resolve(artifact))) {
      abs = root.resolve(artifact).normalize();
    } else {
      abs = artifact.toAbsolutePath().normalize();
    }
    Path shown = abs.startsWith(root) ? root.relativize(abs) : abs;
    return RunDirectory.slashes(shown);
  }
}
