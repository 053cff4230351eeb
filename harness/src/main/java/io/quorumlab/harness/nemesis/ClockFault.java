package io.quorumlab.harness.nemesis;

import io.quorumlab.store.node.ClockSkew;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One variant of the clock nemesis, as {@code --nemesis clock:VARIANT} names it:
 *
 * <pre>
 *   forward[=DURATION]            the node's wall clock jumps DURATION ahead (default 5m)
 *   back[=DURATION]               it jumps DURATION behind (default 5m)
 *   strobe[=DURATION[/PERIOD]]    it jumps DURATION ahead and back every PERIOD (default 10s/100ms)
 *   drift[=RATE]                  it runs at RATE times true speed, e.g. 2 or 0.5 (default 2)
 *   DURATION, PERIOD = a positive number with ms, s, m or h, e.g. 500ms, 30s, 5m
 * </pre>
 *
 * @param variant forward, back, strobe or drift
 * @param micros how far it jumps (forward, back, strobe); 0 for drift
 * @param periodMicros how often a strobe jumps; 0 for the others
 * @param rate how fast a drifting clock runs; 1 for the others
 */
public record ClockFault(Variant variant, long micros, long periodMicros, double rate) {

  public enum Variant {
    FORWARD, BACK, STROBE, DRIFT;

    public String specName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static final String SYNTAX = "clock variants are forward[=DURATION], back[=DURATION], "
      + "strobe[=DURATION[/PERIOD]] and drift[=RATE], DURATION like 500ms, 30s, 5m or 1h (e.g. clock:back=2m+drift=0.5)";
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

  /** The four variants with their default amounts: what a bare {@code clock} injects. */
  public static final List<ClockFault> DEFAULTS = List.of(
      parse("forward"), parse("back"), parse("strobe"), parse("drift"));

  /** @throws IllegalArgumentException when an amount is out of bounds */
  public ClockFault {
    if (micros <= 0 && variant != Variant.DRIFT) throw new IllegalArgumentException("a clock " + variant.specName() + " needs a positive duration");
    if (variant == Variant.DRIFT && rate == 1.0) throw new IllegalArgumentException("a clock drift rate of 1 is no drift");
    skewOf(variant, micros, periodMicros, rate);
  }

  /** The skew this fault sets on a node's clock. */
  public ClockSkew skew() {
    return skewOf(variant, micros, periodMicros, rate);
  }

  private static ClockSkew skewOf(Variant variant, long micros, long periodMicros, double rate) {
    return switch (variant) {
      case FORWARD -> ClockSkew.offset(micros);
      case BACK -> ClockSkew.offset(-micros);
      case STROBE -> ClockSkew.strobe(micros, periodMicros);
      case DRIFT -> ClockSkew.rate(rate);
    };
  }

  /**
   * Parses one variant, with or without its amount.
   *
   * @throws IllegalArgumentException saying what is wrong and what is expected
   */
  public static ClockFault parse(String text) {
    String[] kv = text.split("=", 2);
    Variant variant = null;
    for (Variant v : Variant.values()) if (v.specName().equals(kv[0].strip())) variant = v;
    if (variant == null) throw new IllegalArgumentException("unknown clock variant '" + kv[0] + "' (" + SYNTAX + ")");
    String amount = kv.length == 2 ? kv[1].strip() : switch (variant) {
      case FORWARD, BACK -> "5m";
      case STROBE -> "10s/100ms";
      case DRIFT -> "2";
    };
    try {
      return switch (variant) {
        case FORWARD, BACK -> new ClockFault(variant, micros(amount), 0, 1.0);
        case STROBE -> {
          String[] parts = amount.split("/", -1);
          if (parts.length > 2) throw new IllegalArgumentException("a strobe is DURATION[/PERIOD], not '" + amount + "'");
          yield new ClockFault(variant, micros(parts[0]), parts.length == 2 ? micros(parts[1]) : 100_000, 1.0);
        }
        case DRIFT -> new ClockFault(variant, 0, 0, rate(amount));
      };
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad clock variant '" + text + "': " + e.getMessage());
    }
  }

  private static long micros(String s) {
    Matcher m = DURATION.matcher(s);
    if (!m.matches()) throw new IllegalArgumentException("'" + s + "' is not a duration like 500ms, 30s, 5m or 1h");
    double unitMicros = switch (m.group(2)) {
      case "ms" -> 1e3;
      case "s" -> 1e6;
      case "m" -> 60e6;
      default -> 3600e6;
    };
    double micros = Double.parseDouble(m.group(1)) * unitMicros;
    if (micros > ClockSkew.MAX_OFFSET_MICROS) throw new IllegalArgumentException("'" + s + "' is longer than ten years");
    return Math.round(micros);
  }

  private static double rate(String s) {
    try {
      double r = Double.parseDouble(s);
      if (!Double.isFinite(r)) throw new NumberFormatException();
      return r;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + s + "' is not a rate like 2 or 0.5");
    }
  }

  /** The canonical text (parses back to an equal fault): "back=5m", "strobe=10s/100ms", "drift=2.0". */
  public String specName() {
    return variant.specName() + "=" + switch (variant) {
      case FORWARD, BACK -> duration(micros);
      case STROBE -> duration(micros) + "/" + duration(periodMicros);
      case DRIFT -> String.valueOf(rate);
    };
  }

  /** What it does to {@code node}, for the history: "n2 clock jumped back 300 s". */
  public String describe(String node) {
    return node + " clock " + switch (variant) {
      case FORWARD -> "jumped forward " + seconds(micros);
      case BACK -> "jumped back " + seconds(micros);
      case STROBE -> "strobing " + seconds(micros) + " ahead and back every " + periodMicros / 1000.0 + " ms";
      case DRIFT -> "drifting at rate " + rate;
    };
  }

  /** In the largest unit that keeps it whole: 5m, 90s, 1500ms (or fractional ms below that). */
  private static String duration(long micros) {
    if (micros % 3_600_000_000L == 0) return micros / 3_600_000_000L + "h";
    if (micros % 60_000_000 == 0) return micros / 60_000_000 + "m";
    if (micros % 1_000_000 == 0) return micros / 1_000_000 + "s";
    return micros % 1000 == 0 ? micros / 1000 + "ms" : micros / 1e3 + "ms";
  }

  private static String seconds(long micros) {
    return String.format(Locale.ROOT, "%s s", micros / 1e6);
  }
}
