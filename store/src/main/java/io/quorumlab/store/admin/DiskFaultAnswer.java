package io.quorumlab.store.admin;

/**
 * The answer to a disk-fault admin command ({@code disk crash|torn|corrupt ...}).
 *
 * @param fault "crash", "torn" or "corrupt"
 * @param done what the node did, for the history ("12 unsynced writes lost", the keys corrupted)
 */
public record DiskFaultAnswer(String fault, String done) {}
