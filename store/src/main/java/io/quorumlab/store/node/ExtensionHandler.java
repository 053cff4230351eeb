package io.quorumlab.store.node;

/**
 * A component layered on the node (gossip, anti-entropy, hinted handoff) that receives its own
 * channel of {@link io.quorumlab.store.protocol.PeerMessage.Extension} messages. Runs on the
 * node's thread.
 */
public interface ExtensionHandler {
  void onMessage(String from, byte[] payload);
}
