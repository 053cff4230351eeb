package io.quorumlab.checkers.history;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The two on-disk forms of a history: JSON lines (docs/architecture.md) and Jepsen's {@code history.edn}. */
public enum HistoryFormat {
  JSONL,
  EDN;

  /** The format a file's extension names (.jsonl/.json, .edn), or empty when it names none. */
  public static Optional<HistoryFormat> fromExtension(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".jsonl") || name.endsWith(".json") || name.endsWith(".ndjson")) return Optional.of(JSONL);
    if (name.endsWith(".edn")) return Optional.of(EDN);
    return Optional.empty();
  }

  /** Parses "jsonl"/"json"/"edn", case-insensitively. */
  public static HistoryFormat parse(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "jsonl", "json", "ndjson" -> JSONL;
      case "edn" -> EDN;
      default -> throw new IllegalArgumentException("unknown history format '" + s + "' (expected jsonl or edn)");
    };
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
