package io.quorumlab.store.antientropy;

import java.util.List;
import java.util.Objects;

/**
 * Versioned values the receiver lacks or holds in another version (to be merged, never blindly
 * overwritten), and, in the answer to {@link SyncKeys}, the keys whose values the sender wants back.
 * Long lists come in several messages; the last has {@code last == true}. Arrays are shared, not
 * copied.
 */
public record SyncValues(String from, long sessionId, List<KeyValue> values, List<byte[]> wanted, boolean last)
    implements SyncMessage {
  public SyncValues {
    Objects.requireNonNull(from, "from");
    values = List.copyOf(values);
    wanted = List.copyOf(wanted);
  }
}
