package io.quorumlab.workloads;

import io.quorumlab.store.config.ConflictMode;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/** Command-line spellings of conflict modes, for messages. */
public final class Modes {
  private Modes() {}

  public static String wireName(ConflictMode mode) {
    return mode.name().toLowerCase(Locale.ROOT);
  }

  public static String list(Collection<ConflictMode> modes) {
    return modes.stream().sorted().map(Modes::wireName).collect(Collectors.joining(" and "));
  }
}
