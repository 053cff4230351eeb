package io.quorumlab.checkers.linear;

import io.quorumlab.checkers.CheckContext;
import io.quorumlab.checkers.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the searches of a history's keys: first one slice of each on the calling thread, which
 * decides most keys of most histories without a thread handoff; then those still undecided on two
 * threads, in slices, round robin, largest keys first: a key that is quickly shown to be
 * non-linearizable is found even while another key's search is long, and then the others stop
 * (unless every key is wanted).
 */
final class KeyScheduler {
  private static final int THREADS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
  private static final ExecutorService POOL = Executors.newFixedThreadPool(THREADS, r -> {
    Thread t = new Thread(r, "linearizability-search");
    t.setDaemon(true);
    return t;
  });
  private static final int SLICE = 1 << 12;
  static final String NOT_CHECKED = "not checked further: another key is not linearizable";

  private KeyScheduler() {}

  /** The result of each key, in the order of {@code keys}. */
  static SearchResult[] searchAll(Model<?> m, List<KeyHistory> keys, boolean allKeys, Budget budget, CheckContext context) {
    return searchAll(m, keys, allKeys, budget, context, SLICE);
  }

  /**
   * @param firstSlice search steps each key gets on the calling thread before any other thread
   *     helps (0: none, every key goes to the threads)
   */
  static SearchResult[] searchAll(Model<?> m, List<KeyHistory> keys, boolean allKeys, Budget budget, CheckContext context, int firstSlice) {
    Run run = new Run(m, keys, allKeys, budget, context);
    int[] left = new int[keys.size()];
    int undecided = 0;
    for (int i = 0; i < keys.size(); i++) {
      if (firstSlice == 0 || run.step(i, firstSlice) == null) left[undecided++] = i;
    }
    if (undecided > 0) inParallel(run, Arrays.copyOf(left, undecided), keys);
    return run.results;
  }

  /**
   * The keys' searches and results. A key's search (and its memo) exists only from its first slice
   * until it is decided, so a history of many keys holds the memos of the few being searched, and a
   * key not reached when the budget runs out or the verdict is known costs nothing.
   */
  private static final class Run {
    final Model<?> model;
    final List<KeyHistory> keys;
    final boolean allKeys;
    final Budget budget;
    final CheckContext context;
    final WglSearch[] searches;
    final SearchResult[] results;
    final AtomicBoolean decided = new AtomicBoolean();
    final AtomicInteger done = new AtomicInteger();

    Run(Model<?> model, List<KeyHistory> keys, boolean allKeys, Budget budget, CheckContext context) {
      this.model = model;
      this.keys = keys;
      this.allKeys = allKeys;
      this.budget = budget;
      this.context = context;
      this.searches = new WglSearch[keys.size()];
      this.results = new SearchResult[keys.size()];
    }

    /** One slice of key {@code i}, or its stop once the verdict is known; null while undecided. */
    SearchResult step(int i, int slice) {
      WglSearch s = searches[i];
      // A key not yet started is not started at all once the verdict is known or the budget is spent.
      String stop = s != null ? null : decided.get() ? NOT_CHECKED : budget.charge(0);
      SearchResult r;
      if (stop != null) {
        r = notStarted(keys.get(i), stop);
      } else {
        if (s == null) s = searches[i] = keys.get(i).search(model);
        r = decided.get() ? s.stop(NOT_CHECKED, budget) : s.advance(slice, budget);
        if (r == null) return null;
      }
      searches[i] = null;
      results[i] = r;
      if (r.verdict() == Verdict.INVALID && !allKeys) decided.set(true);
      context.progress().accept(new CheckContext.Progress("linearizable", "keys", done.incrementAndGet(), keys.size()));
      return r;
    }

    /** The result of a key never searched: as a search stopped before its first step would say. */
    private static SearchResult notStarted(KeyHistory k, String why) {
      int n = k.calls().length;
      return k.hasOkCall() ? new SearchResult(Verdict.UNKNOWN, n, 0, 0, 0, null, why) : new SearchResult(Verdict.VALID, n, 0, 0, 0, null, null);
    }
  }

  private static void inParallel(Run run, int[] left, List<KeyHistory> keys) {
    Integer[] order = new Integer[left.length];
    for (int i = 0; i < order.length; i++) order[i] = left[i];
    Arrays.sort(order, Comparator.comparingInt((Integer i) -> -keys.get(i).calls().length));
    Queue<Integer> queue = new ConcurrentLinkedQueue<>(List.of(order));
    Runnable worker = () -> {
      for (Integer i = queue.poll(); i != null; i = queue.poll()) {
        if (run.step(i, SLICE) == null) queue.add(i);
      }
    };
    int helpers = Math.min(THREADS, left.length) - 1;
    List<CompletableFuture<Void>> futures = new ArrayList<>();
    for (int i = 0; i < helpers; i++) futures.add(CompletableFuture.runAsync(worker, POOL));
    worker.run();
    for (CompletableFuture<Void> f : futures) f.join();
  }
}
