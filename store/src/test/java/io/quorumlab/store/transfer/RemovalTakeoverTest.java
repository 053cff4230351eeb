package io.quorumlab.store.transfer;

import static io.quorumlab.store.transfer.TransferNetwork.N;
import static io.quorumlab.store.transfer.TransferNetwork.version;
import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.store.ring.Ring;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Six nodes, one crashes and is removed: the nodes that take over its ranges pull them from every survivor. */
class RemovalTakeoverTest {
  static final List<String> KEYS = TransferNetwork.keys(600);

  /** For each key n3 replicates: the survivor that alone holds a second write (acked by n3 and it, W=2). */
  private static Map<String, String> writesOnOneSurvivor(TransferNetwork net) {
    Map<String, String> only = new TreeMap<>();
    for (String key : KEYS) {
      List<String> replicas = net.ring().preferenceList(key, N);
      if (replicas.contains("n3")) {
        String survivor = replicas.stream().filter(r -> !r.equals("n3")).toList().get(key.hashCode() & 1);
        net.member("n3").store(key, Set.of(version(key, "w2")));
        net.member(survivor).store(key, Set.of(version(key, "w2")));
        only.put(key, survivor);
      }
    }
    return only;
  }

  @Test
  void theNewReplicaOfEachKeyGetsEveryWriteAnySurvivorHeldAndServesNoReadBefore() {
    TransferNetwork net = new TransferNetwork(6);
    KEYS.forEach(k -> net.put(k, version(k, "v1")));
    Ring before = net.ring();
    Map<String, String> only = writesOnOneSurvivor(net);
    // One survivor's streams are lost for now: no taker may finish, none may serve its new keys.
    net.drop = e -> e.from().equals("n1") && e.message() instanceof TransferMessage.Batch;

    net.remove("n3");
    Ring after = net.ring();
    net.advance(5_000);

    Map<String, String> taker = new TreeMap<>();
    for (String key : only.keySet()) {
      List<String> now = after.preferenceList(key, N);
      String gained = now.stream().filter(r -> !before.preferenceList(key, N).contains(r)).findFirst().orElseThrow();
      taker.put(key, gained);
      boolean waitsForN1 = before.preferenceList(key, N).contains("n1");
      assertThat(net.member(gained).transfer.serves(key)).as(gained + " serves " + key + " (needs n1: " + waitsForN1 + ")")
          .isEqualTo(!waitsForN1);
      for (String kept : now) {
        if (!kept.equals(gained)) {
          assertThat(net.member(kept).transfer.serves(key)).as(kept + " kept " + key).isTrue();
        }
      }
    }

    net.drop = e -> false;
    net.advance(10_000);
    only.forEach((key, survivor) -> {
      TransferNetwork.Member t = net.member(taker.get(key));
      assertThat(t.transfer.serves(key)).as(t.id + " serves " + key + " once pulled").isTrue();
      assertThat(t.versions(key)).as(key + ": the write only " + survivor + " and the removed n3 held, at " + t.id)
          .contains(version(key, "w2"), version(key, "v1"));
    });
    assertThat(net.members.values().stream().filter(m -> !m.id.equals("n3")).mapToInt(m -> m.transfer.streams()).sum())
        .as("every pull finished").isZero();
  }
}
