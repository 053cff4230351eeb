package io.quorumlab.harness.compare;

import io.quorumlab.harness.SpecException;
import io.quorumlab.harness.gate.Expectation;
import io.quorumlab.store.config.ConflictMode;
import io.quorumlab.store.config.FsyncPolicy;
import io.quorumlab.store.config.Quorum;
import io.quorumlab.store.config.ReadRepair;
import io.quorumlab.store.config.WireNamed;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses the compact configuration syntax: {@code N/W/R[:mode...]}, configurations separated by
 * commas. Modes: {@code sloppy|strict}; {@code siblings|lww|abd}; {@code rr=off|async|blocking}
 * (or just {@code off|async|blocking}); {@code fsync=always|periodic|never};
 * {@code expect=valid|invalid}. Errors name the configuration and the part that is wrong.
 */
public final class ConfigParser {
  /** The syntax in one line, for error messages. */
  public static final String SYNTAX = "N/W/R[:mode...] with modes sloppy|strict, siblings|lww|abd, rr=off|async|blocking, "
      + "fsync=always|periodic|never, expect=valid|invalid";

  private ConfigParser() {}

  /** A comma-separated list; at least one configuration, none twice. */
  public static List<ConfigSpec> parseList(String list) {
    if (list == null || list.isBlank()) throw new SpecException("--configs is empty; give e.g. \"3/1/1,3/2/2,3/2/2:abd\" (" + SYNTAX + ")");
    List<ConfigSpec> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String[] parts = list.split(",", -1);
    for (int i = 0; i < parts.length; i++) {
      String text = parts[i].strip();
      if (text.isEmpty()) {
        throw new SpecException("--configs has an empty configuration at position " + (i + 1) + " (two commas in a row, or one at an end?)");
      }
      ConfigSpec c = parse(text);
      if (!seen.add(text.toLowerCase(Locale.ROOT))) throw new SpecException("--configs names '" + text + "' twice");
      out.add(c);
    }
    return out;
  }

  /** One configuration. */
  public static ConfigSpec parse(String text) {
    String t = text.strip();
    String[] parts = t.split(":", -1);
    String[] nwr = parts[0].split("/", -1);
    if (nwr.length != 3) {
      throw bad(t, "'" + parts[0] + "' is not N/W/R (three numbers separated by '/', e.g. 3/2/2)");
    }
    int n = number(t, "N", nwr[0]);
    int w = number(t, "W", nwr[1]);
    int r = number(t, "R", nwr[2]);
    if (n < 1) throw bad(t, "N=" + n + " < 1");
    if (w < 1) throw bad(t, "W=" + w + " < 1");
    if (r < 1) throw bad(t, "R=" + r + " < 1");
    if (w > n) throw bad(t, "W=" + w + " > N=" + n);
    if (r > n) throw bad(t, "R=" + r + " > N=" + n);
    Quorum quorum = null;
    ReadRepair rr = null;
    ConflictMode conflicts = null;
    FsyncPolicy fsync = null;
    Expectation expect = null;
    for (int i = 1; i < parts.length; i++) {
      String mode = parts[i].strip().toLowerCase(Locale.ROOT);
      if (mode.isEmpty()) throw bad(t, "empty mode (two ':' in a row, or one at the end)");
      String key = null;
      String value = mode;
      int eq = mode.indexOf('=');
      if (eq >= 0) {
        key = mode.substring(0, eq).strip();
        value = mode.substring(eq + 1).strip();
      }
      if (key == null) {
        Quorum q = WireNamed.parse(Quorum.class, value);
        ConflictMode c = WireNamed.parse(ConflictMode.class, value);
        ReadRepair a = WireNamed.parse(ReadRepair.class, value);
        if (q != null) quorum = once(t, "quorum", quorum, q);
        else if (c != null) conflicts = once(t, "conflict mode", conflicts, c);
        else if (a != null) rr = once(t, "read repair", rr, a);
        else throw bad(t, "unknown mode '" + parts[i].strip() + "' (" + SYNTAX + ")");
        continue;
      }
      switch (key) {
        case "rr", "read-repair" -> rr = once(t, "read repair", rr, required(t, key, ReadRepair.class, value, "off, async or blocking"));
        case "fsync" -> fsync = once(t, "fsync", fsync, required(t, key, FsyncPolicy.class, value, "always, periodic or never"));
        case "quorum" -> quorum = once(t, "quorum", quorum, required(t, key, Quorum.class, value, "sloppy or strict"));
        case "conflicts" -> conflicts = once(t, "conflict mode", conflicts, required(t, key, ConflictMode.class, value, "siblings, lww or abd"));
        case "expect" -> {
          Expectation e;
          try {
            e = Expectation.parse(value);
          } catch (SpecException x) {
            throw bad(t, "expect=" + value + ": expected valid or invalid");
          }
          expect = once(t, "expect", expect, e);
        }
        default -> throw bad(t, "unknown setting '" + key + "=' (" + SYNTAX + ")");
      }
    }
    return new ConfigSpec(t, n, w, r, quorum, rr, conflicts, fsync, expect);
  }

  private static int number(String t, String what, String s) {
    try {
      return Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      throw bad(t, what + " '" + s + "' is not a number");
    }
  }

  private static <T> T once(String t, String what, T old, T value) {
    if (old != null && !old.equals(value)) {
      throw bad(t, what + " given twice (" + wireName(old) + " and " + wireName(value) + ")");
    }
    return value;
  }

  private static <E extends Enum<E> & WireNamed> E required(String t, String key, Class<E> type, String value, String expected) {
    E e = WireNamed.parse(type, value);
    if (e == null) throw bad(t, key + "=" + value + ": expected " + expected);
    return e;
  }


  private static String wireName(Object o) {
    return o instanceof WireNamed w ? w.wireName() : o instanceof Expectation e ? e.wireName() : String.valueOf(o);
  }

  private static SpecException bad(String config, String why) {
    return new SpecException("bad configuration '" + config + "': " + why);
  }
}
