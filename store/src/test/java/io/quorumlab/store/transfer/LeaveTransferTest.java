package io.quorumlab.store.transfer;

import static io.quorumlab.store.transfer.TransferNetwork.N;
import static io.quorumlab.store.transfer.TransferNetwork.replicatedBy;
import static io.quorumlab.store.transfer.TransferNetwork.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorumlab.store.membership.MemberStatus;
import io.quorumlab.store.ring.Ring;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A node leaves six over the fake network: its keys reach their new replicas, late writes follow. */
class LeaveTransferTest {
  static final List<String> KEYS = TransferNetwork.keys(600);

  static Ring without(Ring ring, String id) {
    List<String> ids = new ArrayList<>(ring.nodes());
    ids.remove(id);
    return Ring.of(ids, TransferNetwork.VNODES);
  }

  @Test
  void aLeavingNodeHandsEachKeyToItsNewReplicaAndForwardsLateWrites() {
    TransferNetwork net = new TransferNetwork(6);
    KEYS.forEach(k -> net.put(k, version(k, "v1")));
    Ring before = net.ring();
    Ring after = without(before, "n4");
    TransferNetwork.Member n4 = net.member("n4");
    Set<String> moving = replicatedBy(net.ring(), "n4", KEYS);

    n4.transfer.leave(net.now);
    assertThat(n4.announced).containsExactly(MemberStatus.LEAVING);
    assertThat(net.ring().contains("n4")).as("a leaving node keeps its tokens").isTrue();
    net.advanceUntil(60_000, () -> n4.transfer.activity() == Activity.LEFT);

    assertThat(n4.announced).containsExactly(MemberStatus.LEAVING, MemberStatus.LEFT);
    assertThat(net.ring().contains("n4")).isFalse();
    assertThat(n4.transfer.keysSent()).as("each key to the one node that takes it over").isEqualTo(moving.size());
    for (String key : KEYS) {
      for (String replica : after.preferenceList(key, N)) {
        assertThat(net.member(replica).versions(key)).as(key + " at " + replica).contains(version(key, "v1"));
      }
    }
    // A coordinator that has not heard still writes to n4: the write goes on to the key's new replica.
    String key = moving.iterator().next();
    String heir = after.preferenceList(key, N).stream().filter(r -> !before.preferenceList(key, N).contains(r))
        .findFirst().orElseThrow();
    n4.store(key, Set.of(version(key, "late")));
    net.deliverAll();
    assertThat(net.member(heir).versions(key)).contains(version(key, "late"));
  }

  @Test
  void aLeavingNodeWaitsForItsHintsBeforeItAnnouncesLeft() {
    TransferNetwork net = new TransferNetwork(4);
    TransferNetwork.Member n4 = net.member("n4");
    n4.hints = 5;
    n4.transfer.leave(net.now);
    net.advance(TransferNetwork.CONFIG.hintDrainMs() / 2);
    assertThat(n4.transfer.activity()).isEqualTo(Activity.LEAVING);
    assertThat(n4.transfer.detail()).contains("delivering 5 hints");
    n4.hints = 0;
    net.advance(2 * TransferNetwork.TICK_MS);
    assertThat(n4.transfer.activity()).isEqualTo(Activity.LEFT);
  }

  @Test
  void aLeaveThatWouldShrinkTheRingBelowNIsRefusedAndMovesNothing() {
    TransferNetwork net = new TransferNetwork(3);
    TransferNetwork.Member n3 = net.member("n3");
    assertThatThrownBy(() -> n3.transfer.leave(net.now)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fewer than N=3");
    assertThat(n3.announced).isEmpty();
    assertThat(n3.transfer.activity()).isEqualTo(Activity.IDLE);
  }

  @Test
  void aJoiningNodeCannotLeaveAndASecondLeaveChangesNothing() {
    TransferNetwork net = new TransferNetwork(4);
    TransferNetwork.Member n5 = net.join("n5");
    assertThatThrownBy(() -> n5.transfer.leave(net.now)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("JOINING");
    TransferNetwork.Member n1 = net.member("n1");
    n1.transfer.leave(net.now);
    n1.transfer.leave(net.now);
    assertThat(n1.announced).containsExactly(MemberStatus.LEAVING);
  }
}
