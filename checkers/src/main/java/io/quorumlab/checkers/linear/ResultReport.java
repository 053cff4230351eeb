package io.quorumlab.checkers.linear;

import io.quorumlab.checkers.CheckContext;
import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the per-key search results into one {@link CheckResult}: the verdict, a summary line, the
 * counterexamples of the first non-linearizable keys, per-key details, and the timeline page.
 */
final class ResultReport {
  private static final int KEYS_EXPLAINED = 3;
  private static final int KEYS_DRAWN = 5;

  private ResultReport() {}

  /** @param independent whether the keys are those of jepsen.independent [key value] tuples */
  static CheckResult report(String checker, Model<?> m, boolean independent, List<KeyHistory> keys, SearchResult[] results, long nanos,
      CheckContext context) {
    Verdict verdict = Verdict.VALID;
    long configurations = 0;
    int calls = 0;
    List<Integer> invalid = new ArrayList<>();
    List<Integer> unknown = new ArrayList<>();
    int unchecked = 0;
    List<Object> perKey = new ArrayList<>();
    // each non-linearizable key's explanation is worded once, for the summary, details and page
    Counterexample[] explained = new Counterexample[keys.size()];
    for (int i = 0; i < keys.size(); i++) {
      if (results[i].verdict() == Verdict.INVALID) explained[i] = new Counterexample(m, keys.get(i), results[i].failure());
    }
    for (int i = 0; i < keys.size(); i++) {
      SearchResult r = results[i];
      boolean stopped = KeyScheduler.NOT_CHECKED.equals(r.gaveUp());
      if (!stopped) verdict = verdict.and(r.verdict());
      configurations += r.configurations();
      calls += r.calls();
      if (r.verdict() == Verdict.INVALID) invalid.add(i);
      else if (stopped) unchecked++;
      else if (r.verdict() == Verdict.UNKNOWN) unknown.add(i);
      perKey.add(keyDetails(keys.get(i), r, explained[i]));
    }
    String keyword = keys.size() == 1 ? " key" : " keys";
    String tuples = independent ? " (independent [key value] tuples)" : "";
    String modelUsed = " (" + m.name() + " model, initially " + describeInitial(m) + ")";
    String summary;
    List<String> explanation = new ArrayList<>();
    switch (verdict) {
      case VALID -> summary = "linearizable: " + (keys.size() == 1 && keys.get(0).key() == null ? "1 register" : keys.size() + keyword)
          + tuples + ", " + calls + (calls == 1 ? " call" : " calls") + modelUsed;
      case INVALID -> {
        KeyHistory first = keys.get(invalid.get(0));
        StringBuilder sb = new StringBuilder("not linearizable: ").append(Counterexample.keyName(first.key()));
        if (keys.size() > 1) {
          sb.append(" (").append(invalid.size()).append(" of ").append(keys.size()).append(" keys not linearizable");
          if (unchecked > 0) sb.append(", ").append(unchecked).append(" not checked once the verdict was known");
          if (!unknown.isEmpty()) sb.append(", ").append(unknown.size()).append(" undecided: ").append(results[unknown.get(0)].gaveUp());
          sb.append(')');
        }
        summary = sb.append(modelUsed).toString();
        for (int i : invalid.subList(0, Math.min(KEYS_EXPLAINED, invalid.size()))) {
          explanation.addAll(explained[i].lines());
        }
        if (invalid.size() > KEYS_EXPLAINED) explanation.add("(" + (invalid.size() - KEYS_EXPLAINED) + " more keys are not linearizable; see the full result)");
      }
      default -> {
        SearchResult firstUnknown = results[unknown.get(0)];
        summary = "unknown: " + firstUnknown.gaveUp() + " after exploring " + configurations + " configurations; "
            + unknown.size() + " of " + keys.size() + keyword + " undecided" + modelUsed;
        for (int i : unknown) {
          SearchResult r = results[i];
          explanation.add(Counterexample.keyName(keys.get(i).key()) + ": stopped after " + r.configurations()
              + " configurations in " + r.nanos() / 1_000_000 + " ms; longest linearizable prefix found: " + r.deepest() + " of " + r.calls() + " calls");
        }
        int decided = keys.size() - unknown.size();
        if (decided > 0) explanation.add(decided + " other" + (decided == 1 ? " key is" : " keys are") + " linearizable");
      }
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("model", m.name());
    details.put("initial-state", describeInitial(m));
    details.put("independent", independent);
    details.put("keys", keys.size());
    details.put("invalid-keys", invalid.size());
    details.put("unknown-keys", unknown.size());
    details.put("unchecked-keys", unchecked);
    details.put("calls", calls);
    details.put("configurations", configurations);
    details.put("millis", nanos / 1_000_000.0);
    details.put("failures", invalid.stream().map(i -> keys.get(i).key()).toList());
    details.put("results", perKey);
    Map<String, Long> anomalies = invalid.isEmpty() ? Map.of() : Map.of("nonlinearizable-key", (long) invalid.size());
    List<Path> artifacts = new ArrayList<>();
    if (!invalid.isEmpty() && context.outDir() != null) {
      List<TimelineHtml.Section> sections = new ArrayList<>();
      for (int i : invalid.subList(0, Math.min(KEYS_DRAWN, invalid.size()))) {
        sections.add(new TimelineHtml.Section(keys.get(i), results[i].failure(), explained[i].lines()));
      }
      artifacts.add(writeHtml(context.outDir(), TimelineHtml.render("Not linearizable", m.name(), sections, List.of(summary))));
    }
    return new CheckResult(checker, verdict, summary, explanation, anomalies, details, artifacts);
  }

  @SuppressWarnings("unchecked")
  private static String describeInitial(Model<?> m) {
    Model<Object> model = (Model<Object>) m;
    return model.describe(model.initial());
  }

  private static Map<String, Object> keyDetails(KeyHistory key, SearchResult r, Counterexample explained) {
    Map<String, Object> k = new LinkedHashMap<>();
    k.put("key", key.key());
    k.put("verdict", KeyScheduler.NOT_CHECKED.equals(r.gaveUp()) ? "unchecked" : r.verdict().wireName());
    k.put("calls", r.calls());
    k.put("configurations", r.configurations());
    k.put("millis", r.nanos() / 1_000_000.0);
    if (r.gaveUp() != null) k.put("gave-up", r.gaveUp());
    if (r.verdict() == Verdict.INVALID) k.put("counterexample", explained.toMap());
    if (r.verdict() == Verdict.UNKNOWN) k.put("deepest-prefix", r.deepest());
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
