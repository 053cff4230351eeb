package io.quorumlab.harness.run;

import io.quorumlab.harness.SpecException;
import io.quorumlab.workloads.Invocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An explicit list of client ops in place of the workload's random ones: each is sent at its time,
 * by its process, through its node, in the order listed (an op whose process is still busy waits
 * for it, and the ops after it wait too). The final reads after healing are listed as well.
 * {@code quorumlab shrink} writes one; a person may write one by hand.
 *
 * <p>A process whose op ended {@code info} may still have that op in the store, so (as with the
 * random load) its later ops go out under a fresh process id; a schedule made from a recorded
 * history never needs that, since the history's processes already follow the rule.
 *
 * @param ops in order of time
 * @param finalReads the reads after the cluster has healed (each under a fresh process)
 */
public record OpSchedule(List<ScheduledOp> ops, List<Invocation> finalReads) implements LoadSource {
  static final String KEY = "schedule";

  /** @throws SpecException when the ops are not in order of time */
  public OpSchedule {
    ops = List.copyOf(ops);
    finalReads = List.copyOf(finalReads);
    for (int i = 1; i < ops.size(); i++) {
      if (ops.get(i).timeNanos() < ops.get(i - 1).timeNanos()) {
        throw new SpecException("schedule op " + i + " at " + ops.get(i).timeNanos() / 1e9 + " s is listed after op " + (i - 1)
            + " at " + ops.get(i - 1).timeNanos() / 1e9 + " s: list the ops in order of time");
      }
    }
  }

  /** As many processes as the schedule names (at least one). */
  @Override
  public int concurrency() {
    return Math.max(1, processes().size());
  }

  public Set<Long> processes() {
    Set<Long> out = new LinkedHashSet<>();
    for (ScheduledOp op : ops) out.add(op.process());
    return out;
  }

  /** The keys the ops and final reads name, in order of first use. */
  public Set<Object> keys() {
    Set<Object> out = new LinkedHashSet<>();
    for (ScheduledOp op : ops) if (op.key() != null) out.add(op.key());
    for (Invocation r : finalReads) if (r.key() != null) out.add(r.key());
    return out;
  }

  /** The lowest process id no scheduled op uses: fresh ids start there. */
  long firstFreeProcess() {
    long max = -1;
    for (ScheduledOp op : ops) max = Math.max(max, op.process());
    return max + 1;
  }

  Map<String, Object> toMap() {
    List<Object> list = new ArrayList<>();
    for (ScheduledOp op : ops) list.add(op.toMap());
    List<Object> reads = new ArrayList<>();
    for (Invocation r : finalReads) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("f", r.f());
      m.put("key", r.key());
      m.put("value", r.value());
      reads.add(m);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ops", list);
    m.put("final-reads", reads);
    return m;
  }

  static OpSchedule fromMap(Object o) {
    if (!(o instanceof Map<?, ?> m)) throw new SpecException("spec option '" + KEY + "' is not an object with 'ops' and 'final-reads'");
    List<ScheduledOp> ops = new ArrayList<>();
    int i = 0;
    for (Object op : list(m.get("ops"), "ops")) ops.add(ScheduledOp.fromMap(op, i++));
    List<Invocation> reads = new ArrayList<>();
    for (Object r : list(m.get("final-reads"), "final-reads")) {
      if (!(r instanceof Map<?, ?> rm) || !(rm.get("f") instanceof String f)) {
        throw new SpecException("a final read of the schedule is not an object with an 'f': " + r);
      }
      reads.add(new Invocation(f, ScheduledOp.plain(rm.get("key")), ScheduledOp.plain(rm.get("value"))));
    }
    return new OpSchedule(ops, reads);
  }

  private static List<?> list(Object o, String name) {
    if (o == null) return List.of();
    if (o instanceof List<?> l) return l;
    throw new SpecException("the schedule's '" + name + "' is not a list");
  }
}
