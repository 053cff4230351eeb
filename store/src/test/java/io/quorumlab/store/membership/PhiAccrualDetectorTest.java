package io.quorumlab.store.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.quorumlab.store.membership.PhiAccrualDetector.Distribution;
import io.quorumlab.store.membership.PhiAccrualDetector.Settings;
import org.junit.jupiter.api.Test;

class PhiAccrualDetectorTest {
  private static final Settings DEFAULTS = GossipConfig.defaults().detectorSettings();

  @Test
  void samplesThatWouldNotFitTheWindowsIntsAreRefusedUpFront() {
    assertThatThrownBy(() -> new Settings(8, 100, 200, 3000, 1000, Integer.MAX_VALUE + 1L, Distribution.NORMAL))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Settings(8, 100, 200, 3000, Integer.MAX_VALUE / 2 + 1L, 4000, Distribution.NORMAL))
        .isInstanceOf(IllegalArgumentException.class);
    // The largest accepted: a window seeded and fed with them keeps them exactly.
    Settings widest = new Settings(8, 100, 200, 3000, Integer.MAX_VALUE / 2, Integer.MAX_VALUE, Distribution.NORMAL);
    PhiAccrualDetector detector = new PhiAccrualDetector(widest);
    detector.heartbeat("p", 0);
    detector.heartbeat("p", Integer.MAX_VALUE);
    assertThat(detector.meanIntervalMs("p")).isEqualTo((2.0 * (Integer.MAX_VALUE / 2) + Integer.MAX_VALUE) / 3, within(1e-6));
  }

  private static PhiAccrualDetector regular(Settings settings, long interval, int beats) {
    PhiAccrualDetector detector = new PhiAccrualDetector(settings);
    for (int i = 0; i < beats; i++) {
      detector.heartbeat("p", i * interval);
    }
    return detector;
  }

  @Test
  void unknownPeerIsNotSuspected() {
    PhiAccrualDetector detector = new PhiAccrualDetector(DEFAULTS);
    assertThat(detector.phi("ghost", 1_000_000)).isZero();
    assertThat(detector.isAvailable("ghost", 1_000_000)).isTrue();
    assertThat(detector.silenceToConvictMs("ghost")).isEqualTo(-1);
  }

  @Test
  void phiGrowsWithSilenceAndCrossesTheThresholdExactlyAtTheStatedBound() {
    PhiAccrualDetector detector = regular(DEFAULTS, 1000, 200);
    long last = 199 * 1000;
    long bound = detector.silenceToConvictMs("p");
    // Perfectly regular 1 s heartbeats: mean 1000 (+3000 pause), std-dev floored at 200 ms,
    // phi 8 is reached 5.23 std-devs after that: about 5045 ms of silence.
    assertThat(bound).isBetween(5000L, 5100L);
    double previous = -1;
    for (long silence = 0; silence <= 8000; silence += 250) {
      double phi = detector.phi("p", last + silence);
      assertThat(phi).isGreaterThanOrEqualTo(previous);
      previous = phi;
    }
    assertThat(detector.phi("p", last + 1000)).isLessThan(0.01);
    assertThat(detector.isAvailable("p", last + bound - 1)).isTrue();
    assertThat(detector.isAvailable("p", last + bound)).isFalse();
  }

  @Test
  void jitterWidensTheDistributionAndDelaysConviction() {
    PhiAccrualDetector steady = regular(DEFAULTS, 1000, 200);
    PhiAccrualDetector jittery = new PhiAccrualDetector(DEFAULTS);
    long t = 0;
    for (int i = 0; i < 200; i++) {
      t += (i % 2 == 0) ? 400 : 1600;
      jittery.heartbeat("p", t);
    }
    assertThat(jittery.meanIntervalMs("p")).isCloseTo(1000, within(5.0));
    assertThat(jittery.stdDevMs("p")).isCloseTo(600, within(10.0));
    assertThat(jittery.silenceToConvictMs("p")).isGreaterThan(steady.silenceToConvictMs("p") + 2000);
  }

  @Test
  void gapsLongerThanTheMaximumSampleAreNotLearnt() {
    PhiAccrualDetector detector = regular(DEFAULTS, 1000, 100);
    double meanBefore = detector.meanIntervalMs("p");
    detector.heartbeat("p", 99_000 + 60_000);
    assertThat(detector.meanIntervalMs("p")).isEqualTo(meanBefore);
    assertThat(detector.lastHeartbeat("p")).hasValue(159_000);
  }

  @Test
  void aLocalPauseRestartsEverySilence() {
    PhiAccrualDetector detector = regular(DEFAULTS, 1000, 100);
    long resumedAt = 99_000 + 30_000;
    assertThat(detector.isAvailable("p", resumedAt)).isFalse();
    detector.forgiveLocalPause(resumedAt);
    assertThat(detector.isAvailable("p", resumedAt)).isTrue();
    assertThat(detector.isAvailable("p", resumedAt + detector.silenceToConvictMs("p"))).isFalse();
  }

  @Test
  void removeForgetsThePeer() {
    PhiAccrualDetector detector = regular(DEFAULTS, 1000, 10);
    detector.remove("p");
    assertThat(detector.lastHeartbeat("p")).isEmpty();
    assertThat(detector.phi("p", 1_000_000)).isZero();
  }

  @Test
  void firstHeartbeatIsSeededWithTheExpectedInterval() {
    PhiAccrualDetector detector = new PhiAccrualDetector(DEFAULTS);
    detector.heartbeat("p", 5_000);
    assertThat(detector.meanIntervalMs("p")).isEqualTo(1000.0);
    assertThat(detector.stdDevMs("p")).isEqualTo(250.0);
    assertThat(detector.isAvailable("p", 5_000 + 4_000)).isTrue();
    assertThat(detector.isAvailable("p", 5_000 + 10_000)).isFalse();
  }

  @Test
  void exponentialModelMatchesCassandrasFormula() {
    Settings exponential = GossipConfig.defaults().withDistribution(Distribution.EXPONENTIAL).detectorSettings();
    PhiAccrualDetector detector = regular(exponential, 1000, 200);
    long last = 199_000;
    // phi = (silence - pause) / (mean * ln 10): phi 1 after 3000 + 2303 ms.
    assertThat(detector.phi("p", last + 3000 + 2303)).isCloseTo(1.0, within(0.001));
    assertThat(detector.silenceToConvictMs("p")).isCloseTo(3000 + 18_421, within(2L));
  }

  @Test
  void availabilityIsExactlyPhiBelowTheThresholdForEveryModelAndThreshold() {
    for (Distribution model : Distribution.values()) {
      // Thresholds below, at and above the phi of a silence equal to the expected gap (log10 2).
      for (double threshold : new double[] {0.1, PhiAccrualDetector.PHI_AT_MEAN, 0.31, 1, 8}) {
        Settings settings = new Settings(threshold, 100, 200, 3000, 1000, 4000, model);
        PhiAccrualDetector detector = new PhiAccrualDetector(settings);
        long t = 0;
        for (int i = 0; i < 50; i++) {
          t += 700 + (i * 37) % 600; // irregular beats: a mean and a deviation of their own
          detector.heartbeat("p", t);
        }
        for (long silence = 0; silence <= 12_000; silence += 7) {
          assertThat(detector.isAvailable("p", t + silence))
              .as("%s, threshold %s, silence %d ms", model, threshold, silence)
              .isEqualTo(detector.phi("p", t + silence) < threshold);
        }
      }
    }
  }

  @Test
  void aWindowKeptByTheCallerIsTheDetectorsUntilThePeerIsForgotten() {
    PhiAccrualDetector detector = new PhiAccrualDetector(DEFAULTS);
    ArrivalWindow kept = detector.heartbeat(null, "p", 0);
    for (int i = 1; i <= 20; i++) {
      assertThat(detector.heartbeat(kept, "p", i * 500L)).isSameAs(kept);
    }
    assertThat(detector.meanIntervalMs("p")).isEqualTo(kept.mean());
    assertThat(detector.isAvailable(kept, 10_000 + 20_000)).isEqualTo(detector.isAvailable("p", 10_000 + 20_000));
    detector.remove("p");
    // Forgotten (a restart): the kept window is stale, and the next heartbeat starts a new one, as
    // heartbeat(peer, now) would, instead of adding to the old rhythm.
    assertThat(detector.window(kept, "p")).isNull();
    ArrivalWindow fresh = detector.heartbeat(kept, "p", 40_000);
    assertThat(fresh).isNotSameAs(kept);
    assertThat(detector.lastHeartbeat("p")).hasValue(40_000);
    assertThat(detector.meanIntervalMs("p")).isEqualTo(DEFAULTS.firstIntervalEstimateMs());
  }
}
