package io.quorumlab.store.admin;

import io.quorumlab.store.node.AdjustableClock;
import io.quorumlab.store.node.Clock;
import io.quorumlab.store.node.ClockSkew;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code clock} admin command, which reads or skews the node's wall clock (never its monotonic
 * clock):
 *
 * <pre>
 *   clock                                   the skew in force
 *   clock set [offset=MICROS] [rate=R] [strobe=MICROS period=MICROS]
 *                                           from now: true time + offset, running at R times true
 *                                           speed, jumping strobe ahead and back every period
 *   clock reset                             true time again (clock set)
 * </pre>
 *
 * Each answers the skew in force as {@link ClockState} JSON.
 */
public final class ClockCommand {
  public static final String NAME = "clock";
  private static final Set<String> KEYS = Set.of("offset", "rate", "strobe", "period");
  private static final String SYNTAX = "expected 'clock', 'clock reset' or "
      + "'clock set [offset=MICROS] [rate=R] [strobe=MICROS period=MICROS]'";

  /** The answer of every clock command: the skew in force, how far ahead the clock is now, and its reading. */
  public record ClockState(long offsetMicros, double rate, long strobeMicros, long strobePeriodMicros,
      long currentOffsetMicros, long wallMicros) {
    public ClockSkew skew() {
      return new ClockSkew(offsetMicros, rate, strobeMicros, strobePeriodMicros);
    }
  }

  private ClockCommand() {}

  public static boolean matches(String command) {
    return command.equals(NAME) || command.startsWith(NAME + " ");
  }

  /** The command that sets {@code skew}. */
  public static String set(ClockSkew skew) {
    return NAME + " set offset=" + skew.offsetMicros() + " rate=" + skew.rate() + " strobe=" + skew.strobeMicros()
        + " period=" + skew.strobePeriodMicros();
  }

  /**
   * Runs {@code command} against {@code clock}.
   *
   * @throws IllegalArgumentException for a malformed command, a bound crossed, or a clock that
   *     cannot be skewed (nothing is changed then)
   */
  public static String run(Clock clock, String command) {
    if (!(clock instanceof AdjustableClock c)) {
      throw new IllegalArgumentException("this node's clock cannot be skewed");
    }
    String[] words = command.strip().split("\\s+");
    if (words.length == 2 && words[1].equals("reset")) {
      c.set(ClockSkew.NONE);
    } else if (words.length >= 2 && words[1].equals("set")) {
      c.set(parse(words, command));
    } else if (words.length != 1) {
      throw new IllegalArgumentException("bad clock command '" + command + "': " + SYNTAX);
    }
    ClockSkew s = c.skew();
    return AdminJson.toJson(new ClockState(s.offsetMicros(), s.rate(), s.strobeMicros(), s.strobePeriodMicros(),
        c.offsetMicros(), c.wallMicros()));
  }

  private static ClockSkew parse(String[] words, String command) {
    Map<String, String> values = new HashMap<>();
    for (int i = 2; i < words.length; i++) {
      String[] kv = words[i].split("=", -1);
      if (kv.length != 2 || !KEYS.contains(kv[0]) || values.put(kv[0], kv[1]) != null) {
        throw new IllegalArgumentException("bad clock setting '" + words[i] + "' in '" + command + "': " + SYNTAX);
      }
    }
    try {
      return new ClockSkew(Long.parseLong(values.getOrDefault("offset", "0")), Double.parseDouble(values.getOrDefault("rate", "1")),
          Long.parseLong(values.getOrDefault("strobe", "0")), Long.parseLong(values.getOrDefault("period", "0")));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a clock setting in '" + command + "' is not a number: " + SYNTAX);
    }
  }
}
