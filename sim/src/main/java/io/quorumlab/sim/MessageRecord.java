package io.quorumlab.sim;

/**
 * One message the simulated network carried, as the {@link MessageLog} saw it: who sent it to whom,
 * when, when it was due and what became of it. A client end is named {@code client<k>}, k the
 * number of the client's connection; a node end by its id. Times are virtual nanoseconds.
 */
public final class MessageRecord {

  /** What became of a message. */
  public enum Fate {
    /** Still travelling (or waiting for a paused receiver) when the log was read. */
    IN_FLIGHT,
    DELIVERED,
    DROPPED
  }

  private final long id;
  private final MessageType type;
  private final String from;
  private final String to;
  private final long sentNanos;
  private final long dueNanos;
  private final long slowedNanos;
  private final long duplicateOf;
  private final long cause;
  private final String key;
  private final String description;
  private Fate fate = Fate.IN_FLIGHT;
  private long endNanos = -1;
  private String why;
  private boolean unanswered;
  private long answers = -1;

  MessageRecord(long id, MessageType type, String from, String to, long sentNanos, long dueNanos, long slowedNanos,
      long duplicateOf, long cause, String key, String description) {
    this.id = id;
    this.type = type;
    this.from = from;
    this.to = to;
    this.sentNanos = sentNanos;
    this.dueNanos = dueNanos;
    this.slowedNanos = slowedNanos;
    this.duplicateOf = duplicateOf;
    this.cause = cause;
    this.key = key;
    this.description = description;
  }

  void delivered(long at) {
    end(Fate.DELIVERED, at, null);
  }

  void dropped(long at, String reason) {
    end(Fate.DROPPED, at, reason);
  }

  /** A reply that arrived after its client had given up on the request. */
  void deliveredUnanswered(long at) {
    delivered(at);
    unanswered = true;
  }

  private void end(Fate f, long at, String reason) {
    if (fate != Fate.IN_FLIGHT) {
      throw new IllegalStateException("message " + id + " was already " + fate.name().toLowerCase() + "; now " + f.name().toLowerCase());
    }
    fate = f;
    endNanos = at;
    why = reason;
  }

  /** Numbers messages in the order they were sent, from 1. */
  public long id() {
    return id;
  }

  public MessageType type() {
    return type;
  }

  public String from() {
    return from;
  }

  public String to() {
    return to;
  }

  public long sentNanos() {
    return sentNanos;
  }

  /** When the network meant to deliver it; -1 when it was dropped as it was sent. */
  public long dueNanos() {
    return dueNanos;
  }

  /** Delay a slow link added to the network's latency (0 when the link was not slowed). */
  public long slowedNanos() {
    return slowedNanos;
  }

  /** The message this one is the network's duplicate of, or -1. */
  public long duplicateOf() {
    return duplicateOf;
  }

  /** The message whose handling sent this one (-1: a timer, a client or a scenario sent it). */
  public long cause() {
    return cause;
  }

  /** The key it is about, or null. */
  public String key() {
    return key;
  }

  /** What it said, in a line: the key and the versions or values it carried. */
  public String description() {
    return description;
  }

  public Fate fate() {
    return fate;
  }

  /** When it was delivered or dropped; -1 while in flight. */
  public long endNanos() {
    return endNanos;
  }

  /** Why it was dropped (null unless dropped). */
  public String why() {
    return why;
  }

  void answers(long request) {
    answers = request;
  }

  /** The client request a client reply answers, or -1. */
  public long answers() {
    return answers;
  }

  /** A reply that reached a client that had given up on the request (the client ignored it). */
  public boolean unanswered() {
    return unanswered;
  }
}
