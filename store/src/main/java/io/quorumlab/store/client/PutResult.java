package io.quorumlab.store.client;

/**
 * @param context the context of the version written (passing it on supersedes this write)
 * @param acks how many replicas acknowledged (at least W)
 */
public record PutResult(Context context, int acks) {}
