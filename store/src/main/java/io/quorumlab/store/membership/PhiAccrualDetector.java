package io.quorumlab.store.membership;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The phi-accrual failure detector (Hayashibara et al.), per peer: phi is -log10 of the probability
 * that a heartbeat is still to come after the silence observed so far, given the peer's recent
 * inter-arrival times. phi 1 means a 10% chance the peer is merely late, 8 means 1e-8.
 *
 * <p>NORMAL follows Akka: a normal distribution with the mean shifted by an acceptable pause, the
 * standard deviation floored at a minimum, and the logistic approximation of its CDF. EXPONENTIAL
 * follows Cassandra: phi = silence / (mean * ln 10), after the acceptable pause.
 *
 * <p>Pure bookkeeping: callers pass the time; nothing here reads a clock.
 */
public final class PhiAccrualDetector {

  public enum Distribution { NORMAL, EXPONENTIAL }

  /**
   * @param threshold phi at or above which a peer is convicted
   * @param maxSamples inter-arrival times remembered per peer
   * @param minStdDevMs floor of the standard deviation, so a very regular peer is not convicted
   *     by the first small delay
   * @param acceptablePauseMs extra silence tolerated on top of the mean before phi rises
   * @param firstIntervalEstimateMs assumed interval before real samples exist (the gossip interval)
   * @param maxSampleMs longer gaps are treated as outages and not learnt as samples
   * @param distribution model of the inter-arrival times
   */
  public record Settings(double threshold, int maxSamples, long minStdDevMs, long acceptablePauseMs,
      long firstIntervalEstimateMs, long maxSampleMs, Distribution distribution) {
    public Settings {
      if (threshold <= 0 || maxSamples < 2 || minStdDevMs <= 0 || acceptablePauseMs < 0
          || firstIntervalEstimateMs <= 0 || maxSampleMs <= 0
          // Samples are kept as ints (ArrivalWindow): the seeds are at most 1.25 estimates.
          || maxSampleMs > Integer.MAX_VALUE || firstIntervalEstimateMs > Integer.MAX_VALUE / 2) {
        throw new IllegalArgumentException("invalid phi-accrual settings: " + this);
      }
    }
  }

  /** The largest phi of a silence no longer than the expected gap: -log10(1/2). */
  static final double PHI_AT_MEAN = Math.log10(2);

  private final Settings settings;
  private final Map<String, ArrivalWindow> windows = new HashMap<>();

  public PhiAccrualDetector(Settings settings) {
    this.settings = settings;
  }

  public Settings settings() {
    return settings;
  }

  /** A sign of life from {@code peer} at {@code now}. */
  public void heartbeat(String peer, long now) {
    heartbeat(null, peer, now);
  }

  /**
   * A sign of life from {@code peer} at {@code now}, given the window this detector handed out for
   * it last ({@code known}, or null): a caller that keeps it beside its own record of the peer saves
   * a lookup per heartbeat. Returns the peer's window, to keep for the next call.
   */
  ArrivalWindow heartbeat(ArrivalWindow known, String peer, long now) {
    ArrivalWindow window = known == null || known.retired() ? windows.get(peer) : known;
    if (window == null) {
      window = new ArrivalWindow(settings.maxSamples(), now, settings.firstIntervalEstimateMs());
      windows.put(peer, window);
    } else {
      window.arrival(now, settings.maxSampleMs());
    }
    return window;
  }

  /** The window of {@code peer} (null if never heard from), {@code known} if it is still current. */
  ArrivalWindow window(ArrivalWindow known, String peer) {
    return known == null || known.retired() ? windows.get(peer) : known;
  }

  /** phi for {@code peer} at {@code now}; 0 for a peer never heard from. */
  public double phi(String peer, long now) {
    ArrivalWindow window = windows.get(peer);
    if (window == null) {
      return 0.0;
    }
    return phi(now - window.lastArrival(), window.mean(), stdDev(window));
  }

  public boolean isAvailable(String peer, long now) {
    return isAvailable(windows.get(peer), now);
  }

  /** {@link #isAvailable(String, long)} of the peer whose current window is {@code window} (null: unknown peer). */
  boolean isAvailable(ArrivalWindow window, long now) {
    if (window == null) {
      return true;
    }
    long silence = now - window.lastArrival();
    if (silence <= quietMs(window)) {
      return true;
    }
    return phi(silence, window.mean(), stdDev(window)) < settings.threshold();
  }

  /**
   * The silence after {@code window}'s last arrival within which its peer is available, answered
   * without the logarithms; NaN if there is none. Every node asks this of every peer every round.
   * phi is at most log10(2) there (NORMAL: the silence is at most the shifted mean) or 0
   * (EXPONENTIAL: within the acceptable pause), below any threshold above log10(2).
   */
  double quietMs(ArrivalWindow window) {
    if (settings.threshold() <= PHI_AT_MEAN) {
      return Double.NaN;
    }
    return settings.distribution() == Distribution.EXPONENTIAL
        ? settings.acceptablePauseMs() : window.mean() + settings.acceptablePauseMs();
  }

  /** Forgets {@code peer} (it left, or restarted and its old rhythm no longer applies). */
  public void remove(String peer) {
    ArrivalWindow window = windows.remove(peer);
    if (window != null) {
      window.retire();
    }
  }

  /**
   * This node itself was paused (GC, SIGSTOP): the silence it measured is its own, so every peer's
   * silence starts over at {@code now}. No interval is learnt from it.
   */
  public void forgiveLocalPause(long now) {
    windows.values().forEach(w -> w.restartSilence(now));
  }

  public OptionalLong lastHeartbeat(String peer) {
    ArrivalWindow window = windows.get(peer);
    return window == null ? OptionalLong.empty() : OptionalLong.of(window.lastArrival());
  }

  /**
   * How long after its last heartbeat {@code peer} would be convicted, given what has been learnt
   * of it so far; -1 for an unknown peer. This is the detection bound the caller can state.
   */
  public long silenceToConvictMs(String peer) {
    ArrivalWindow window = windows.get(peer);
    if (window == null) {
      return -1;
    }
    double mean = window.mean();
    double stdDev = stdDev(window);
    long low = 0;
    long high = 1;
    while (phi(high, mean, stdDev) < settings.threshold()) {
      high *= 2;
    }
    while (low < high) {
      long mid = (low + high) >>> 1;
      if (phi(mid, mean, stdDev) >= settings.threshold()) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low;
  }

  /** Mean inter-arrival time learnt for {@code peer} (NaN if unknown). */
  public double meanIntervalMs(String peer) {
    ArrivalWindow window = windows.get(peer);
    return window == null ? Double.NaN : window.mean();
  }

  /** Standard deviation used for {@code peer}, after the floor (NaN if unknown). */
  public double stdDevMs(String peer) {
    ArrivalWindow window = windows.get(peer);
    return window == null ? Double.NaN : stdDev(window);
  }

  private double stdDev(ArrivalWindow window) {
    return Math.max(window.stdDev(), settings.minStdDevMs());
  }

  private double phi(long silence, double meanInterval, double stdDev) {
    if (settings.distribution() == Distribution.EXPONENTIAL) {
      double beyondPause = Math.max(0, silence - settings.acceptablePauseMs());
      return beyondPause / (meanInterval * Math.log(10));
    }
    double mean = meanInterval + settings.acceptablePauseMs();
    double y = (silence - mean) / stdDev;
    double e = Math.exp(-y * (1.5976 + 0.070566 * y * y));
    return silence > mean ? -Math.log10(e / (1.0 + e)) : -Math.log10(1.0 - 1.0 / (1.0 + e));
  }
}
