package io.quorumlab.checkers;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A checker's result.
 *
 * @param checker the checker's name
 * @param verdict valid, invalid or unknown
 * @param summary one line for the console
 * @param explanation lines a person can follow (often empty when valid; a valid result may still
 *     explain what looked like an anomaly and is not)
 * @param anomalies anomaly type to count ("stale-read" 3, "G2-item" 1, "nonlinearizable-key" 2);
 *     used by reports and comparison tables
 * @param details the full result as plain JSON-able data (maps, lists, strings, numbers)
 * @param artifacts files the checker wrote (HTML timelines, .dot/.svg)
 */
public record CheckResult(
    String checker,
    Verdict verdict,
    String summary,
    List<String> explanation,
    Map<String, Long> anomalies,
    Map<String, Object> details,
    List<Path> artifacts) {

  /**
   * The result when there is nothing to judge (no operations, or none this checker can check):
   * unknown, never valid, with the reason, as Elle reports an empty transaction graph.
   *
   * @param reason what is missing, e.g. "the history has no operations"
   */
  public static CheckResult nothingToCheck(String checker, String reason) {
    return new CheckResult(checker, Verdict.UNKNOWN, "nothing to check: " + reason, List.of(), Map.of(),
        Map.of("nothing-to-check", reason), List.of());
  }

  public CheckResult {
    explanation = List.copyOf(explanation);
    anomalies = Map.copyOf(anomalies);
    details = details == null ? Map.of() : details;
    artifacts = List.copyOf(artifacts);
  }
}
