package io.quorumlab.harness.cluster.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.harness.cluster.Link;
import io.quorumlab.harness.cluster.Slowness;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FrameProxyTest {
  private static final Link AB = new Link("a", "b");
  private static final Link BA = new Link("b", "a");

  private FrameEchoServer echo;
  private ProxyGroup proxies;

  @BeforeEach
  void setUp() throws Exception {
    echo = new FrameEchoServer();
    // "b" is the echo server; "a" reaches it through the proxy of a->b.
    proxies = new ProxyGroup(List.of("a", "b"), node -> echo.address());
  }

  @AfterEach
  void tearDown() throws Exception {
    proxies.close();
    echo.close();
  }

  private Socket connectAtoB() throws IOException {
    Socket s = new Socket("127.0.0.1", proxies.port(AB));
    s.setSoTimeout(400);
    s.setTcpNoDelay(true);
    return s;
  }

  private static void send(Socket s, String text) throws IOException {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    DataOutputStream out = new DataOutputStream(s.getOutputStream());
    out.writeInt(b.length);
    out.write(b);
    out.flush();
  }

  /** The next frame, or null when none arrives within the socket timeout. */
  private static String receive(Socket s) throws IOException {
    DataInputStream in = new DataInputStream(s.getInputStream());
    try {
      int len = in.readInt();
      return new String(in.readNBytes(len), StandardCharsets.UTF_8);
    } catch (SocketTimeoutException e) {
      return null;
    }
  }

  @Test
  void forwardsWholeFramesBothWaysEvenWhenWrittenInPieces() throws Exception {
    try (Socket s = connectAtoB()) {
      send(s, "hello");
      assertThat(receive(s)).isEqualTo("hello");
      // One frame dribbled out a byte at a time arrives whole.
      byte[] payload = "x".repeat(3000).getBytes(StandardCharsets.UTF_8);
      byte[] frame = new byte[4 + payload.length];
      frame[2] = (byte) (payload.length >> 8);
      frame[3] = (byte) payload.length;
      System.arraycopy(payload, 0, frame, 4, payload.length);
      for (int i = 0; i < frame.length; i += 700) {
        s.getOutputStream().write(frame, i, Math.min(700, frame.length - i));
        s.getOutputStream().flush();
        Thread.sleep(5);
      }
      assertThat(receive(s)).isEqualTo("x".repeat(3000));
    }
    assertThat(proxies.rules().forwarded(AB)).isEqualTo(2);
    assertThat(proxies.rules().forwarded(BA)).isEqualTo(2);
  }

  @Test
  void cuttingTheRequestDirectionDropsRequestsAndHealResumesTheSameConnection() throws Exception {
    try (Socket s = connectAtoB()) {
      send(s, "before");
      assertThat(receive(s)).isEqualTo("before");
      proxies.rules().cutExactly(Set.of(AB));
      send(s, "during");
      assertThat(receive(s)).isNull();
      assertThat(echo.framesReceived.get()).as("the cut request never reached b").isEqualTo(1);
      proxies.rules().cutExactly(Set.of());
      send(s, "after");
      assertThat(receive(s)).isEqualTo("after");
    }
    assertThat(proxies.rules().dropped(AB)).isEqualTo(1);
    assertThat(proxies.rules().dropped(BA)).isZero();
  }

  @Test
  void cuttingTheAnswerDirectionLetsRequestsThroughButNotAnswers() throws Exception {
    // "a cannot hear from b": b's frames to a are dropped, also on the connection a opened.
    proxies.rules().cutExactly(Link.cutBy(Map.of("a", Set.of("b"))));
    try (Socket s = connectAtoB()) {
      send(s, "one-way");
      assertThat(receive(s)).isNull();
      assertThat(echo.framesReceived.get()).isEqualTo(1);
    }
    assertThat(proxies.rules().dropped(BA)).isEqualTo(1);
    assertThat(proxies.rules().dropped(AB)).isZero();
  }

  @Test
  void delayHoldsFramesBackAndKeepsTheirOrder() throws Exception {
    proxies.rules().slowExactly(List.of(AB), new Slowness(60, 40, 0, 0));
    try (Socket s = connectAtoB()) {
      s.setSoTimeout(3000);
      long t0 = System.nanoTime();
      for (int i = 0; i < 20; i++) send(s, "m" + i);
      for (int i = 0; i < 20; i++) assertThat(receive(s)).isEqualTo("m" + i);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertThat(ms).isGreaterThanOrEqualTo(20);
      proxies.rules().slowExactly(List.of(), Slowness.NONE);
      long t1 = System.nanoTime();
      send(s, "fast");
      assertThat(receive(s)).isEqualTo("fast");
      assertThat((System.nanoTime() - t1) / 1_000_000).isLessThan(50);
    }
  }

  @Test
  void lossDropsAboutThatFractionOfFrames() throws Exception {
    proxies.rules().slowExactly(List.of(AB), new Slowness(0, 0, 0.5, 0));
    try (Socket s = connectAtoB()) {
      s.setSoTimeout(100);
      for (int i = 0; i < 200; i++) send(s, "f" + i);
      int answers = 0;
      while (receive(s) != null) answers++;
      assertThat(answers).isBetween(60, 140);
      assertThat(proxies.rules().dropped(AB)).isEqualTo(200 - answers);
    }
  }

  @Test
  void rateLimitSpacesFramesOut() throws Exception {
    // 80 kbit/s: a 1000-byte frame takes 100 ms on the wire.
    proxies.rules().slowExactly(List.of(AB), new Slowness(0, 0, 0, 80));
    try (Socket s = connectAtoB()) {
      s.setSoTimeout(3000);
      String big = "y".repeat(996);
      long t0 = System.nanoTime();
      for (int i = 0; i < 4; i++) send(s, big);
      for (int i = 0; i < 4; i++) assertThat(receive(s)).isEqualTo(big);
      assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(350);
    }
  }

  @Test
  void aDeadTargetClosesTheCallersConnection() throws Exception {
    echo.close();
    try (FrameEchoServer ignored = null; Socket s = connectAtoB()) {
      s.setSoTimeout(3000);
      assertThat(s.getInputStream().read()).isEqualTo(-1);
    }
  }
}
