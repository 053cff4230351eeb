package io.quorumlab.store.handoff;

import java.util.List;
import java.util.Set;

/**
 * Where a fallback keeps its hints. Implementations must make {@link #add} durable before it returns
 * (the fallback acknowledges the write to the coordinator right after), and must survive restarts:
 * {@link DurableHintStore} does both over the node's storage engine; {@link InMemoryHintStore} is for
 * tests and for nodes running with in-memory storage.
 */
public interface HintStore {

  /** Stores a hint and returns it with its new id. */
  Hint add(String owner, byte[] key, byte[] value, long createdAt);

  /**
   * The oldest hints for {@code owner}, in id order: at most {@code maxHints}, and no more than
   * {@code maxBytes} of {@link Hint#sizeBytes()} except that the first is returned whatever its size.
   */
  List<Hint> oldest(String owner, int maxHints, long maxBytes);

  /** Deletes the given hints of {@code owner}; unknown ids are ignored. Returns how many were deleted. */
  int delete(String owner, long[] ids);

  /** Hints held for {@code owner}. */
  long count(String owner);

  /** Owners with at least one hint, sorted. */
  Set<String> owners();
}
