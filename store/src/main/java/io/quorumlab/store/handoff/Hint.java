package io.quorumlab.store.handoff;

import java.util.Objects;

/**
 * A write a fallback replica accepted for another node under a sloppy quorum, kept until that
 * node, the intended owner, confirms it has it. The arrays are shared, not copied; nobody may
 * change them.
 *
 * @param id unique within the hint store, increasing in the order hints were stored
 * @param owner the node the write was meant for
 * @param key the key
 * @param value the versioned value, in the node's own encoding (applied with its merge rule)
 * @param createdAt when the fallback stored it (ms, the node's clock)
 */
public record Hint(long id, String owner, byte[] key, byte[] value, long createdAt) {
  public Hint {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }

  /** Rough size on the wire, for batching. */
  public long sizeBytes() {
    return 24L + key.length + value.length;
  }

  @Override
  public String toString() {
    return "Hint[" + id + " for " + owner + ", " + key.length + "+" + value.length + " bytes]";
  }
}
