package io.quorumlab.harness.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WilsonTest {
  /** Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table I, method 3 (Wilson score). */
  @Test
  void matchesNewcombesPublishedIntervals() {
    assertInterval(Wilson.of95(81, 263), 0.2553, 0.3662);
    assertInterval(Wilson.of95(15, 148), 0.0624, 0.1605);
    assertInterval(Wilson.of95(0, 20), 0.0000, 0.1611);
    assertInterval(Wilson.of95(1, 29), 0.0061, 0.1718);
  }

  @Test
  void noFailureStillAllowsARateUpToTheUpperBoundAndAllFailuresReachOne() {
    Wilson.Interval none = Wilson.of95(0, 1000);
    assertThat(none.low()).isZero();
    assertThat(none.high()).isCloseTo(0.0038, within(1e-4));
    Wilson.Interval all = Wilson.of95(10, 10);
    assertThat(all.high()).isEqualTo(1.0);
    assertThat(all.low()).isCloseTo(0.7225, within(1e-4));
    assertThat(Wilson.of95(5, 10).toString()).isEqualTo("50.0% [23.7, 76.3]");
  }

  @Test
  void refusesMoreSuccessesThanTrials() {
    assertThatThrownBy(() -> Wilson.of95(3, 2)).isInstanceOf(IllegalArgumentException.class);
  }

  private static void assertInterval(Wilson.Interval i, double low, double high) {
    assertThat(i.low()).isCloseTo(low, within(5e-5));
    assertThat(i.high()).isCloseTo(high, within(5e-5));
  }
}
