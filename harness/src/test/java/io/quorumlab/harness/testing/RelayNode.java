package io.quorumlab.harness.testing;

import io.quorumlab.store.config.NodeConfig;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in node for the cluster backends' own tests: started like the store ({@code serve
 * --config node.json}), it speaks length-prefixed frames and reports which directed links carried
 * what. Commands (UTF-8 frames): {@code ping} answers {@code pong}; {@code send:TO:TOKEN} makes this
 * node send a one-way {@code note} to TO; {@code ask:TO:TOKEN} makes it send a request that TO
 * answers on the same connection; {@code notes} answers every {@code FROM:TOKEN} this node heard.
 */
public final class RelayNode {
  private final NodeConfig config;
  private final List<String> heard = new ArrayList<>();
  private final Map<String, Peer> peers = new ConcurrentHashMap<>();

  private RelayNode(NodeConfig config) {
    this.config = config;
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 3 || !args[0].equals("serve") || !args[1].equals("--config")) {
      System.err.println("usage: RelayNode serve --config FILE");
      System.exit(254);
    }
    NodeConfig config = io.quorumlab.store.server.NodeConfigJson.read(Path.of(args[2]));
    new RelayNode(config).serve();
  }

  private void serve() throws IOException {
    ServerSocket server = new ServerSocket();
    server.bind(new InetSocketAddress(config.listenHost(), config.port()));
    System.out.println("relay node " + config.nodeId() + " listening on " + config.port());
    while (true) {
      Socket s = server.accept();
      Thread t = new Thread(() -> handle(s));
      t.setDaemon(true);
      t.start();
    }
  }

  private void handle(Socket s) {
    try (s; DataInputStream in = new DataInputStream(s.getInputStream());
         DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(s.getOutputStream()))) {
      while (true) {
        String msg = read(in);
        String[] p = msg.split(":", 3);
        switch (p[0]) {
          case "ping" -> write(out, "pong");
          case "send" -> {
            peer(p[1]).send("note:" + config.nodeId() + ":" + p[2]);
            write(out, "sent");
          }
          case "ask" -> {
            peer(p[1]).send("req:" + config.nodeId() + ":" + p[2]);
            write(out, "asked");
          }
          case "note" -> record(p[1] + ":" + p[2]);
          case "req" -> write(out, "resp:" + config.nodeId() + ":" + p[2]);
          case "notes" -> {
            synchronized (heard) {
              write(out, String.join(",", heard));
            }
          }
          default -> write(out, "unknown " + p[0]);
        }
      }
    } catch (IOException e) {
      // connection closed
    }
  }

  private void record(String entry) {
    synchronized (heard) {
      heard.add(entry);
    }
  }

  /** An outgoing connection to a member, through whatever address the config gives for it. */
  private Peer peer(String id) throws IOException {
    Peer p = peers.get(id);
    if (p == null || p.socket.isClosed()) {
      String[] hp = config.members().get(id).split(":");
      Socket s = new Socket(hp[0], Integer.parseInt(hp[1]));
      p = new Peer(s);
      peers.put(id, p);
      Peer peer = p;
      Thread reader = new Thread(() -> {
        try {
          DataInputStream in = new DataInputStream(peer.socket.getInputStream());
          while (true) {
            String[] r = read(in).split(":", 3);
            if (r[0].equals("resp")) record(r[1] + ":" + r[2]);
          }
        } catch (IOException e) {
          // The peer went away (killed, proxy closed): the next send reconnects.
          try {
            peer.socket.close();
          } catch (IOException ignored) {
            // already closed
          }
        }
      });
      reader.setDaemon(true);
      reader.start();
    }
    return p;
  }

  private static final class Peer {
    final Socket socket;
    final DataOutputStream out;

    Peer(Socket socket) throws IOException {
      this.socket = socket;
      this.out = new DataOutputStream(new java.io.BufferedOutputStream(socket.getOutputStream()));
    }

    synchronized void send(String msg) throws IOException {
      write(out, msg);
    }
  }

  static String read(DataInputStream in) throws IOException {
    int len = in.readInt();
    return new String(in.readNBytes(len), StandardCharsets.UTF_8);
  }

  static void write(DataOutputStream out, String msg) throws IOException {
    byte[] b = msg.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
    out.flush();
  }
}
