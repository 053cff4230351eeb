package io.quorumlab.store.node;

/**
 * Per-node sources of uniqueness: strictly increasing wall-clock stamps (lww) and a sequence
 * number (abd tags). Both start from the wall clock, so a restarted node does not reuse values
 * from its previous run as long as its clock moved forward.
 */
final class Stamps {
  private final Clock clock;
  private long lastWall;
  private long sequence;

  Stamps(Clock clock) {
    this.clock = clock;
    this.sequence = clock.wallMicros();
  }

  long nextWallMicros() {
    lastWall = Math.max(clock.wallMicros(), lastWall + 1);
    return lastWall;
  }

  long nextSequence() {
    return ++sequence;
  }
}
