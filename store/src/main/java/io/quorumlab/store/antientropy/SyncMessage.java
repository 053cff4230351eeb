package io.quorumlab.store.antientropy;

/**
 * Messages of one anti-entropy session between two replicas of a token range. All carry the
 * sender's id and the session id the initiator chose; the node routes them to the session keyed by
 * (peer, sessionId), or, for a {@link SyncStart}, opens a responding session. Encoded by
 * {@link SyncCodec}.
 *
 * <pre>
 * initiator                         responder
 *   SyncStart(range, depth, root)  -&gt;
 *                                  &lt;-  SyncDone(IN_SYNC)            roots equal: one round trip
 *                                  &lt;-  SyncHashes(marks, children)   else descend, alternating sides,
 *   SyncHashes(marks, children)    -&gt;                                one tree level per message
 *   ...
 *   SyncKeys(marked leaves, key digests of those leaves, in chunks)  (whoever reaches the leaves)
 *                                      SyncValues(values the other lacks, keys wanted, in chunks)
 *   SyncValues(the wanted values, in chunks)                         (only if any were wanted)
 * </pre>
 * If one side's tree is empty (a wiped replica) the descent is skipped: the other side sends every
 * value at once.
 */
public sealed interface SyncMessage permits SyncStart, SyncHashes, SyncKeys, SyncValues, SyncDone {
  String from();

  long sessionId();
}
