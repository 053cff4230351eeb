package io.quorumlab.store.mutation;

/**
 * A deliberate, documented bug planted in the store, so that {@code quorumlab selftest} can
 * measure whether (and how fast) the harness catches it. Each constant is switched on at exactly
 * one place in the store, by one {@code mutants.has(...)} test at the site named by {@link #site}.
 *
 * <p>Mutants are reachable from in-process code only (a test, or the sim backend that selftest
 * builds): no node config field, CLI flag or wire message can switch one on.
 */
public enum Mutant {
  /** The coordinator of a put reports success after W-1 acks instead of W. */
  PUT_ACKS_AFTER_W_MINUS_1("node.PutOperation#check", "a put succeeds after W-1 acks"),
  /** A get answers as soon as the first replica replied, ignoring R. */
  GET_FIRST_REPLY("node.GetOperation#onReadReply", "a get answers from its first reply, ignoring R"),
  /** Blocking read repair (the ABD read's second phase) answers without writing the result back to W replicas. */
  ABD_NO_WRITE_BACK("node.GetOperation#onReadReply", "an abd read answers without its write-back"),
  /** The ABD put's tag read stops at the first reply instead of R. */
  ABD_TAG_FROM_ONE_REPLICA("node.PutOperation#onReadReply", "the abd tag is read from a single replica"),
  /** The ABD put writes the highest tag it read, not one above it. */
  ABD_TAG_NOT_INCREMENTED("node.PutOperation#onReadReply", "an abd put reuses the highest tag it read"),
  /** The siblings merge drops one of two or more concurrent versions. */
  SIBLINGS_MERGE_DROPS_CONCURRENT("mutation.MutatedReconciler#merge", "a vector-clock merge drops a concurrent sibling"),
  /** A siblings put issues its dot from the client's context alone, not the coordinator's stored state: concurrent puts share a dot and one is lost. */
  SIBLINGS_DOT_FROM_CONTEXT_ONLY("mutation.SiblingsPut (called from node.PutOperation#start)", "a siblings put reuses a dot, dropping a concurrent write"),
  /** Last-writer-wins keeps the version with the older stamp. */
  LWW_KEEPS_OLDER("mutation.MutatedReconciler#merge", "last-writer-wins keeps the older timestamp"),
  /** A strict quorum routes like a sloppy one: fallback nodes stand in for down owners and count toward W and R. */
  STRICT_COUNTS_FALLBACKS("node.Node#route", "a strict quorum counts fallback nodes"),
  /** Blocking read repair writes back the first reply's state (older when that replica was stale) instead of the merged result, yet counts the acks as holders of the result. */
  READ_REPAIR_WRITES_BACK_OLDER("node.GetOperation#startWriteBack", "read repair writes back an older version"),
  /** A fallback deletes the hints of a batch as soon as it sends it, not when the owner acknowledges them: a lost batch loses its writes. */
  HINTS_DELETED_BEFORE_ACK("handoff.HintedHandoff#sendBatch", "hints are deleted when sent, before the owner acks them"),
  /**
   * A replica acknowledges a write at once and stores it {@link #ACK_BEFORE_DURABLE_DELAY_MS} later
   * (a group commit that acks before its sync): under fsync=always, a power loss in between loses
   * an acknowledged write.
   */
  ACK_BEFORE_DURABLE("node.Node#onReplicaWrite", "a replica acks a write before it is durable");

  /** How long {@link #ACK_BEFORE_DURABLE} keeps an acknowledged write out of storage. */
  public static final long ACK_BEFORE_DURABLE_DELAY_MS = 100;

  private final String site;
  private final String bug;

  Mutant(String site, String bug) {
    this.site = site;
    this.bug = bug;
  }

  /** Where the bug lives: class (under io.quorumlab.store) and method. */
  public String site() {
    return site;
  }

  /** The bug, in a few words. */
  public String bug() {
    return bug;
  }

  /** The name selftest's --mutant takes: the constant's name, lower case with dashes. */
  public String cliName() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
