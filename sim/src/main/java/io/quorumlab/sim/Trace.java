package io.quorumlab.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The run as a sequence of events (every delivery, timer, client event and fault, in the order
 * they happened), folded into one 64-bit digest: two runs with the same digest did the same thing
 * in the same order at the same virtual instants. Message content counts through a hash of the
 * encoded bytes. In {@link Mode#RECORD} the trace also keeps every event's time, running digest and
 * description, so that {@link Determinism} can name the first event where two runs part.
 */
public final class Trace {

  public enum Mode {
    /** Only the digest. */
    DIGEST,
    /** The digest plus every event (memory grows with the run; for determinism checks). */
    RECORD
  }

  private final Mode mode;
  private final Simulation sim;
  private long digest = 0x6a09e667f3bcc908L;
  private long count;
  private long[] times = new long[0];
  private long[] digests = new long[0];
  private final List<String> descriptions = new ArrayList<>();

  Trace(Simulation sim, Mode mode) {
    this.sim = sim;
    this.mode = Objects.requireNonNull(mode, "mode");
    if (mode == Mode.RECORD) {
      times = new long[1024];
      digests = new long[1024];
    }
  }

  /**
   * One event at the current instant. {@code a} and {@code b} are the parties (node indexes, or
   * client numbers for client events), {@code content} a hash of what was carried (0 if nothing).
   * {@code detail} only names the event in a recorded trace.
   */
  void record(TraceKind kind, int a, int b, long content, Object detail) {
    long h = digest;
    h = mix(h, sim.now());
    h = mix(h, sim.currentSeq());
    h = mix(h, ((long) kind.ordinal() << 48) ^ ((long) a << 24) ^ b);
    h = mix(h, content);
    digest = h;
    if (mode == Mode.RECORD) {
      int i = (int) count;
      if (i == times.length) {
        times = Arrays.copyOf(times, i * 2);
        digests = Arrays.copyOf(digests, i * 2);
      }
      times[i] = sim.now();
      digests[i] = h;
      descriptions.add(sim.describe(kind, a, b, detail));
    }
    count++;
  }

  private static long mix(long h, long v) {
    long x = h ^ (v * 0x9E3779B97F4A7C15L);
    x ^= x >>> 31;
    x *= 0xBF58476D1CE4E5B9L;
    x ^= x >>> 29;
    return x;
  }

  /** The digest of every event so far. */
  public long digest() {
    return digest;
  }

  /** Events recorded so far. */
  public long events() {
    return count;
  }

  public Mode mode() {
    return mode;
  }

  // ---- a recorded trace ----

  /** Virtual time of event {@code i} (recorded traces only). */
  public long time(int i) {
    requireRecorded(i);
    return times[i];
  }

  /** Running digest after event {@code i} (recorded traces only). */
  public long digestAt(int i) {
    requireRecorded(i);
    return digests[i];
  }

  /** What event {@code i} was (recorded traces only). */
  public String description(int i) {
    requireRecorded(i);
    return descriptions.get(i);
  }

  private void requireRecorded(int i) {
    if (mode != Mode.RECORD) {
      throw new IllegalStateException("this trace keeps only its digest; run with Trace.Mode.RECORD");
    }
    if (i < 0 || i >= count) {
      throw new IndexOutOfBoundsException("no event " + i + " in a trace of " + count);
    }
  }
}
