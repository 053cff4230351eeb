package io.quorumlab.bench;

import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.Op;
import io.quorumlab.checkers.history.OpType;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates strict-serializable list-append histories for benchmarks, the way Elle's own
 * generator and a serializable database would: {@code concurrency} clients, each transaction 1-5
 * micro-ops (appends and reads over a pool of keys, each key retired after {@code maxWritesPerKey}
 * appends), executed atomically at a random point between its invocation and completion. About 1%
 * abort and 1% end indeterminate (their client then continues as a new process). Reads return
 * views of the key's append log, so a million-transaction history fits in a few hundred MB; the
 * checker cannot tell them from lists read from a file.
 */
public final class ElleHistoryGenerator {
  private final SplittableRandom rnd;
  private final int concurrency;
  private final int keyCount;
  private final int maxWritesPerKey;

  public ElleHistoryGenerator(long seed, int concurrency, int keyCount, int maxWritesPerKey) {
    this.rnd = new SplittableRandom(seed);
    this.concurrency = concurrency;
    this.keyCount = keyCount;
    this.maxWritesPerKey = maxWritesPerKey;
  }

  /** An immutable micro-op [f k v]; smaller than a general list. */
  private static final class Mop extends AbstractList<Object> {
    final String f;
    final Long k;
    final Object v;

    Mop(String f, Long k, Object v) {
      this.f = f;
      this.k = k;
      this.v = v;
    }

    @Override
    public Object get(int i) {
      return switch (i) {
        case 0 -> f;
        case 1 -> k;
        case 2 -> v;
        default -> throw new IndexOutOfBoundsException(i);
      };
    }

    @Override
    public int size() {
      return 3;
    }
  }

  /** The first {@code len} elements of an append log, which only ever grows. */
  private static final class Prefix extends AbstractList<Object> {
    final Long[] log;
    final int len;

    Prefix(Long[] log, int len) {
      this.log = log;
      this.len = len;
    }

    @Override
    public Object get(int i) {
      if (i >= len) throw new IndexOutOfBoundsException(i);
      return log[i];
    }

    @Override
    public int size() {
      return len;
    }
  }

  private static final class Key {
    final Long id;
    final Long[] log;
    int len;

    Key(long id, int cap) {
      this.id = id;
      this.log = new Long[cap];
    }
  }

  private final class Client {
    long process;
    Mop[] planned;
  }

  /** A history of {@code txns} transactions (2 ops each). */
  public History generate(int txns) {
    List<Op> ops = new ArrayList<>(txns * 2);
    generate(txns, ops::add);
    return new History(ops);
  }

  /**
   * Streams a history of {@code txns} transactions (2 ops each) to {@code sink}, op by op, so that
   * histories larger than the heap can be written to a file.
   */
  public void generate(long txns, java.util.function.Consumer<Op> sink) {
    Key[] active = new Key[keyCount];
    long nextKey = 0;
    for (int i = 0; i < keyCount; i++) active[i] = new Key(nextKey++, maxWritesPerKey);
    int[] writesPlanned = new int[keyCount];
    Client[] clients = new Client[concurrency];
    long nextProcess = 0;
    for (int i = 0; i < concurrency; i++) {
      clients[i] = new Client();
      clients[i].process = nextProcess++;
    }
    List<Key> byId = new ArrayList<>(); // key id -> key, for completions
    for (Key k : active) byId.add(k);
    long emitted = 0;
    long started = 0;
    int running = 0;
    long time = 0;
    while (started < txns || running > 0) {
      Client c = clients[rnd.nextInt(concurrency)];
      time += 1 + rnd.nextInt(1000);
      if (c.planned == null) {
        if (started == txns) continue;
        int n = 1 + rnd.nextInt(5);
        Mop[] mops = new Mop[n];
        for (int i = 0; i < n; i++) {
          int slot = rnd.nextInt(keyCount);
          Key k = active[slot];
          if (rnd.nextBoolean()) {
            mops[i] = new Mop("r", k.id, null);
          } else {
            mops[i] = new Mop("append", k.id, (long) ++writesPlanned[slot]);
            if (writesPlanned[slot] == maxWritesPerKey) {
              active[slot] = new Key(nextKey++, maxWritesPerKey);
              byId.add(active[slot]);
              writesPlanned[slot] = 0;
            }
          }
        }
        c.planned = mops;
        sink.accept(Op.of(emitted++, time, c.process, OpType.INVOKE, "txn", null, List.of((Object[]) mops)));
        started++;
        running++;
      } else {
        double roll = rnd.nextDouble();
        OpType type = roll < 0.01 ? OpType.FAIL : roll < 0.02 ? OpType.INFO : OpType.OK;
        boolean apply = type == OpType.OK || (type == OpType.INFO && rnd.nextBoolean());
        Mop[] mops = c.planned;
        Object[] done = new Object[mops.length];
        for (int i = 0; i < mops.length; i++) {
          Mop m = mops[i];
          Key k = byId.get((int) (long) m.k);
          if (m.f.equals("append")) {
            if (apply) k.log[k.len++] = (Long) m.v;
            done[i] = m;
          } else {
            done[i] = new Mop("r", m.k, new Prefix(k.log, k.len));
          }
        }
        sink.accept(Op.of(emitted++, time, c.process, type, "txn", null, type == OpType.OK ? List.of(done) : List.of((Object[]) mops)));
        c.planned = null;
        running--;
        if (type == OpType.INFO) c.process = nextProcess++;
      }
    }
  }
}
