package io.quorumlab.bench;

import io.quorumlab.checkers.history.Op;
import io.quorumlab.checkers.history.OpType;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Generates linearizable register histories for benchmarks: {@code concurrency} clients issue
 * reads and writes (half each) of random keys among {@code keys}; each operation takes effect
 * atomically at one moment between its invocation and its completion, so the history is
 * linearizable by construction. About 1% of operations end indeterminate (half of those took
 * effect); their client continues as a new process. Written values are unique per key.
 */
public final class RegisterHistoryGenerator {
  private final SplittableRandom rnd;
  private final int concurrency;
  private final int keys;

  public RegisterHistoryGenerator(long seed, int concurrency, int keys) {
    this.rnd = new SplittableRandom(seed);
    this.concurrency = concurrency;
    this.keys = keys;
  }

  /** Streams a history of {@code operations} operations (2 ops each) to {@code sink}. */
  public void generate(long operations, Consumer<Op> sink) {
    Long[] value = new Long[keys];
    long[] written = new long[keys];
    long[] process = new long[concurrency];
    int[] key = new int[concurrency];
    boolean[] write = new boolean[concurrency];
    long[] arg = new long[concurrency];
    boolean[] busy = new boolean[concurrency];
    boolean[] applied = new boolean[concurrency];
    Long[] observed = new Long[concurrency];
    for (int c = 0; c < concurrency; c++) process[c] = c;
    long nextProcess = concurrency;
    long emitted = 0;
    long started = 0;
    int running = 0;
    long time = 0;
    while (started < operations || running > 0) {
      int c = rnd.nextInt(concurrency);
      time += 1 + rnd.nextInt(1000);
      if (!busy[c]) {
        if (started == operations) continue;
        key[c] = rnd.nextInt(keys);
        write[c] = rnd.nextBoolean();
        arg[c] = write[c] ? ++written[key[c]] : 0;
        busy[c] = true;
        applied[c] = false;
        sink.accept(op(emitted++, time, process[c], OpType.INVOKE, write[c], key[c], write[c] ? arg[c] : null));
        started++;
        running++;
      } else if (!applied[c] && rnd.nextInt(3) > 0) {
        // the moment the operation takes effect
        applied[c] = true;
        if (write[c]) value[key[c]] = arg[c];
        else observed[c] = value[key[c]];
      } else if (applied[c] || rnd.nextInt(100) == 0) {
        OpType type = applied[c] ? (rnd.nextInt(100) == 0 ? OpType.INFO : OpType.OK) : OpType.INFO;
        Object v = write[c] ? (Object) arg[c] : type == OpType.OK ? observed[c] : null;
        sink.accept(op(emitted++, time, process[c], type, write[c], key[c], v));
        busy[c] = false;
        running--;
        if (type == OpType.INFO) process[c] = nextProcess++;
      }
    }
  }

  private Op op(long index, long time, long process, OpType type, boolean write, int key, Object value) {
    return Op.of(index, time, process, type, write ? "write" : "read", keys == 1 ? null : (Object) (long) key, value);
  }
}
