package io.quorumlab.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code quorumlab selftest} as a user types it. */
class SelftestCommandTest {

  /**
   * Two mutants, each caught in every one of three seeds of its scenario, while the same scenarios
   * with the store as written are valid in the same three seeds.
   */
  @Test
  void catchesTwoMutantsWithinAFewSeedsWhileTheStoreAsWrittenPassesTheSameSeeds() {
    CliRun r = CliRun.run("selftest", "--mutant", "lww-keeps-older,siblings-merge-drops-concurrent", "--seeds", "3", "--first-seed", "1",
        "--threads", "2");
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .containsPattern("\\| lww-keeps-older \\| lww-no-faults \\| 3/3 \\| 100\\.0% \\[43\\.9, 100\\.0\\] \\| 1 \\| [\\d.]+ \\| linearizable")
        .containsPattern("\\| siblings-merge-drops-concurrent \\| siblings-set \\| 3/3 \\| .* \\| set lost-add")
        .contains("./quorumlab selftest --mutant lww-keeps-older --first-seed 1 --seeds 1 --baseline-seeds 0")
        .containsPattern("lww-no-faults +3 seeds, 0 failing, 0 unknown")
        .containsPattern("siblings-set +3 seeds, 0 failing, 0 unknown")
        .contains("exit 0 (every mutant caught");
  }

  /**
   * The fallback-counting strict quorum (writes acked by a fallback, missed by reads on the other side
   * of a partition) and the replica that acks before its write is durable (a power loss of every node
   * loses an acknowledged write): each caught in both of two seeds, the store as written valid in them.
   */
  @Test
  void catchesFallbacksCountedByAStrictQuorumAndAcksBeforeDurability() {
    CliRun r = CliRun.run("selftest", "--mutant", "strict-counts-fallbacks,ack-before-durable", "--seeds", "2", "--first-seed", "1",
        "--threads", "2");
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .containsPattern("\\| strict-counts-fallbacks \\| lww-5-nodes-halves \\| 2/2 \\| .* \\| linearizable")
        .containsPattern("\\| ack-before-durable \\| lww-power-loss \\| 2/2 \\| .* \\| linearizable")
        .containsPattern("lww-5-nodes-halves +2 seeds, 0 failing, 0 unknown")
        .containsPattern("lww-power-loss +2 seeds, 0 failing, 0 unknown");
  }

  /**
   * Hints deleted when sent rather than when acknowledged: a hint batch lost to the scenario's 2%
   * message loss loses adds only the hints carried. Caught within three seeds (9 to 11), where the
   * store as written retries the batch and loses nothing.
   */
  @Test
  void catchesHintsDeletedBeforeTheOwnerAcknowledgesThem() {
    CliRun r = CliRun.run("selftest", "--mutant", "hints-deleted-before-ack", "--seeds", "3", "--first-seed", "9", "--threads", "2");
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .containsPattern("\\| hints-deleted-before-ack \\| sloppy-set-isolate \\| [123]/3 \\| .* \\| set lost-add")
        .containsPattern("sloppy-set-isolate +3 seeds, 0 failing, 0 unknown");
  }

  @Test
  void listsEveryMutantWithItsSiteAndScenario() {
    CliRun r = CliRun.run("selftest", "--list");
    assertThat(r.code()).isZero();
    assertThat(r.out().lines()).hasSizeGreaterThanOrEqualTo(10);
    assertThat(r.out()).contains("get-first-reply", "node.GetOperation#onReadReply", "scenario abd-partition");
  }

  @Test
  void badInputExits254WithOneLine() {
    for (String[] args : new String[][] {
        {"selftest", "--mutant", "no-such-bug"},
        {"selftest", "--seeds", "0"},
        {"selftest", "--baseline-seeds", "-1"},
        {"selftest", "--first-seed", "-5", "--mutant", "lww-keeps-older", "--seeds", "1"},
        {"selftest", "--threads", "0", "--mutant", "lww-keeps-older", "--seeds", "1"},
        {"selftest", "--seeds", "many"}}) {
      CliRun r = CliRun.run(args);
      assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isEqualTo(254);
      assertThat(r.err()).startsWith("quorumlab: ").doesNotContain("Exception").doesNotContain("\tat ");
    }
  }
}
