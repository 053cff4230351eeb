package io.quorumlab.harness.testing;

import io.quorumlab.harness.cluster.docker.DockerEngine;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** See {@link RequiresDocker}. */
public final class DockerCondition implements ExecutionCondition {
  public static final String REQUIRE_ENV = "QUORUMLAB_REQUIRE_DOCKER";

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Optional<String> problem = DockerEngine.unavailableReason();
    if (problem.isEmpty()) return ConditionEvaluationResult.enabled("a Docker engine answers");
    if ("true".equalsIgnoreCase(System.getenv(REQUIRE_ENV))) {
      throw new IllegalStateException(REQUIRE_ENV + "=true but " + problem.get());
    }
    String msg = "SKIPPED docker tests " + context.getDisplayName() + ": " + problem.get();
    // Surefire reports skips quietly; say it where a developer sees it.
    System.err.println("[WARNING] " + msg);
    return ConditionEvaluationResult.disabled(msg);
  }
}
