package io.quorumlab.harness.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quorumlab.store.admin.DiskFaultAnswer;
import io.quorumlab.store.client.ClientOptions;
import io.quorumlab.store.client.InvalidRequestException;
import io.quorumlab.store.client.NettyStoreClient;
import io.quorumlab.store.client.StoreException;
import java.net.InetSocketAddress;

/**
 * Sends a disk fault to a real node through its admin protocol (a node started with
 * {@code diskFaults}); the local and docker backends share it. A crash's answer may be lost with
 * the process that sent it; the backend then waits for the process to end and says so.
 */
public final class DiskFaultCommand {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DiskFaultCommand() {}

  /** What the node says it did. */
  public static String send(InetSocketAddress node, DiskFault fault, long seed) throws StoreException {
    try (NettyStoreClient c = NettyStoreClient.connect(node, ClientOptions.DEFAULTS)) {
      String json = c.admin(fault.command(seed));
      try {
        return JSON.readValue(json, DiskFaultAnswer.class).done();
      } catch (JsonProcessingException e) {
        return json;
      }
    } catch (InvalidRequestException e) {
      throw e; // refused: nothing was done (a node started without diskFaults, say)
    } catch (StoreException e) {
      if (!fault.crashes()) throw e;
      return "crashed (its answer was lost: " + e.getMessage() + ")";
    }
  }
}
