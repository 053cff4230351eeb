package io.quorumlab.store.handoff;

/**
 * Hint delivery between a fallback and an owner: the fallback sends {@link HintBatch}es, the owner
 * applies them and answers with a {@link HintAck} naming the hints it now holds durably. Encoded
 * by {@link HintCodec}.
 */
public sealed interface HintMessage permits HintBatch, HintAck {
  String from();
}
