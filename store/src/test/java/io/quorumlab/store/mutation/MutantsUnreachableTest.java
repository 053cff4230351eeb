package io.quorumlab.store.mutation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorumlab.store.config.NodeConfig;
import io.quorumlab.store.node.Node;
import io.quorumlab.store.node.Scheduler;
import io.quorumlab.store.server.NodeConfigJson;
import io.quorumlab.store.storage.MemoryStorage;
import io.quorumlab.store.version.Reconciler;
import io.quorumlab.store.version.Siblings;
import io.quorumlab.store.version.Version;
import io.quorumlab.store.version.VersionVector;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A mutant is switched on in process only: nothing a user configures reaches one. */
class MutantsUnreachableTest {
  private static final Map<String, String> MEMBERS = Map.of("n1", "127.0.0.1:7001");

  @Test
  void noNodeConfigFieldCarriesAMutant() {
    for (RecordComponent c : NodeConfig.class.getRecordComponents()) {
      assertThat(c.getType()).as(c.getName()).isNotIn(Mutant.class, Mutants.class);
      assertThat(c.getGenericType().getTypeName()).as(c.getName()).doesNotContain("mutation");
      assertThat(c.getName().toLowerCase()).doesNotContain("mutant");
    }
  }

  @ParameterizedTest
  @EnumSource(Mutant.class)
  void aConfigFileNamingAMutantIsRefused(Mutant m) {
    for (String field : new String[] {"mutants", "mutant", m.name(), m.cliName()}) {
      String json = "{\"nodeId\":\"n1\",\"port\":7001,\"members\":{\"n1\":\"127.0.0.1:7001\"},\"" + field + "\":[\"" + m.name() + "\"]}";
      assertThatThrownBy(() -> NodeConfigJson.parse(json)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("unknown field '" + field + "'");
    }
  }

  /** The constructor the server uses (with any config it can parse) runs the store as written. */
  @Test
  void theServersConstructorPlantsNothing() {
    NodeConfig config = NodeConfigJson.parse("{\"nodeId\":\"n1\",\"port\":7001,\"members\":{\"n1\":\"127.0.0.1:7001\"},\"storage\":\"memory\",\"n\":1,\"w\":1,\"r\":1}");
    Scheduler never = (delay, task) -> () -> { };
    Node node = new Node(config, null, new MemoryStorage(), io.quorumlab.store.node.SystemClock.INSTANCE, never, new SplittableRandom(1), n -> true);
    assertThat(node.mutants()).isSameAs(Mutants.NONE);
    assertThat(node.mutants().isEmpty()).isTrue();
  }

  @Test
  void everyMutantSaysWhatAndWhere() {
    assertThat(Mutant.values()).hasSizeGreaterThanOrEqualTo(10);
    for (Mutant m : Mutant.values()) {
      assertThat(m.bug()).isNotBlank();
      assertThat(m.site()).contains("#");
    }
    assertThat(Arrays.stream(Mutant.values()).map(Mutant::cliName).distinct()).hasSize(Mutant.values().length);
  }

  /** The merge mutants break the merge rule's laws, which the rule as written keeps. */
  @Test
  void lwwKeepsOlderKeepsTheOlderStampOnlyWhenPlanted() {
    Version older = new Version("n1", 1, 100, VersionVector.EMPTY, new byte[] {1});
    Version newer = new Version("n2", 1, 200, VersionVector.EMPTY, new byte[] {2});
    Reconciler rule = Reconciler.forMode(io.quorumlab.store.config.ConflictMode.LWW);
    assertThat(MutatedReconciler.wrap(rule, Mutants.NONE)).isSameAs(rule);
    assertThat(rule.merge(Siblings.of(older), Siblings.of(newer)).versions()).containsExactly(newer);
    Reconciler mutated = MutatedReconciler.wrap(rule, Mutants.of(Mutant.LWW_KEEPS_OLDER));
    assertThat(mutated.merge(Siblings.of(older), Siblings.of(newer)).versions()).containsExactly(older);
    assertThat(mutated.merge(Siblings.of(newer), Siblings.of(older)).versions()).containsExactly(older);
  }

  @Test
  void theSiblingsMergeMutantDropsAConcurrentVersion() {
    Version a = new Version("n1", 1, 100, VersionVector.EMPTY, new byte[] {1});
    Version b = new Version("n2", 1, 100, VersionVector.EMPTY, new byte[] {2});
    Reconciler rule = Reconciler.forMode(io.quorumlab.store.config.ConflictMode.SIBLINGS);
    assertThat(rule.merge(Siblings.of(a), Siblings.of(b)).versions()).hasSize(2);
    Reconciler mutated = MutatedReconciler.wrap(rule, Mutants.of(Mutant.SIBLINGS_MERGE_DROPS_CONCURRENT));
    assertThat(mutated.merge(Siblings.of(a), Siblings.of(b)).versions()).hasSize(1);
  }
}
