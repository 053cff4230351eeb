package io.quorumlab.harness.gate;

import io.quorumlab.harness.SpecException;
import java.util.Locale;

/**
 * What a CI gate asserts about a configuration: that it stays safe ({@code valid}: no anomaly), or
 * that its anomalies are still caught ({@code invalid}), so that a gate that can no longer fail
 * shows up as a failure too.
 */
public enum Expectation {
  VALID,
  INVALID;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws SpecException naming the bad value
   */
  public static Expectation parse(String s) {
    if (s != null) {
      for (Expectation e : values()) if (e.wireName().equalsIgnoreCase(s.strip())) return e;
    }
    throw new SpecException("expected valid or invalid, not '" + s + "'");
  }
}
