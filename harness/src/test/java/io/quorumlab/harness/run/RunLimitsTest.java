package io.quorumlab.harness.run;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorumlab.harness.SpecException;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** A spec beyond what a machine can run is refused before anything starts, naming the limit (issue 18). */
class RunLimitsTest {
  private static final RunSpec OK = RunSpec.defaults(1);

  private record Case(UnaryOperator<RunSpec> change, String message) {}

  @Test
  void specsBeyondTheLimitsAreRefusedWithTheLimitInTheMessage() {
    List<Case> cases = List.of(
        new Case(s -> s.withBackend("local", 300), "--nodes must be between 1 and 16"),
        new Case(s -> s.withBackend("docker", 17), "--nodes must be between 1 and 16"),
        new Case(s -> s.withLoad(1e300, 100, 30), "--time-limit must be a positive number of seconds up to 86400"),
        new Case(s -> s.withLoad(Double.NaN, 100, 30), "not NaN"),
        new Case(s -> s.withLoad(60, Double.NaN, 30), "--rate must be 0 (as fast as the processes can) or up to 100000"),
        new Case(s -> s.withLoad(60, Double.POSITIVE_INFINITY, 30), "--rate must be 0"),
        new Case(s -> s.withLoad(60, 1e7, 30), "--rate must be 0"),
        new Case(s -> s.withNemesis("partition", 1e-12), "--nemesis-interval must be between 0.1 and 86400 seconds, not 1.0E-12"),
        new Case(s -> s.withNemesis("partition", 1e300), "--nemesis-interval must be between 0.1 and 86400 seconds"),
        new Case(s -> s.withNemesis("partition", Double.NaN), "--nemesis-interval must be between"),
        new Case(s -> s.withQuiesce(Double.NaN), "--quiesce must be between 0 and 3600 seconds, not NaN"),
        new Case(s -> s.withQuiesce(Double.POSITIVE_INFINITY), "--quiesce must be between 0 and 3600 seconds, not Infinity"));
    for (Case c : cases) {
      RunSpec bad = c.change().apply(OK);
      assertThatThrownBy(() -> Runner.validate(bad)).as(bad.toString()).isInstanceOf(SpecException.class)
          .hasMessageContaining(c.message());
    }
  }

  @Test
  void theLimitsThemselvesAreAccepted() {
    assertThatCode(() -> Runner.validate(OK.withBackend("local", 16).withLoad(86_400, 100_000, 1000).withNemesis("partition", 0.1)
        .withQuiesce(3600))).doesNotThrowAnyException();
    assertThatCode(() -> Runner.validate(OK.withLoad(0.5, 0, 1).withNemesis("partition", 86_400).withQuiesce(0)))
        .doesNotThrowAnyException();
  }
}
