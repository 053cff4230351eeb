package io.quorumlab.harness.nemesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorumlab.harness.SpecException;
import java.util.List;
import org.junit.jupiter.api.Test;

class NemesisSpecTest {

  @Test
  void noneAndAll() {
    assertThat(NemesisSpec.parse("none").isNone()).isTrue();
    assertThat(NemesisSpec.parse("none").nemeses()).isEmpty();
    NemesisSpec all = NemesisSpec.parse(" ALL ");
    assertThat(all.nemeses()).extracting(Nemesis::name).containsExactly("partition", "kill", "pause", "slow");
    assertThat(all.partitions()).containsExactly(PartitionKind.values());
  }

  @Test
  void aListWithVariants() {
    NemesisSpec s = NemesisSpec.parse("partition:isolate+bridge,kill:one,pause");
    assertThat(s.partitions()).containsExactly(PartitionKind.ISOLATE, PartitionKind.BRIDGE);
    assertThat(s.kills()).containsExactly(Targets.ONE);
    assertThat(s.pauses()).containsExactly(Targets.ONE, Targets.MINORITY, Targets.MAJORITY);
    assertThat(s.slow()).isFalse();
    assertThat(NemesisSpec.parse(s.toString())).isEqualTo(s);
    assertThat(NemesisSpec.parse("partition,kill").nemeses()).extracting(Nemesis::name).containsExactly("partition", "kill");
  }

  @Test
  void badSpecsSayWhatIsWrongInOneLine() {
    assertThatThrownBy(() -> NemesisSpec.parse("parition,kill")).isInstanceOf(SpecException.class)
        .hasMessageStartingWith("unknown fault 'parition'").hasMessageContaining("expected none, all");
    assertThatThrownBy(() -> NemesisSpec.parse("none,kill")).hasMessageContaining("cannot be combined");
    assertThatThrownBy(() -> NemesisSpec.parse("kill:two")).hasMessageContaining("unknown target 'two'");
    assertThatThrownBy(() -> NemesisSpec.parse("partition:split")).hasMessageContaining("unknown partition 'split'");
    assertThatThrownBy(() -> NemesisSpec.parse("slow:fast")).hasMessageContaining("slow takes no variant");
    assertThatThrownBy(() -> NemesisSpec.parse("")).hasMessageContaining("empty --nemesis");
    assertThatThrownBy(() -> NemesisSpec.parse("kill,,pause")).hasMessageContaining("empty fault");
    assertThatThrownBy(() -> NemesisSpec.parse("kill:")).hasMessageContaining("empty variant");
    for (String bad : List.of("parition", "kill:two", "a:b:c")) {
      assertThatThrownBy(() -> NemesisSpec.parse(bad)).satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
  }

  @Test
  void diskFaultsAndTheirTargetsMixInOneVariantList() {
    NemesisSpec s = NemesisSpec.parse("disk:crash+all,kill");
    assertThat(s.disk().faults()).containsExactly(io.quorumlab.harness.cluster.DiskFault.CRASH);
    assertThat(s.disk().targets()).containsExactly(Targets.ALL);
    assertThat(s.nemeses()).extracting(Nemesis::name).containsExactly("kill", "disk");
    assertThat(NemesisSpec.parse(s.toString())).isEqualTo(s);
    NemesisSpec d = NemesisSpec.parse("disk");
    assertThat(d.disk().faults()).containsExactly(io.quorumlab.harness.cluster.DiskFault.values());
    assertThat(d.disk().targets()).containsExactly(Targets.ONE, Targets.MINORITY, Targets.MAJORITY);
    assertThat(d.toString()).isEqualTo("disk:crash+torn+corrupt+one+minority+majority");
    assertThat(NemesisSpec.parse("all").disk().isNone()).isTrue();
    assertThatThrownBy(() -> NemesisSpec.parse("disk:melt")).isInstanceOf(SpecException.class)
        .hasMessageStartingWith("unknown disk variant 'melt' (expected crash, torn or corrupt").hasMessageNotContaining("\n");
  }

  @Test
  void targetCounts() {
    assertThat(List.of(Targets.ONE, Targets.MINORITY, Targets.MAJORITY, Targets.ALL)).extracting(t -> t.count(5)).containsExactly(1, 2, 3, 5);
    assertThat(List.of(Targets.ONE, Targets.MINORITY, Targets.MAJORITY, Targets.ALL)).extracting(t -> t.count(3)).containsExactly(1, 1, 2, 3);
  }

  @Test
  void membershipChangesAreTheirOwnFaultAndNotPartOfAll() {
    NemesisSpec s = NemesisSpec.parse("membership");
    assertThat(s.membership()).containsExactly(MembershipChange.JOIN, MembershipChange.LEAVE, MembershipChange.REMOVE);
    assertThat(s.isNone()).isFalse();
    assertThat(s.nemeses()).extracting(Nemesis::name).containsExactly("membership");
    NemesisSpec joinLeave = NemesisSpec.parse("kill:one,membership:join+leave");
    assertThat(joinLeave.membership()).containsExactly(MembershipChange.JOIN, MembershipChange.LEAVE);
    assertThat(NemesisSpec.parse(joinLeave.toString())).isEqualTo(joinLeave);
    assertThat(NemesisSpec.parse("all").membership()).isEmpty();

    assertThatThrownBy(() -> NemesisSpec.parse("membership:move")).isInstanceOf(SpecException.class)
        .hasMessageContaining("unknown membership variant 'move'");
    assertThatThrownBy(() -> NemesisSpec.parse("membership:leave+remove")).isInstanceOf(SpecException.class)
        .hasMessageContaining("needs join too");
  }
}
