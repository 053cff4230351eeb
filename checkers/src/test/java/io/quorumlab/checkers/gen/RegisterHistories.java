package io.quorumlab.checkers.gen;

import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.Op;
import io.quorumlab.checkers.history.OpType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Histories of a simulated register (per key, starting empty) that client processes use
 * concurrently, for property tests of the register checkers. Every operation takes effect
 * atomically at one moment of the simulation, so the history is linearizable by construction,
 * with the faults real clients see: operations that fail (and never take effect), and operations
 * whose client gives up ({@code info}) and that take effect before, long after or never. With
 * {@link Shape#inject} the generator then falsifies some reads, and says which of them are stale
 * by the textbook rule, so that a test can check what a checker must find.
 *
 * <p>Time is one millisecond per history line. The same seed and shape give the same history.
 */
public final class RegisterHistories {
  private static final long MS = 1_000_000L;

  /**
   * What to generate.
   *
   * @param cas whether clients also issue {@code cas [old new]} (values then come from
   *     {@code values} distinct ones)
   * @param values with cas, how many distinct values writes and cas draw from: few make cas
   *     succeed often and values repeat, many make most values unique
   * @param keys how many independent registers
   * @param processes how many client processes
   * @param operations how many operations to invoke
   * @param failRate how often an operation that has not taken effect completes {@code fail}
   * @param infoRate how often an operation completes {@code info} (its client gave up)
   * @param repeatRate how often a plain write reuses a value already written (registers only)
   * @param inject whether to falsify some reads after the run
   */
  public record Shape(boolean cas, int values, int keys, int processes, int operations, double failRate, double infoRate,
      double repeatRate, boolean inject) {

    /** A shape drawn from the seed's random source: a little of everything. */
    public static Shape random(Random r, boolean cas) {
      return new Shape(cas, r.nextBoolean() ? 5 : 1000, 1 + r.nextInt(2), 2 + r.nextInt(4), 10 + r.nextInt(30), r.nextDouble() * 0.2,
          r.nextDouble() * 0.3, r.nextInt(3) == 0 ? 0.2 : 0, r.nextBoolean());
    }
  }

  /**
   * A generated history and what the generator knows of it.
   *
   * @param linearizable true when nothing was injected: the history is linearizable by construction
   * @param staleReads ops indices of the reads falsified into textbook stale reads: each returned the
   *     value of an acknowledged write A (its only writer) although a write B that began after A was
   *     acknowledged had itself been acknowledged before the read began
   * @param lateEffects how many {@code info} writes took effect after their client gave up and were
   *     then read
   */
  public record Generated(History history, Shape shape, boolean linearizable, List<Long> staleReads, int lateEffects) {}

  private final Random random;
  private final Shape shape;
  private final List<Op> ops = new ArrayList<>();
  private final Map<Integer, Object> state = new HashMap<>();
  private final Pending[] running;
  /** Writes and cas whose client gave up before they took effect: they may still take effect. */
  private final List<Pending> ghosts = new ArrayList<>();
  private final List<Pending> done = new ArrayList<>();
  private long nextValue = 1;
  private int lateEffects;

  private RegisterHistories(long seed, Shape shape) {
    this.random = new Random(seed);
    this.shape = shape;
    this.running = new Pending[shape.processes()];
  }

  /** A history drawn entirely from the seed, shape included. */
  public static Generated generate(long seed, boolean cas) {
    return generate(seed, Shape.random(new Random(seed ^ 0x5DEECE66DL), cas));
  }

  public static Generated generate(long seed, Shape shape) {
    return new RegisterHistories(seed, shape).run();
  }

  /** An operation from its invocation to its effect and completion. */
  private static final class Pending {
    final int process;
    final String f;
    final int key;
    final Object value;
    final int invokePosition;
    boolean applied;
    /** What a read saw, or whether a cas matched. */
    Object observed;
    boolean casMatched;
    OpType outcome;
    int completePosition = -1;
    boolean appliedAfterGivingUp;

    Pending(int process, String f, int key, Object value, int invokePosition) {
      this.process = process;
      this.f = f;
      this.key = key;
      this.value = value;
      this.invokePosition = invokePosition;
    }
  }

  private Generated run() {
    int invoked = 0;
    while (invoked < shape.operations() || anyRunning()) {
      int action = random.nextInt(10);
      if (action < 3 && invoked < shape.operations()) {
        if (invoke()) invoked++;
      } else if (action < 6) {
        applySome();
      } else if (action < 9) {
        completeSome();
      } else if (!ghosts.isEmpty() && random.nextInt(3) == 0) {
        Pending g = ghosts.remove(random.nextInt(ghosts.size()));
        apply(g);
        g.appliedAfterGivingUp = true;
      }
      if (invoked >= shape.operations() && random.nextInt(40) == 0) break; // leave some ops open
    }
    countLateEffects();
    List<Long> stale = shape.inject() ? inject() : List.of();
    return new Generated(new History(ops), shape, !shape.inject(), stale, lateEffects);
  }

  private boolean anyRunning() {
    for (Pending p : running) if (p != null) return true;
    return false;
  }

  private boolean invoke() {
    int process = random.nextInt(running.length);
    if (running[process] != null) return false;
    int key = random.nextInt(shape.keys());
    int pick = random.nextInt(shape.cas() ? 10 : 8);
    String f = pick < 4 ? "read" : pick < (shape.cas() ? 7 : 8) ? "write" : "cas";
    Object value = switch (f) {
      case "read" -> null;
      case "write" -> writeValue();
      default -> List.of(casOld(key), drawnValue());
    };
    running[process] = new Pending(process, f, key, value, ops.size());
    add(process, OpType.INVOKE, f, key, value);
    return true;
  }

  private Object writeValue() {
    if (shape.cas()) return drawnValue();
    if (nextValue > 1 && random.nextDouble() < shape.repeatRate()) return 1 + (long) random.nextInt((int) nextValue - 1);
    return nextValue++;
  }

  private Long drawnValue() {
    return (long) random.nextInt(shape.values());
  }

  /** Half the time the value the register holds now, so that cas has a fair chance. */
  private Object casOld(int key) {
    Object now = state.get(key);
    return now != null && random.nextBoolean() ? now : drawnValue();
  }

  private void applySome() {
    Pending p = running[random.nextInt(running.length)];
    if (p != null && !p.applied && p.outcome == null) apply(p);
  }

  private void apply(Pending p) {
    p.applied = true;
    Object now = state.get(p.key);
    switch (p.f) {
      case "read" -> p.observed = now;
      case "write" -> state.put(p.key, p.value);
      default -> {
        List<?> oldNew = (List<?>) p.value;
        p.casMatched = Objects.equals(now, oldNew.get(0));
        if (p.casMatched) state.put(p.key, oldNew.get(1));
      }
    }
  }

  private void completeSome() {
    int process = random.nextInt(running.length);
    Pending p = running[process];
    if (p == null) return;
    double roll = random.nextDouble();
    if (roll < shape.infoRate()) {
      p.outcome = OpType.INFO;
      if (!p.applied && !p.f.equals("read")) ghosts.add(p);
    } else if (!p.applied && roll < shape.infoRate() + shape.failRate()) {
      p.outcome = OpType.FAIL;
    } else {
      if (!p.applied) apply(p);
      p.outcome = p.f.equals("cas") && !p.casMatched ? OpType.FAIL : OpType.OK;
    }
    Object value = p.f.equals("read") ? (p.outcome == OpType.OK ? p.observed : null) : p.value;
    p.completePosition = ops.size();
    add(process, p.outcome, p.f, p.key, value);
    running[process] = null;
    done.add(p);
  }

  /** Info writes that took effect after their client gave up, whose value some later read returned. */
  private void countLateEffects() {
    for (Pending w : done) {
      if (!w.appliedAfterGivingUp || !w.f.equals("write")) continue;
      for (Pending r : done) {
        if (r.f.equals("read") && r.outcome == OpType.OK && r.key == w.key && r.invokePosition > w.completePosition
            && Objects.equals(r.observed, w.value)) {
          lateEffects++;
          break;
        }
      }
    }
  }

  /**
   * Falsifies about one read in four: some into textbook stale reads where the history has the
   * writes for one, the others into a value the register held at some time, or into a value no
   * one wrote.
   */
  private List<Long> inject() {
    List<Long> stale = new ArrayList<>();
    for (Pending r : done) {
      if (!r.f.equals("read") || r.outcome != OpType.OK || random.nextInt(4) != 0) continue;
      Object falsified;
      int kind = random.nextInt(3);
      Pending missed = kind == 0 ? textbookStaleValue(r) : null;
      if (missed != null) {
        falsified = missed.value;
        stale.add((long) r.invokePosition);
      } else if (kind == 2) {
        falsified = 1_000_000L + random.nextInt(1000);
      } else {
        falsified = someValue(r.key);
      }
      Op c = ops.get(r.completePosition);
      ops.set(r.completePosition, c.withValue(falsified));
      r.observed = falsified;
    }
    return stale;
  }

  /**
   * An acknowledged write A to the read's key, the only non-failed writer of its value, such that a
   * write B began after A was acknowledged and was acknowledged before the read began; or null.
   */
  private Pending textbookStaleValue(Pending read) {
    for (Pending a : done) {
      if (!isAckedWrite(a, read.key) || !onlyWriterOf(a)) continue;
      for (Pending b : done) {
        if (isAckedWrite(b, read.key) && b.invokePosition > a.completePosition && b.completePosition < read.invokePosition) return a;
      }
    }
    return null;
  }

  private static boolean isAckedWrite(Pending p, int key) {
    return p.key == key && p.f.equals("write") && p.outcome == OpType.OK;
  }

  /** No other write or cas to its key that may have taken effect (completed or still open) wrote its value. */
  private boolean onlyWriterOf(Pending a) {
    List<Pending> all = new ArrayList<>(done);
    for (Pending p : running) if (p != null) all.add(p);
    for (Pending p : all) {
      if (p != a && p.key == a.key && !p.f.equals("read") && p.outcome != OpType.FAIL && Objects.equals(written(p), a.value)) return false;
    }
    return true;
  }

  private static Object written(Pending p) {
    return p.f.equals("write") ? p.value : ((List<?>) p.value).get(1);
  }

  /** A value some write or cas to the key wrote, or nil. */
  private Object someValue(int key) {
    List<Object> values = new ArrayList<>();
    values.add(null);
    for (Pending p : done) if (p.key == key && !p.f.equals("read")) values.add(written(p));
    return values.get(random.nextInt(values.size()));
  }

  private void add(int process, OpType type, String f, int key, Object value) {
    long index = ops.size();
    ops.add(new Op(index, index * MS, process, type, f, (long) key, value, "n" + (process % 3 + 1), null, Map.of()));
  }
}
