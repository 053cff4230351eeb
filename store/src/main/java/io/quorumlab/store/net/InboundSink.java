package io.quorumlab.store.net;

import io.quorumlab.store.node.ClientRef;
import io.quorumlab.store.protocol.ClientRequest;
import io.quorumlab.store.protocol.PeerMessage;

/** Where decoded inbound messages go (the server hands them to the node's thread). Called on I/O threads. */
public interface InboundSink {
  void onPeerMessage(String from, PeerMessage message);

  void onClientRequest(ClientRef client, ClientRequest request);
}
