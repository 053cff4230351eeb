package io.quorumlab.checkers.linear;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.CheckContext;
import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Corpora;
import io.quorumlab.checkers.Verdict;
import io.quorumlab.checkers.history.Histories;
import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.Op;
import io.quorumlab.checkers.history.OpType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BudgetAndKeysTest {
  @TempDir Path tmp;

  private static History etcd(String name) {
    return Histories.read(Corpora.dir().resolve("jepsen-etcd").resolve(name));
  }

  @Test
  void exhaustedTimeBudgetIsUnknownNeverAGuess() {
    CheckContext ctx = CheckContext.defaults().withTimeBudget(Duration.ZERO);
    CheckResult r = new LinearizabilityChecker(RegisterModel.casRegister()).check(etcd("etcd_002.edn"), ctx);
    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.summary()).startsWith("unknown: time budget exhausted after exploring");
    assertThat(r.explanation().get(0)).startsWith("the register: stopped after").contains("of 64 calls");
    assertThat(r.anomalies()).isEmpty();
  }

  /**
   * A hard key: 18 concurrent writes, then a read of a value none wrote. The search tries every
   * subset of the writes before it can say so (millions of configurations), and outgrows a small
   * memory budget.
   */
  private static void addHardKey(List<Op> ops, String key) {
    int writers = 18;
    for (int p = 0; p < writers; p++) ops.add(new Op(ops.size(), -1, p, OpType.INVOKE, "write", key, (long) p, null, null, Map.of()));
    for (int p = 0; p < writers; p++) ops.add(new Op(ops.size(), -1, p, OpType.OK, "write", key, (long) p, null, null, Map.of()));
    ops.add(new Op(ops.size(), -1, 0, OpType.INVOKE, "read", key, null, null, null, Map.of()));
    ops.add(new Op(ops.size(), -1, 0, OpType.OK, "read", key, 999L, null, null, Map.of()));
  }

  @Test
  void exhaustedMemoryBudgetIsUnknown() {
    CheckContext ctx = new CheckContext(null, Duration.ofMinutes(1), 64 * 1024, p -> {});
    List<Op> ops = new ArrayList<>();
    addHardKey(ops, "hard");
    CheckResult r = new LinearizabilityChecker(RegisterModel.register()).check(new History(ops), ctx);
    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.summary()).contains("memory budget");
    assertThat((long) r.details().get("configurations")).isPositive();
  }

  /**
   * One hard key ({@link #addHardKey}) among easy ones: the hard
   * key is named undecided, and every easy key still gets its verdict (the keys are searched round
   * robin, a slice each, so the easy ones are decided before the hard one spends the budget).
   */
  @Test
  void aKeyThatOutgrowsTheMemoryBudgetLeavesTheOtherKeysTheirVerdicts() {
    List<Op> ops = new ArrayList<>();
    addHardKey(ops, "hard");
    int easy = 30;
    for (int k = 0; k < easy; k++) {
      long p = 10_000 + k;
      String key = "easy-" + k;
      ops.add(new Op(ops.size(), -1, p, OpType.INVOKE, "write", key, (long) k, null, null, Map.of()));
      ops.add(new Op(ops.size(), -1, p, OpType.OK, "write", key, (long) k, null, null, Map.of()));
      ops.add(new Op(ops.size(), -1, p, OpType.INVOKE, "read", key, null, null, null, Map.of()));
      ops.add(new Op(ops.size(), -1, p, OpType.OK, "read", key, (long) k, null, null, Map.of()));
    }
    CheckContext ctx = new CheckContext(null, Duration.ofMinutes(1), 256 * 1024, p -> {});
    CheckResult r = new LinearizabilityChecker(RegisterModel.register(), true).check(new History(ops), ctx);
    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.summary()).contains("memory budget").contains("1 of " + (easy + 1) + " keys undecided");
    assertThat(r.explanation()).anySatisfy(l -> assertThat(l).startsWith("key \"hard\": stopped after"));
    assertThat(r.explanation()).contains(easy + " other keys are linearizable");
    List<?> results = (List<?>) r.details().get("results");
    assertThat(results).filteredOn(k -> "valid".equals(((Map<?, ?>) k).get("verdict"))).hasSize(easy);
  }

  /**
   * A budget spent before the search reaches some keys: each of them is named undecided, and a key
   * with nothing observed (no ok call) is still linearizable, as its search would have said.
   */
  @Test
  void keysNotReachedBeforeTheBudgetRanOutAreEachNamed() {
    HistoryBuilder b = new HistoryBuilder();
    for (int k = 0; k < 5; k++) b.invoke(k, "write", "k" + k, (long) k).ok(k);
    b.invoke(9, "write", "silent", 1L).info(9);
    CheckContext spent = CheckContext.defaults().withTimeBudget(Duration.ofSeconds(-1));
    CheckResult r = new LinearizabilityChecker(RegisterModel.register()).check(b.build(), spent);
    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.summary()).contains("time budget exhausted").contains("5 of 6 keys undecided");
    for (int k = 0; k < 5; k++) {
      String name = "key \"k" + k + "\": stopped after 0 configurations";
      assertThat(r.explanation()).anySatisfy(l -> assertThat(l).startsWith(name));
    }
    assertThat(r.explanation()).contains("1 other key is linearizable");
    List<?> results = (List<?>) r.details().get("results");
    assertThat(results).filteredOn(k -> "silent".equals(((Map<?, ?>) k).get("key"))).singleElement()
        .satisfies(k -> assertThat(((Map<?, ?>) k).get("verdict")).isEqualTo("valid"));
  }

  @Test
  void keysAreCheckedIndependentlyAndCountedWithAllKeys() {
    History h = Histories.read(Corpora.dir().resolve("porcupine-kv/c10-bad.txt"));
    List<CheckContext.Progress> progress = new CopyOnWriteArrayList<>();
    CheckContext ctx = CheckContext.defaults().withProgress(progress::add);
    CheckResult all = new LinearizabilityChecker(new KvModel()).withAllKeys().check(h, ctx);
    assertThat(all.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(all.anomalies()).containsEntry("nonlinearizable-key", 8L);
    assertThat(all.details()).containsEntry("keys", 10).containsEntry("invalid-keys", 8).containsEntry("unchecked-keys", 0);
    assertThat(progress).hasSize(10);
    assertThat(progress).allSatisfy(p -> assertThat(p.total()).isEqualTo(10));
    assertThat(progress.stream().mapToLong(CheckContext.Progress::done).max().orElse(0)).isEqualTo(10);

    CheckResult first = new LinearizabilityChecker(new KvModel()).check(h, CheckContext.defaults());
    assertThat(first.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(first.anomalies().get("nonlinearizable-key")).isBetween(1L, 8L);
  }

  @Test
  void keyedRegistersArePartitioned() {
    History h = new HistoryBuilder()
        .invoke(0, "write", "a", 1L).ok(0)
        .invoke(1, "write", "b", 2L).ok(1)
        .invoke(2, "read", "a", null).ok(2, 1L)
        .invoke(2, "read", "b", null).ok(2, 1L)
        .build();
    CheckResult r = new LinearizabilityChecker(RegisterModel.register()).withAllKeys().check(h, CheckContext.defaults());
    assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(r.summary()).contains("key \"b\"").contains("1 of 2 keys");
    assertThat(r.anomalies()).isEqualTo(Map.of("nonlinearizable-key", 1L));
  }

  @Test
  void writesATimelinePageForTheOffendingKey() throws IOException {
    CheckResult r = new LinearizabilityChecker(RegisterModel.casRegister()).check(etcd("etcd_000.edn"), CheckContext.defaults().withOutDir(tmp));
    assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(r.artifacts()).containsExactly(tmp.resolve("linearizable.html"));
    String html = Files.readString(r.artifacts().get(0));
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("process 0").contains("cannot be placed next")
        .contains("returns here without a place in any order").contains("#e05050");
    // self-contained: no scripts, stylesheets or images from elsewhere
    assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http:").doesNotContain("https:").doesNotContain("<script");
  }

  @Test
  void validHistoriesWriteNoArtifacts() {
    CheckResult r = new LinearizabilityChecker(RegisterModel.casRegister()).check(etcd("etcd_002.edn"), CheckContext.defaults().withOutDir(tmp));
    assertThat(r.verdict()).isEqualTo(Verdict.VALID);
    assertThat(r.artifacts()).isEmpty();
    assertThat(r.summary()).isEqualTo("linearizable: 1 register, 64 calls (cas-register model, initially nil)");
  }

  @Test
  void nemesisOpsAreIgnored() {
    List<io.quorumlab.checkers.history.Op> ops = new ArrayList<>(new HistoryBuilder().op(0, "write", 1L, 1L).op(1, "read", null, 1L).build().ops());
    ops.add(1, io.quorumlab.checkers.history.Op.of(99, 0, io.quorumlab.checkers.history.Op.NEMESIS,
        io.quorumlab.checkers.history.OpType.INFO, "start-partition", null, null));
    CheckResult r = new LinearizabilityChecker(RegisterModel.register()).check(new History(ops), CheckContext.defaults());
    assertThat(r.verdict()).isEqualTo(Verdict.VALID);
  }
}
