package io.quorumlab.checkers.set;

import io.quorumlab.checkers.CheckContext;
import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Checker;
import io.quorumlab.checkers.Verdict;
import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.Op;
import io.quorumlab.checkers.history.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Judges grow-only sets, one per key: ops {@code add} (value: the element) and {@code read} (value:
 * the elements read). Like Jepsen's set-full checker, with the last read of each key as its final
 * read (the harness reads every key once more after healing). When the history records a nemesis
 * {@code heal}, a read that began before it is no final read: if a key's reads after the heal all
 * failed, its adds cannot be judged.
 *
 * <ul>
 *   <li><b>lost add</b>: an add acknowledged before the final read of its key began, absent from it.
 *   <li><b>unexpected element</b>: present in a read but never the value of any add of that key.
 *   <li><b>failed add present</b>: present in a read although its add ended in {@code fail}, which
 *       promised it had no effect.
 *   <li><b>reappeared add</b>: present in a read, absent from a read that began after that one
 *       ended, then present again in a read that began after the absent one ended. Eventually
 *       consistent reads do this without losing data, so by default it is reported but does not
 *       make the history invalid; {@code strict} (linearizable reads expected) counts it.
 * </ul>
 * Lost adds, unexpected elements and failed adds present make the history invalid. A key with
 * acknowledged adds but no successful read cannot be judged: the verdict is then unknown.
 */
public final class SetChecker implements Checker {
  public static final String NAME = "set";
  static final int EXAMPLES = 20;
  static final String HEAL = "heal";

  private final boolean strict;

  public SetChecker() {
    this(false);
  }

  /** @param strict whether adds that vanish and reappear make the history invalid */
  public SetChecker(boolean strict) {
    this.strict = strict;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CheckResult check(History history, CheckContext context) {
    Optional<String> nothing = history.nothingToCheck().or(() -> noAdds(history));
    if (nothing.isPresent()) return CheckResult.nothingToCheck(NAME, nothing.get());
    List<SetAnomaly> anomalies = new ArrayList<>();
    List<Object> unjudgedKeys = new ArrayList<>();
    long acked = 0;
    long attempted = 0;
    long healedAt = lastHeal(history);
    for (Map.Entry<Object, List<Operation>> e : history.operationsByKey().entrySet()) {
      SetKeyCheck key = new SetKeyCheck(e.getKey(), e.getValue(), healedAt);
      anomalies.addAll(key.anomalies());
      acked += key.acknowledgedAdds();
      attempted += key.attemptedAdds();
      if (!key.judged()) unjudgedKeys.add(e.getKey());
    }
    return result(anomalies, unjudgedKeys, attempted, acked, healedAt >= 0);
  }

  /** The index of the last nemesis {@code heal} op (the harness heals before its final reads), or -1. */
  private static long lastHeal(History history) {
    long last = -1;
    for (Op op : history.ops()) {
      if (op.isNemesis() && HEAL.equals(op.f())) last = op.index();
    }
    return last;
  }

  /** Without a single add there is no set to check (a register history, say). */
  private static Optional<String> noAdds(History history) {
    Set<String> functions = new LinkedHashSet<>();
    for (Op op : history.ops()) if (!op.isNemesis()) functions.add(op.f());
    if (functions.contains(SetKeyCheck.ADD)) return Optional.empty();
    return Optional.of("no add operations (the history's functions are " + String.join(", ", functions) + ")");
  }

  private CheckResult result(List<SetAnomaly> anomalies, List<Object> unjudgedKeys, long attempted, long acked, boolean healed) {
    String afterHeal = healed ? " after the heal" : "";
    Map<String, Long> counts = new LinkedHashMap<>();
    for (SetAnomaly a : anomalies) counts.merge(a.kind().wireName, 1L, Long::sum);
    boolean invalid = anomalies.stream().anyMatch(a -> a.kind().invalidates || (strict && a.kind() == SetAnomaly.Kind.REAPPEARED));
    Verdict verdict = invalid ? Verdict.INVALID : unjudgedKeys.isEmpty() ? Verdict.VALID : Verdict.UNKNOWN;

    List<String> explanation = new ArrayList<>();
    for (SetAnomaly.Kind kind : SetAnomaly.Kind.values()) {
      List<SetAnomaly> ofKind = anomalies.stream().filter(a -> a.kind() == kind).toList();
      if (ofKind.isEmpty()) continue;
      explanation.add(ofKind.size() + " " + kind.plural + ": " + kind.meaning
          + (kind == SetAnomaly.Kind.REAPPEARED && !strict ? " (allowed for eventually consistent reads; not counted in the verdict)" : ""));
      ofKind.stream().limit(3).forEach(a -> explanation.add("  " + a.explain()));
    }
    if (!unjudgedKeys.isEmpty()) {
      explanation.add(unjudgedKeys.size() + " key(s) with acknowledged adds have no successful read" + afterHeal + ", so their adds cannot be judged: "
          + abbreviate(unjudgedKeys));
    }

    Map<String, Object> details = new LinkedHashMap<>();
    details.put("attempted-adds", attempted);
    details.put("acknowledged-adds", acked);
    details.put("strict", strict);
    for (SetAnomaly.Kind kind : SetAnomaly.Kind.values()) {
      details.put(kind.wireName, anomalies.stream().filter(a -> a.kind() == kind).limit(EXAMPLES).map(SetAnomaly::toMap).toList());
    }
    details.put("unjudged-keys", unjudgedKeys.stream().map(String::valueOf).toList());

    String summary = switch (verdict) {
      case VALID -> "every one of " + acked + " acknowledged adds is in the final read"
          + (counts.containsKey(SetAnomaly.Kind.REAPPEARED.wireName) ? "; " + counts.get(SetAnomaly.Kind.REAPPEARED.wireName) + " adds vanished from a read and came back" : "");
      case INVALID -> summarize(anomalies) + " (of " + acked + " acknowledged adds)";
      case UNKNOWN -> unjudgedKeys.size() + " key(s) were never read successfully" + afterHeal + "; nothing lost among the rest";
    };
    return new CheckResult(NAME, verdict, summary, explanation, counts, details, List.of());
  }

  private static String summarize(List<SetAnomaly> anomalies) {
    List<String> parts = new ArrayList<>();
    for (SetAnomaly.Kind kind : SetAnomaly.Kind.values()) {
      long n = anomalies.stream().filter(a -> a.kind() == kind).count();
      if (n > 0) parts.add(n + " " + kind.plural);
    }
    return String.join(", ", parts);
  }

  private static String abbreviate(List<Object> keys) {
    List<String> shown = keys.stream().limit(10).map(String::valueOf).toList();
    return String.join(", ", shown) + (keys.size() > 10 ? ", ..." : "");
  }
}
