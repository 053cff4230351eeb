package io.quorumlab.harness.shrink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** The SHA-256 of a history.jsonl, and where two of them first differ. */
public final class HistoryDigest {
  private HistoryDigest() {}

  public static String of(Path history) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(history)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** The first line where {@code replayed} differs from {@code recorded}, both shown; null when none does. */
  public static String firstDifference(Path recorded, Path replayed) throws IOException {
    List<String> a = Files.readAllLines(recorded);
    List<String> b = Files.readAllLines(replayed);
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      if (!a.get(i).equals(b.get(i))) return "line " + (i + 1) + ": recorded " + a.get(i) + "\n    replayed " + b.get(i);
    }
    if (a.size() == b.size()) return null;
    int i = Math.min(a.size(), b.size());
    return "line " + (i + 1) + ": " + (a.size() > b.size() ? "recorded " + a.get(i) + "\n    the replay ends before it"
        : "the recording ends; replayed " + b.get(i));
  }
}
