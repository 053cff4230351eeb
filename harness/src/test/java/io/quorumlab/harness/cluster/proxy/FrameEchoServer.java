package io.quorumlab.harness.cluster.proxy;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/** A test server that answers every length-prefixed frame with the same frame. */
final class FrameEchoServer implements AutoCloseable {
  private final ServerSocket server;
  final AtomicInteger framesReceived = new AtomicInteger();

  FrameEchoServer() throws IOException {
    server = new ServerSocket();
    server.bind(new InetSocketAddress("127.0.0.1", 0));
    Thread t = new Thread(this::acceptLoop, "echo-accept");
    t.setDaemon(true);
    t.start();
  }

  InetSocketAddress address() {
    return new InetSocketAddress("127.0.0.1", server.getLocalPort());
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        Thread t = new Thread(() -> echo(s), "echo-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void echo(Socket s) {
    try (s; DataInputStream in = new DataInputStream(s.getInputStream());
         DataOutputStream out = new DataOutputStream(s.getOutputStream())) {
      while (true) {
        int len = in.readInt();
        byte[] payload = in.readNBytes(len);
        if (payload.length < len) return;
        framesReceived.incrementAndGet();
        out.writeInt(len);
        out.write(payload);
        out.flush();
      }
    } catch (IOException e) {
      // connection closed
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
