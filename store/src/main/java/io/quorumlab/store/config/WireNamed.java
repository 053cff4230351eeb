package io.quorumlab.store.config;

import java.util.Locale;

/**
 * An enum constant as the command line, spec files, node config files and status reports spell
 * it: its name in lower case ({@code SIBLINGS} is "siblings"). The one place that spelling is
 * made, and read back.
 */
public interface WireNamed {
  /** The constant's name; every enum has it. */
  String name();

  default String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The constant of {@code type} spelled {@code text} (in any case), or null if none is. */
  static <E extends Enum<E> & WireNamed> E parse(Class<E> type, String text) {
    if (text == null) return null;
    for (E e : type.getEnumConstants()) if (e.wireName().equalsIgnoreCase(text)) return e;
    return null;
  }
}
