package io.quorumlab.harness.run;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorumlab.harness.SpecException;
import io.quorumlab.harness.nemesis.NemesisPlan;
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
        new Case(s -> load(s, 1e300, 100, 30), "--time-limit must be a positive number of seconds up to 86400"),
        new Case(s -> load(s, Double.NaN, 100, 30), "not NaN"),
        new Case(s -> load(s, 60, Double.NaN, 30), "--rate must be 0 (as fast as the processes can) or up to 100000"),
        new Case(s -> load(s, 60, Double.POSITIVE_INFINITY, 30), "--rate must be 0"),
        new Case(s -> load(s, 60, 1e7, 30), "--rate must be 0"),
        new Case(s -> nemesis(s, 1e-12), "--nemesis-interval must be between 0.1 and 86400 seconds, not 1.0E-12"),
        new Case(s -> nemesis(s, 1e300), "--nemesis-interval must be between 0.1 and 86400 seconds"),
        new Case(s -> nemesis(s, Double.NaN), "--nemesis-interval must be between"),
        new Case(s -> quiesce(s, Double.NaN), "--quiesce must be between 0 and 3600 seconds, not NaN"),
        new Case(s -> quiesce(s, Double.POSITIVE_INFINITY), "--quiesce must be between 0 and 3600 seconds, not Infinity"));
    for (Case c : cases) {
      assertThatThrownBy(() -> Runner.validate(c.change().apply(OK))).as(c.message()).isInstanceOf(SpecException.class)
          .hasMessageContaining(c.message());
    }
  }

  @Test
  void theLimitsThemselvesAreAccepted() {
    assertThatCode(() -> Runner.validate(quiesce(nemesis(load(OK.withBackend("local", 16), 86_400, 100_000, 1000), 0.1), 3600)))
        .doesNotThrowAnyException();
    assertThatCode(() -> Runner.validate(quiesce(nemesis(load(OK, 0.5, 0, 1), 86_400), 0))).doesNotThrowAnyException();
  }

  private static RunSpec load(RunSpec s, double timeLimit, double rate, int concurrency) {
    LoadSpec l = s.load();
    return s.withLoad(new LoadSpec(l.workload(), timeLimit, rate, concurrency, l.quiesceSeconds()));
  }

  private static RunSpec nemesis(RunSpec s, double interval) {
    return s.withNemesis(NemesisPlan.of("partition", interval));
  }

  private static RunSpec quiesce(RunSpec s, double seconds) {
    return s.withLoad(s.load().withQuiesce(seconds));
  }
}
