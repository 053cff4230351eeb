package io.quorumlab.harness.run;

import io.quorumlab.harness.SpecException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The version of {@code spec.json}'s format. {@code report} reads every version (what an old spec
 * lacks takes the defaults it ran with), but a replay must mean exactly what the run meant: only a
 * spec of this version is replayed or shrunk. Version 1 is every spec written before the format had
 * a version (it has no {@value #KEY}); version 2 added the version, explicit op schedules and fault
 * lists. A change to what a spec means, or to how a run follows it, takes a new version.
 */
public final class SpecFormat {
  public static final String KEY = "spec-format";
  public static final int CURRENT = 2;

  private SpecFormat() {}

  /** The spec's version: 1 when it records none. */
  public static int of(Map<String, Object> spec) {
    Object v = spec.get(KEY);
    if (v == null) return 1;
    if (v instanceof Number n && n.doubleValue() == n.intValue()) return n.intValue();
    throw new SpecException("spec option '" + KEY + "' is not a whole number: " + v);
  }

  /** @throws SpecException when {@code spec} (read from {@code file}) is of another version than this quorumlab's */
  public static void requireCurrent(Map<String, Object> spec, Path file) {
    int v = of(spec);
    if (v == CURRENT) return;
    String which = v < CURRENT ? "an older" : "a newer";
    throw new SpecException(file + " is of " + which + " format (" + KEY + " " + v + ") than this quorumlab writes and replays ("
        + CURRENT + ")" + (v < CURRENT ? ": its run cannot be replayed exactly; run it again with this version" : ": use the quorumlab that wrote it"));
  }
}
