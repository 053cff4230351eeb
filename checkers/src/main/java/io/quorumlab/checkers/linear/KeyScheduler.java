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
 * Runs the searches of a history's keys on two threads, in slices, round robin, largest keys
 * first: a key that is quickly shown to be non-linearizable is found even while another key's
 * search is long, and then the others stop (unless every key is wanted).
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
    WglSearch[] searches = new WglSearch[keys.size()];
    for (int i = 0; i < searches.length; i++) searches[i] = keys.get(i).search(m);
    Integer[] order = new Integer[keys.size()];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(order, Comparator.comparingInt((Integer i) -> -keys.get(i).calls().length));
    Queue<Integer> queue = new ConcurrentLinkedQueue<>(List.of(order));
    AtomicBoolean decided = new AtomicBoolean();
    AtomicInteger done = new AtomicInteger();
    Runnable worker = () -> {
      for (Integer i = queue.poll(); i != null; i = queue.poll()) {
        SearchResult r = decided.get() ? searches[i].stop(NOT_CHECKED, budget) : searches[i].advance(SLICE, budget);
        if (r == null) {
          queue.add(i);
          continue;
        }
        if (r.verdict() == Verdict.INVALID && !allKeys) decided.set(true);
        context.progress().accept(new CheckContext.Progress("linearizable", "keys", done.incrementAndGet(), keys.size()));
      }
    };
    int helpers = Math.min(THREADS, keys.size()) - 1;
    List<CompletableFuture<Void>> futures = new ArrayList<>();
    for (int i = 0; i < helpers; i++) futures.add(CompletableFuture.runAsync(worker, POOL));
    worker.run();
    for (CompletableFuture<Void> f : futures) f.join();
    SearchResult[] results = new SearchResult[searches.length];
    for (int i = 0; i < searches.length; i++) results[i] = searches[i].result();
    return results;
  }
}
