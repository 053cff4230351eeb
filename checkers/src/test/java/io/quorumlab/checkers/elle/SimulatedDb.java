package io.quorumlab.checkers.elle;

import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.Op;
import io.quorumlab.checkers.history.OpType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A small multi-version in-memory database for tests, and simulated clients that run random
 * transactions against it concurrently (one micro-step of one client per tick), recording the
 * history. Isolation modes:
 *
 * <ul>
 *   <li>{@link Mode#SERIALIZABLE}: a transaction runs atomically at its commit step, which lies
 *       between its invocation and completion, so histories are strict serializable.
 *   <li>{@link Mode#SNAPSHOT_ISOLATION}: reads see the snapshot taken at the first step plus the
 *       transaction's own writes; writes are buffered; first committer wins (a write to a key
 *       committed by another since the snapshot aborts).
 *   <li>{@link Mode#READ_COMMITTED}: each read sees the latest committed state plus the
 *       transaction's own writes; a write first takes the key's write lock (held to the end, as
 *       row locks are in PostgreSQL; a client that waits too long aborts), writes are installed
 *       at commit; reads take no locks, so read skew and lost updates happen.
 * </ul>
 * Some transactions abort (recorded {@code fail}, no effect) and some end indeterminate (recorded
 * {@code info}; committed or not at random; the client then continues as a new process).
 */
final class SimulatedDb {
  enum Mode { SERIALIZABLE, SNAPSHOT_ISOLATION, READ_COMMITTED }

  /** One committed version of a key: commit tick and state (a list, or a register's value). */
  private record Version(long tick, Object state) {}

  private final Mode mode;
  private final boolean lists;
  private final Random rnd;
  private final Map<Object, List<Version>> store = new HashMap<>();
  private final List<Op> ops = new ArrayList<>();
  private long tick;

  private final int keyCount;
  private final int maxWritesPerKey;
  private final double abortRate;
  private final double infoRate;
  private final Object[] activeKeys;
  private final Map<Object, Integer> writesPerKey = new HashMap<>();
  private long nextKey;
  private long nextProcess;
  private final Map<Object, Client> locks = new HashMap<>();

  SimulatedDb(Mode mode, boolean lists, long seed, int keyCount, int maxWritesPerKey, double abortRate, double infoRate) {
    this.mode = mode;
    this.lists = lists;
    this.rnd = new Random(seed);
    this.keyCount = keyCount;
    this.maxWritesPerKey = maxWritesPerKey;
    this.abortRate = abortRate;
    this.infoRate = infoRate;
    this.activeKeys = new Object[keyCount];
    for (int i = 0; i < keyCount; i++) activeKeys[i] = nextKey++;
  }

  /** A client's transaction in progress. */
  private final class Client {
    long process = nextProcess++;
    List<Object[]> mops;
    long snapshot;
    int step;
    Map<Object, List<Object>> appends = new HashMap<>();
    Map<Object, Object> writes = new HashMap<>();

    void begin() {
      mops = randomTxn();
      snapshot = tick;
      step = 0;
      appends.clear();
      writes.clear();
      ops.add(Op.of(ops.size(), tick, process, OpType.INVOKE, "txn", null, value(false)));
    }

    boolean running() {
      return mops != null;
    }

    /** One micro-step: the next micro-op, or the commit. */
    int waited;

    void advance() {
      if (step < mops.size() && mode == Mode.READ_COMMITTED && !mops.get(step)[0].equals("r")) {
        Client holder = locks.putIfAbsent(mops.get(step)[1], this);
        if (holder != null && holder != this) {
          if (++waited > 20) finish(true, false);
          return;
        }
        waited = 0;
      }
      if (step < mops.size()) {
        if (mode != Mode.SERIALIZABLE) execute(mops.get(step), mode == Mode.SNAPSHOT_ISOLATION ? snapshot : Long.MAX_VALUE);
        step++;
        return;
      }
      commit();
    }

    private void execute(Object[] mop, long asOf) {
      Object k = mop[1];
      if (mop[0].equals("r")) {
        Object base = read(k, asOf);
        if (lists) {
          List<Object> l = new ArrayList<>(base == null ? List.of() : (List<?>) base);
          l.addAll(appends.getOrDefault(k, List.of()));
          mop[2] = l.isEmpty() && base == null ? null : l;
        } else {
          mop[2] = writes.containsKey(k) ? writes.get(k) : base;
        }
      } else if (lists) {
        appends.computeIfAbsent(k, x -> new ArrayList<>()).add(mop[2]);
      } else {
        writes.put(k, mop[2]);
      }
    }

    private void commit() {
      boolean abort = rnd.nextDouble() < abortRate;
      if (mode == Mode.SERIALIZABLE) {
        for (Object[] mop : mops) execute(mop, Long.MAX_VALUE);
      } else if (mode == Mode.SNAPSHOT_ISOLATION) {
        for (Object k : lists ? appends.keySet() : writes.keySet()) {
          List<Version> vs = store.get(k);
          if (vs != null && vs.get(vs.size() - 1).tick() > snapshot) abort = true;
        }
      }
      finish(abort, !abort && rnd.nextDouble() < infoRate);
    }

    private void finish(boolean abort, boolean indeterminate) {
      boolean apply = !abort && (!indeterminate || rnd.nextBoolean());
      if (apply) install();
      locks.values().removeIf(c -> c == this);
      waited = 0;
      OpType type = abort ? OpType.FAIL : indeterminate ? OpType.INFO : OpType.OK;
      ops.add(Op.of(ops.size(), tick, process, type, "txn", null, value(type == OpType.OK)));
      if (indeterminate) process = nextProcess++;
      mops = null;
    }

    private void install() {
      for (Map.Entry<Object, List<Object>> e : appends.entrySet()) {
        Object cur = read(e.getKey(), Long.MAX_VALUE);
        List<Object> l = new ArrayList<>(cur == null ? List.of() : (List<?>) cur);
        l.addAll(e.getValue());
        store.computeIfAbsent(e.getKey(), x -> new ArrayList<>()).add(new Version(tick, List.copyOf(l)));
      }
      for (Map.Entry<Object, Object> e : writes.entrySet()) {
        store.computeIfAbsent(e.getKey(), x -> new ArrayList<>()).add(new Version(tick, e.getValue()));
      }
    }

    private List<Object> value(boolean withReads) {
      List<Object> v = new ArrayList<>();
      for (Object[] mop : mops) v.add(Arrays.asList(mop[0], mop[1], withReads || !mop[0].equals("r") ? mop[2] : null));
      return v;
    }
  }

  private Object read(Object k, long asOf) {
    List<Version> vs = store.get(k);
    if (vs == null) return null;
    for (int i = vs.size() - 1; i >= 0; i--) if (vs.get(i).tick() <= asOf) return vs.get(i).state();
    return null;
  }

  private List<Object[]> randomTxn() {
    int n = 1 + rnd.nextInt(4);
    List<Object[]> mops = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int slot = rnd.nextInt(keyCount);
      Object k = activeKeys[slot];
      if (rnd.nextBoolean()) {
        mops.add(new Object[] {"r", k, null});
      } else {
        int w = writesPerKey.merge(k, 1, Integer::sum);
        mops.add(new Object[] {lists ? "append" : "w", k, (long) w});
        if (w >= maxWritesPerKey) activeKeys[slot] = nextKey++;
      }
    }
    return mops;
  }

  /** Runs {@code txns} transactions over {@code concurrency} clients and returns the history. */
  History run(int txns, int concurrency) {
    List<Client> clients = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) clients.add(new Client());
    int started = 0;
    int running = 0;
    while (started < txns || running > 0) {
      tick++;
      Client c = clients.get(rnd.nextInt(concurrency));
      if (c.running()) {
        c.advance();
        if (!c.running()) running--;
      } else if (started < txns) {
        c.begin();
        started++;
        running++;
      }
    }
    return new History(ops);
  }
}
