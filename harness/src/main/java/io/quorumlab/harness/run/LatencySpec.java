package io.quorumlab.harness.run;

import io.quorumlab.harness.RunLimits;
import io.quorumlab.harness.SpecException;
import java.util.Locale;

/**
 * A distribution of one-way message latency in a simulated network, as {@code --latency} spells it
 * (milliseconds):
 *
 * <pre>
 *   loopback                      like the local backend on 127.0.0.1 (about 0.06 ms a hop, 0.14 ms at p99)
 *   constant:MS                   always MS
 *   uniform:MIN,MAX               uniform between MIN and MAX
 *   lognormal:FLOOR,MEDIAN,SIGMA  FLOOR plus a log-normal part of that median and shape (a long right tail)
 * </pre>
 *
 * @param kind the distribution
 * @param a constant: the latency; uniform: the minimum; lognormal: the floor (ms)
 * @param b uniform: the maximum; lognormal: the median of the log-normal part (ms)
 * @param sigma lognormal: the shape
 */
public record LatencySpec(Kind kind, double a, double b, double sigma) {

  public enum Kind { LOOPBACK, CONSTANT, UNIFORM, LOGNORMAL }

  public static final LatencySpec LOOPBACK = new LatencySpec(Kind.LOOPBACK, 0, 0, 0);
  /** Far beyond any network, but still a number of milliseconds a simulation can add up. */
  static final double MAX_MS = 60_000;
  private static final String SYNTAX = "expected loopback, constant:MS, uniform:MIN,MAX or lognormal:FLOOR,MEDIAN,SIGMA (milliseconds)";

  /** @throws SpecException when the parameters make no distribution */
  public LatencySpec {
    if (kind == null) throw new SpecException("--latency has no kind: " + SYNTAX);
    switch (kind) {
      case LOOPBACK -> { }
      case CONSTANT -> ms("latency", a);
      case UNIFORM -> {
        ms("minimum", a);
        ms("maximum", b);
        if (b < a) throw new SpecException("--latency uniform:" + RunLimits.number(a) + "," + RunLimits.number(b) + ": the maximum is below the minimum");
      }
      case LOGNORMAL -> {
        ms("floor", a);
        ms("median", b);
        if (b <= 0) throw new SpecException("--latency lognormal: the median must be positive, not " + RunLimits.number(b));
        if (!(sigma >= 0 && sigma <= 5)) throw new SpecException("--latency lognormal: sigma must be between 0 and 5, not " + RunLimits.number(sigma));
      }
    }
  }

  private static void ms(String what, double v) {
    if (!(v >= 0 && v <= MAX_MS)) {
      throw new SpecException("--latency: the " + what + " must be between 0 and " + RunLimits.number(MAX_MS) + " ms, not " + RunLimits.number(v));
    }
  }

  /** @throws SpecException saying what is wrong and what is expected */
  public static LatencySpec parse(String text) {
    if (text == null || text.isBlank()) throw new SpecException("empty --latency: " + SYNTAX);
    String s = text.strip().toLowerCase(Locale.ROOT);
    int colon = s.indexOf(':');
    String name = colon < 0 ? s : s.substring(0, colon);
    double[] p = colon < 0 ? new double[0] : numbers(text, s.substring(colon + 1));
    return switch (name) {
      case "loopback" -> arity(text, p, 0, () -> LOOPBACK);
      case "constant" -> arity(text, p, 1, () -> new LatencySpec(Kind.CONSTANT, p[0], 0, 0));
      case "uniform" -> arity(text, p, 2, () -> new LatencySpec(Kind.UNIFORM, p[0], p[1], 0));
      case "lognormal" -> arity(text, p, 3, () -> new LatencySpec(Kind.LOGNORMAL, p[0], p[1], p[2]));
      default -> throw new SpecException("unknown --latency '" + text + "': " + SYNTAX);
    };
  }

  private static LatencySpec arity(String text, double[] p, int n, java.util.function.Supplier<LatencySpec> make) {
    if (p.length != n) throw new SpecException("--latency '" + text + "' takes " + n + " number" + (n == 1 ? "" : "s") + ": " + SYNTAX);
    return make.get();
  }

  private static double[] numbers(String text, String list) {
    String[] parts = list.split(",", -1);
    double[] out = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        out[i] = Double.parseDouble(parts[i].strip());
      } catch (NumberFormatException e) {
        throw new SpecException("--latency '" + text + "': '" + parts[i].strip() + "' is not a number: " + SYNTAX);
      }
    }
    return out;
  }

  /** The canonical text (parses back to an equal value). */
  @Override
  public String toString() {
    return switch (kind) {
      case LOOPBACK -> "loopback";
      case CONSTANT -> "constant:" + RunLimits.number(a);
      case UNIFORM -> "uniform:" + RunLimits.number(a) + "," + RunLimits.number(b);
      case LOGNORMAL -> "lognormal:" + RunLimits.number(a) + "," + RunLimits.number(b) + "," + RunLimits.number(sigma);
    };
  }
}
