package io.quorumlab.store.protocol;

/** Everything that travels in a frame: client requests and replies, and node-to-node messages. */
public sealed interface Message permits ClientRequest, ClientReply, PeerMessage {}
