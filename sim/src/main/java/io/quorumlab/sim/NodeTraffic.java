package io.quorumlab.sim;

/** What one node sent to and received from other nodes, every channel together (client traffic excluded). */
public record NodeTraffic(long sentMessages, long sentBytes, long receivedMessages, long receivedBytes) {}
