package io.quorumlab.checkers.linear;

import io.quorumlab.checkers.CheckContext;
import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Checker;
import io.quorumlab.checkers.CheckerRegistry;
import io.quorumlab.checkers.Verdict;
import io.quorumlab.checkers.history.History;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Checks that a history is linearizable with respect to a {@link Model}: splits it by key
 * (P-compositionality), searches each key with {@link WglSearch} on two threads, and explains
 * every key that is not linearizable. Without a model it picks the first registered model that
 * knows all the history's functions.
 */
public final class LinearizabilityChecker implements Checker {
  private static final int THREADS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
  private static final ExecutorService POOL = Executors.newFixedThreadPool(THREADS, r -> {
    Thread t = new Thread(r, "linearizability-search");
    t.setDaemon(true);
    return t;
  });
  private static final int KEYS_EXPLAINED = 3;
  private static final int KEYS_DRAWN = 5;

  private static final int SLICE = 1 << 12;
  static final String NOT_CHECKED = "not checked further: another key is not linearizable";

  private final Model<?> model;
  private final boolean allKeys;

  /** Chooses the model from the history's functions (read/write -> register, get/put/append -> kv, ...). */
  public LinearizabilityChecker() {
    this(null);
  }

  public LinearizabilityChecker(Model<?> model) {
    this(model, false);
  }

  /**
   * @param allKeys search every key even after one is found non-linearizable (to count them all);
   *     by default the search stops there, as the verdict is then known
   */
  public LinearizabilityChecker(Model<?> model, boolean allKeys) {
    this.model = model;
    this.allKeys = allKeys;
  }

  /** This checker, searching every key even after one is found non-linearizable. */
  public LinearizabilityChecker withAllKeys() {
    return new LinearizabilityChecker(model, true);
  }

  @Override
  public String name() {
    return "linearizable";
  }

  /** The model, or null when it is chosen per history. */
  public Model<?> model() {
    return model;
  }

  /**
   * @throws IllegalArgumentException when the history has functions the model does not know
   *     (or, without a model, no registered model knows them all)
   */
  @Override
  public CheckResult check(History history, CheckContext context) {
    Model<?> m = model != null ? model : chooseModel(history);
    List<KeyHistory> keys = Partitioner.split(history, m);
    Budget budget = new Budget(context.timeBudget().toNanos(), context.memoryBudgetBytes());
    long started = System.nanoTime();
    SearchResult[] results = searchAll(m, keys, budget, context);
    long nanos = System.nanoTime() - started;
    return report(m, keys, results, nanos, context);
  }

  static Model<?> chooseModel(History history) {
    Set<String> fs = new LinkedHashSet<>();
    history.ops().forEach(op -> {
      if (!op.isNemesis()) fs.add(op.f());
    });
    for (String name : CheckerRegistry.modelNames()) {
      Model<?> candidate = CheckerRegistry.model(name);
      if (candidate.functions().containsAll(fs)) return candidate;
    }
    throw new IllegalArgumentException("no linearizability model knows the functions " + fs + "; models: "
        + String.join(", ", CheckerRegistry.modelNames()) + " (or choose another checker)");
  }

  private SearchResult[] searchAll(Model<?> m, List<KeyHistory> keys, Budget budget, CheckContext context) {
    WglSearch[] searches = new WglSearch[keys.size()];
    for (int i = 0; i < searches.length; i++) searches[i] = keys.get(i).search(m);
    // Keys are searched in slices, round robin, largest first: a key that is quickly shown to be
    // non-linearizable is found even while another key's search is long.
    Integer[] order = new Integer[keys.size()];
    for (int i = 0; i < order.length; i++) order[i] = i;
    java.util.Arrays.sort(order, Comparator.comparingInt((Integer i) -> -keys.get(i).calls().length));
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

  private CheckResult report(Model<?> m, List<KeyHistory> keys, SearchResult[] results, long nanos, CheckContext context) {
    Verdict verdict = Verdict.VALID;
    long configurations = 0;
    int calls = 0;
    List<Integer> invalid = new ArrayList<>();
    List<Integer> unknown = new ArrayList<>();
    int unchecked = 0;
    List<Object> perKey = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      SearchResult r = results[i];
      boolean stopped = NOT_CHECKED.equals(r.gaveUp());
      if (!stopped) verdict = verdict.and(r.verdict());
      configurations += r.configurations();
      calls += r.calls();
      if (r.verdict() == Verdict.INVALID) invalid.add(i);
      else if (stopped) unchecked++;
      else if (r.verdict() == Verdict.UNKNOWN) unknown.add(i);
      perKey.add(keyDetails(m, keys.get(i), r));
    }
    String keyword = keys.size() == 1 ? " key" : " keys";
    String summary;
    List<String> explanation = new ArrayList<>();
    switch (verdict) {
      case VALID -> summary = "linearizable: " + (keys.size() == 1 && keys.get(0).key() == null ? "1 register" : keys.size() + keyword)
          + ", " + calls + " calls (" + m.name() + " model)";
      case INVALID -> {
        KeyHistory first = keys.get(invalid.get(0));
        StringBuilder sb = new StringBuilder("not linearizable: ").append(Counterexample.keyName(first.key()));
        if (keys.size() > 1) {
          sb.append(" (").append(invalid.size()).append(" of ").append(keys.size()).append(" keys not linearizable");
          if (unchecked > 0) sb.append(", ").append(unchecked).append(" not checked once the verdict was known");
          sb.append(')');
        }
        summary = sb.append(" (").append(m.name()).append(" model)").toString();
        for (int i : invalid.subList(0, Math.min(KEYS_EXPLAINED, invalid.size()))) {
          explanation.addAll(new Counterexample(m, keys.get(i), results[i].failure()).lines());
        }
        if (invalid.size() > KEYS_EXPLAINED) explanation.add("(" + (invalid.size() - KEYS_EXPLAINED) + " more keys are not linearizable; see the full result)");
      }
      default -> {
        SearchResult firstUnknown = results[unknown.get(0)];
        summary = "unknown: " + firstUnknown.gaveUp() + " after exploring " + configurations + " configurations; "
            + unknown.size() + " of " + keys.size() + keyword + " undecided (" + m.name() + " model)";
        for (int i : unknown) {
          SearchResult r = results[i];
          int deepest = r.failure() == null ? 0 : r.failure().longest().calls().length;
          explanation.add(Counterexample.keyName(keys.get(i).key()) + ": stopped after " + r.configurations()
              + " configurations in " + r.nanos() / 1_000_000 + " ms; longest linearizable prefix found: " + deepest + " of " + r.calls() + " calls");
        }
        int decided = keys.size() - unknown.size();
        if (decided > 0) explanation.add(decided + " other" + (decided == 1 ? " key is" : " keys are") + " linearizable");
      }
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("model", m.name());
    details.put("keys", keys.size());
    details.put("invalid-keys", invalid.size());
    details.put("unknown-keys", unknown.size());
    details.put("unchecked-keys", unchecked);
    details.put("calls", calls);
    details.put("configurations", configurations);
    details.put("millis", nanos / 1_000_000.0);
    details.put("results", perKey);
    Map<String, Long> anomalies = invalid.isEmpty() ? Map.of() : Map.of("nonlinearizable-key", (long) invalid.size());
    List<Path> artifacts = new ArrayList<>();
    if (!invalid.isEmpty() && context.outDir() != null) {
      List<TimelineHtml.Section> sections = new ArrayList<>();
      for (int i : invalid.subList(0, Math.min(KEYS_DRAWN, invalid.size()))) {
        Counterexample ce = new Counterexample(m, keys.get(i), results[i].failure());
        sections.add(new TimelineHtml.Section(keys.get(i), results[i].failure(), ce.lines()));
      }
      artifacts.add(writeHtml(context.outDir(), TimelineHtml.render("Not linearizable", m.name(), sections, List.of(summary))));
    }
    return new CheckResult(name(), verdict, summary, explanation, anomalies, details, artifacts);
  }

  private static Map<String, Object> keyDetails(Model<?> m, KeyHistory key, SearchResult r) {
    Map<String, Object> k = new LinkedHashMap<>();
    k.put("key", key.key());
    k.put("verdict", NOT_CHECKED.equals(r.gaveUp()) ? "unchecked" : r.verdict().wireName());
    k.put("calls", r.calls());
    k.put("configurations", r.configurations());
    k.put("millis", r.nanos() / 1_000_000.0);
    if (r.gaveUp() != null) k.put("gave-up", r.gaveUp());
    if (r.failure() != null) {
      if (r.verdict() == Verdict.INVALID) k.put("counterexample", new Counterexample(m, key, r.failure()).toMap());
      else k.put("deepest-prefix", r.failure().longest().calls().length);
    }
    return k;
  }

  private static Path writeHtml(Path dir, String html) {
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve("linearizable.html");
      Files.writeString(file, html, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the timeline to " + dir + ": " + e.getMessage(), e);
    }
  }
}
