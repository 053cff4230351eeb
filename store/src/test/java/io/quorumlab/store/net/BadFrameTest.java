package io.quorumlab.store.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.store.client.Context;
import io.quorumlab.store.client.NettyStoreClient;
import io.quorumlab.store.client.RequestOptions;
import io.quorumlab.store.config.FsyncPolicy;
import io.quorumlab.store.testing.InJvmCluster;
import java.io.DataOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad frame closes that connection only; the node keeps serving everyone else. */
class BadFrameTest {
  static final int MAX_FRAME = 64 * 1024;

  @TempDir Path dir;

  /** True when the server closed the connection (EOF or reset) within two seconds. */
  static boolean closedByServer(Socket s) throws Exception {
    s.setSoTimeout(2000);
    InputStream in = s.getInputStream();
    try {
      return in.read() == -1;
    } catch (SocketException reset) {
      return true;
    }
  }

  void expectClosed(int port, byte[] bytes) throws Exception {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.getOutputStream().write(bytes);
      s.getOutputStream().flush();
      assertThat(closedByServer(s)).isTrue();
    }
  }

  static byte[] frame(int declaredLength, byte[] payload) throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(out);
    d.writeInt(declaredLength);
    d.write(payload);
    return out.toByteArray();
  }

  @Test
  void oversizedAndMalformedFramesCloseOnlyTheirConnection() throws Exception {
    try (InJvmCluster cluster = new InJvmCluster(3, dir, c -> c.withFsync(FsyncPolicy.NEVER)
        .withMaxFrameBytes(MAX_FRAME).withMaxValueBytes(MAX_FRAME / 2))) {
      int port = cluster.config("n1").port();
      NettyStoreClient good = cluster.client("n1");
      good.put("k", "before".getBytes(StandardCharsets.UTF_8), Context.EMPTY, RequestOptions.DEFAULTS);

      // A bystander connection opened before the bad ones must survive them.
      try (Socket bystander = new Socket("127.0.0.1", port)) {
        expectClosed(port, frame(MAX_FRAME + 1, new byte[16]));            // oversized length
        expectClosed(port, frame(0xFFFFFFF0, new byte[0]));                // "negative" (huge unsigned) length
        expectClosed(port, frame(3, new byte[] {0x7F, 1, 2}));             // unknown type
        expectClosed(port, frame(2, new byte[] {0x01, (byte) 0x80}));     // truncated get
        expectClosed(port, frame(3, new byte[] {0x25, 1, 1}));             // peer message (write ack) without hello
        expectClosed(port, frame(4, new byte[] {0x21, 2, 'n', '1'}));      // hello claiming to be n1 itself
        expectClosed(port, frame(2, new byte[] {0x21, 0}));                // hello with an empty id

        // An oversized value is a refused request, not a broken connection.
        byte[] big = new byte[MAX_FRAME / 2 + 1];
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> good.put("k", big, Context.EMPTY, RequestOptions.DEFAULTS))
            .isInstanceOf(io.quorumlab.store.client.InvalidRequestException.class).hasMessageContaining("maxValueBytes");

        bystander.setSoTimeout(200);
        try {
          assertThat(bystander.getInputStream().read()).isNotEqualTo(-1);
        } catch (java.net.SocketTimeoutException stillOpen) {
          // expected: nothing to read, and not closed
        }
      }
      good.put("k", "after".getBytes(StandardCharsets.UTF_8), Context.EMPTY, RequestOptions.DEFAULTS);
      assertThat(cluster.client("n2").get("k", RequestOptions.DEFAULTS).siblings()).hasSize(2);
      assertThat(good.ping()).isEqualTo("n1");
    }
  }
}
