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
    WglSearch[] searches = new WglSearch[keys.size()];
    for (int i = 0; i < searches.length; i++) searches[i] = keys.get(i).search(m);
    AtomicBoolean decided = new AtomicBoolean();
    AtomicInteger done = new AtomicInteger();
    int[] left = new int[searches.length];
    int undecided = 0;
    for (int i = 0; i < searches.length; i++) {
      SearchResult r = firstSlice == 0 ? null : step(searches[i], decided, allKeys, firstSlice, budget);
      if (r == null) left[undecided++] = i;
      else context.progress().accept(new CheckContext.Progress("linearizable", "keys", done.incrementAndGet(), keys.size()));
    }
    if (undecided > 0) inParallel(searches, Arrays.copyOf(left, undecided), keys, allKeys, budget, context, decided, done);
    SearchResult[] results = new SearchResult[searches.length];
    for (int i = 0; i < searches.length; i++) results[i] = searches[i].result();
    return results;
  }

  /** One slice of {@code s}, or its stop once the verdict is known; null while undecided. */
  private static SearchResult step(WglSearch s, AtomicBoolean decided, boolean allKeys, int slice, Budget budget) {
    SearchResult r = decided.get() ? s.stop(NOT_CHECKED, budget) : s.advance(slice, budget);
    if (r != null && r.verdict() == Verdict.INVALID && !allKeys) decided.set(true);
    return r;
  }

  private static void inParallel(WglSearch[] searches, int[] left, List<KeyHistory> keys, boolean allKeys, Budget budget, CheckContext context,
      AtomicBoolean decided, AtomicInteger done) {
    Integer[] order = new Integer[left.length];
    for (int i = 0; i < order.length; i++) order[i] = left[i];
    Arrays.sort(order, Comparator.comparingInt((Integer i) -> -keys.get(i).calls().length));
    Queue<Integer> queue = new ConcurrentLinkedQueue<>(List.of(order));
    Runnable worker = () -> {
      for (Integer i = queue.poll(); i != null; i = queue.poll()) {
        if (step(searches[i], decided, allKeys, SLICE, budget) == null) {
          queue.add(i);
          continue;
        }
        context.progress().accept(new CheckContext.Progress("linearizable", "keys", done.incrementAndGet(), keys.size()));
      }
    };
    int helpers = Math.min(THREADS, left.length) - 1;
    List<CompletableFuture<Void>> futures = new ArrayList<>();
    for (int i = 0; i < helpers; i++) futures.add(CompletableFuture.runAsync(worker, POOL));
    worker.run();
    for (CompletableFuture<Void> f : futures) f.join();
  }
}
