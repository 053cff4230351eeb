package io.quorumlab.workloads;

import io.quorumlab.store.config.ConflictMode;
import java.util.Collection;
import java.util.stream.Collectors;

/** Command-line spellings of conflict modes, for messages. */
public final class Modes {
  private Modes() {}

  public static String list(Collection<ConflictMode> modes) {
    return modes.stream().sorted().map(ConflictMode::wireName).collect(Collectors.joining(" and "));
  }
}
