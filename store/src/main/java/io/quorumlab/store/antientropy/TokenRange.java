package io.quorumlab.store.antientropy;

/**
 * A stretch of the 64-bit ring, {@code (startExclusive, endInclusive]} walking clockwise (increasing
 * mod 2^64), the way a vnode owns the tokens after its predecessor up to its own. Signed and
 * unsigned orderings of tokens give the same circle, so this works for either. {@code start == end}
 * is the whole ring.
 */
public record TokenRange(long startExclusive, long endInclusive) {

  public static TokenRange fullRing() {
    return new TokenRange(0, 0);
  }

  public boolean isFullRing() {
    return startExclusive == endInclusive;
  }

  /** Tokens in the range minus one, as an unsigned number (2^64 - 1 for the whole ring). */
  public long widthMinusOne() {
    return endInclusive - startExclusive - 1;
  }

  /** Distance of {@code token} from the first token of the range, unsigned. */
  public long offsetOf(long token) {
    return token - startExclusive - 1;
  }

  public boolean contains(long token) {
    return Long.compareUnsigned(offsetOf(token), widthMinusOne()) <= 0;
  }

  // Written out (the hash is the one a record's generated hashCode gives) because the generated
  // ones bootstrap through ObjectMethods on first use, spinning method-handle classes at run time
  // in a cold simulated run.
  @Override
  public boolean equals(Object o) {
    return o instanceof TokenRange r && startExclusive == r.startExclusive && endInclusive == r.endInclusive;
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(startExclusive) + Long.hashCode(endInclusive);
  }
}
