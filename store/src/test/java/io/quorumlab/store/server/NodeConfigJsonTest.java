package io.quorumlab.store.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quorumlab.store.config.ConflictMode;
import io.quorumlab.store.config.FsyncPolicy;
import io.quorumlab.store.config.NodeConfig;
import io.quorumlab.store.config.ReadRepair;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeConfigJsonTest {
  static Map<String, String> members() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("n1", "127.0.0.1:7001");
    m.put("n2", "127.0.0.1:7002");
    return m;
  }

  @Test
  void roundTripsEveryField() {
    NodeConfig c = NodeConfig.defaults("n1", 7001, "/tmp/d", members()).withConflicts(ConflictMode.ABD)
        .withReadRepair(ReadRepair.BLOCKING).withFsync(FsyncPolicy.NEVER).withN(2).withW(1);
    String json = NodeConfigJson.toJson(c);
    assertThat(json).contains("\"conflicts\" : \"abd\"").contains("\"readRepair\" : \"blocking\"");
    assertThat(NodeConfigJson.parse(json)).isEqualTo(c);
  }

  @Test
  void onlyIdentityAndMembersAreRequired() {
    NodeConfig c = NodeConfigJson.parse("{\"nodeId\":\"n2\",\"port\":7002,\"members\":{\"n1\":\"127.0.0.1:7001\",\"n2\":\"127.0.0.1:7002\"},\"n\":2,\"fsync\":\"Periodic\"}");
    assertThat(c.nodeId()).isEqualTo("n2");
    assertThat(c.dataDir()).isEqualTo("data/n2");
    assertThat(c.n()).isEqualTo(2);
    assertThat(c.fsync()).isEqualTo(FsyncPolicy.PERIODIC);
    assertThat(c.vnodes()).isEqualTo(256);
    assertThat(c.members()).containsEntry("n1", "127.0.0.1:7001");
  }

  @Test
  void readsWhatAPlainJacksonMapperWrites() throws Exception {
    NodeConfig c = NodeConfig.defaults("n1", 7001, "/tmp/d", members()).withN(2);
    assertThat(NodeConfigJson.parse(new ObjectMapper().writeValueAsString(c))).isEqualTo(c);
  }

  @Test
  void refusesTyposAndGarbageWithOneLine() {
    assertThatThrownBy(() -> NodeConfigJson.parse("{\"nodeId\":\"n1\",\"port\":1,\"members\":{\"n1\":\"h:1\"},\"wq\":2}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown field 'wq'");
    assertThatThrownBy(() -> NodeConfigJson.parse("{\"port\":1}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("missing required field 'nodeId'");
    assertThatThrownBy(() -> NodeConfigJson.parse("{nope"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not valid JSON");
    assertThatThrownBy(() -> NodeConfigJson.parse("{\"nodeId\":\"n1\",\"port\":1,\"members\":{\"n1\":\"h:1\"},\"conflicts\":\"crdt\"}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("bad field");
  }
}
