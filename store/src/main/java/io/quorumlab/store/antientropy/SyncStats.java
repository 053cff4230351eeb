package io.quorumlab.store.antientropy;

/**
 * What one side of a session did. Bytes are encoded {@link SyncCodec} sizes (the transport adds its
 * own frame header per message).
 *
 * @param bytesSent encoded bytes of every message this side sent
 * @param bytesReceived encoded bytes of every message this side received
 * @param messagesSent messages sent
 * @param messagesReceived messages received
 * @param hashesSent tree hashes sent during the descent (the root included)
 * @param differingLeaves leaves found different (all leaves when one side was empty)
 * @param keyDigestsSent (key, digest) pairs this side sent
 * @param valuesSent versioned values this side sent
 * @param valuesReceived versioned values this side received
 * @param keysRepaired keys this side wrote because the merge changed them
 */
public record SyncStats(long bytesSent, long bytesReceived, long messagesSent, long messagesReceived,
    long hashesSent, long differingLeaves, long keyDigestsSent, long valuesSent, long valuesReceived,
    long keysRepaired) {

  public long bytesExchanged() {
    return bytesSent + bytesReceived;
  }
}
