package io.quorumlab.store.node;

/** Where a client request came from: the transport's connection id (opaque to the node). */
public record ClientRef(long connection) {}
