package io.quorumlab.harness.cluster.ssh;

import io.quorumlab.harness.testing.DockerCondition;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class that needs the ssh host image (after a Docker engine: put it after
 * {@code @RequiresDocker}). Without the image it is skipped with a visible message, unless
 * {@code QUORUMLAB_REQUIRE_DOCKER=true} (CI, which builds it), where it fails instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresSshHosts.Condition.class)
@interface RequiresSshHosts {
  final class Condition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      if (SshHostContainers.imagePresent()) return ConditionEvaluationResult.enabled("the ssh host image is there");
      String problem = "the ssh host image " + SshHostContainers.image() + " is missing: build it with scripts/build-ssh-host-image.sh";
      if ("true".equalsIgnoreCase(System.getenv(DockerCondition.REQUIRE_ENV))) {
        throw new IllegalStateException(DockerCondition.REQUIRE_ENV + "=true but " + problem);
      }
      System.err.println("[WARNING] SKIPPED ssh tests " + context.getDisplayName() + ": " + problem);
      return ConditionEvaluationResult.disabled(problem);
    }
  }
}
