package io.quorumlab.checkers.elle.register;

/**
 * Which optional sources of version order the rw-register inference may use, beyond the initial
 * nil every version follows.
 *
 * @param wfrKeys a transaction's write follows the version it read (writes follow reads)
 * @param sequentialKeys process order orders the versions transactions saw (sequential keys)
 * @param linearizableKeys realtime order orders them (linearizable keys)
 */
public record VersionSources(boolean wfrKeys, boolean sequentialKeys, boolean linearizableKeys) {}
