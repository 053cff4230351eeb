package io.quorumlab.sim;

import io.quorumlab.store.client.ClientOptions;
import io.quorumlab.store.client.ClientRules;
import io.quorumlab.store.client.Context;
import io.quorumlab.store.client.GetResult;
import io.quorumlab.store.client.PutResult;
import io.quorumlab.store.client.RequestOptions;
import io.quorumlab.store.client.StoreClient;
import io.quorumlab.store.client.UnavailableException;
import io.quorumlab.store.protocol.ClientReply;
import io.quorumlab.store.protocol.ClientRequest;
import io.quorumlab.store.protocol.Codec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A client connected to one node, over the simulated network. Its futures complete on the
 * simulation's thread, at the virtual instant the answer arrives (or the client gives up), with the
 * outcomes of the socket client ({@link ClientRules}): a node that is not running refuses the
 * connection (unavailable); a request sent and not answered within its timeout plus the grace, or
 * whose node was killed before answering, is indeterminate for a write and unavailable for a read.
 *
 * <p>Use it from the simulation's thread only (a scenario's actions and the callbacks of its
 * futures): the blocking calls of {@link StoreClient} would wait for a simulation that is not
 * running.
 */
public final class SimClient implements StoreClient {
  private final Simulation sim;
  private final SimNode node;
  private final ClientOptions options;
  private final int number;
  private final Map<Long, Pending> pending = new LinkedHashMap<>();
  private long ids;
  private boolean closed;

  SimClient(Simulation sim, SimNode node, ClientOptions options, int number) {
    this.sim = sim;
    this.node = node;
    this.options = options;
    this.number = number;
  }

  /** The node this client sends to. */
  public String nodeId() {
    return node.id;
  }

  /** Requests sent and not answered yet. */
  public int pendingRequests() {
    return pending.size();
  }

  int number() {
    return number;
  }

  @Override
  public CompletableFuture<GetResult> getAsync(String key, RequestOptions options) {
    ClientRequest.Get request = ClientRules.get(++ids, key, options);
    return send(request, false, ClientRules.waitMs(options, this.options)).thenApply(ClientRules::getResult);
  }

  @Override
  public CompletableFuture<PutResult> putAsync(String key, byte[] value, Context context, RequestOptions options) {
    ClientRequest.Put request = ClientRules.put(++ids, key, value, context, options);
    return send(request, true, ClientRules.waitMs(options, this.options)).thenApply(ClientRules::putResult);
  }

  @Override
  public CompletableFuture<PutResult> deleteAsync(String key, Context context, RequestOptions options) {
    return putAsync(key, null, context, options);
  }

  private CompletableFuture<ClientReply> send(ClientRequest request, boolean write, long waitMs) {
    CompletableFuture<ClientReply> result = new CompletableFuture<>();
    if (closed) {
      result.completeExceptionally(new UnavailableException("client for " + node.id + " is closed"));
      return result;
    }
    if (!node.isUp()) {
      sim.trace().record(TraceKind.NO_ANSWER, number, node.index, request.id(), "connection refused");
      result.completeExceptionally(new UnavailableException("cannot connect to " + node.id + ": connection refused"));
      return result;
    }
    byte[] bytes;
    try {
      bytes = Codec.encode(request);
    } catch (RuntimeException e) {
      // As on a socket: a frame the encoder refuses never leaves the client.
      result.completeExceptionally(new UnavailableException("could not send to " + node.id + ": " + e, e));
      return result;
    }
    Pending p = new Pending(request, write, waitMs, node.incarnation(), result);
    pending.put(request.id(), p);
    sim.network().request(this, node, bytes);
    sim.enqueueAfter(waitMs * 1_000_000, p);
    return result;
  }

  /** The node's answer, arriving. */
  Event replyArrival(SimNode from, byte[] bytes, long hash) {
    return new Event() {
      @Override
      void fire() {
        ClientReply reply = (ClientReply) Codec.decode(bytes);
        Pending p = pending.remove(reply.id());
        MessageLog log = sim.messageLog();
        if (p == null) {
          if (log != null) log.deliveredUnanswered(this);
          return; // given up on already
        }
        sim.trace().record(TraceKind.REPLY, from.index, number, hash, reply);
        if (log != null) log.delivered(this);
        p.done = true;
        p.result.complete(reply);
      }
    };
  }

  /** The node's process {@code incarnation} died: what was sent to it will never be answered. */
  void connectionLost(int incarnation) {
    List<Pending> lost = new ArrayList<>();
    for (Pending p : pending.values()) {
      if (p.incarnation == incarnation) {
        lost.add(p);
      }
    }
    for (Pending p : lost) {
      p.fail("connection to " + node.id + " lost before the answer");
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (Pending p : new ArrayList<>(pending.values())) {
      p.fail("client closed before the answer");
    }
  }

  /** A request waiting for its answer; as an event, the client giving up on it. */
  private final class Pending extends Event {
    final ClientRequest request;
    final boolean write;
    final long waitMs;
    final int incarnation;
    final CompletableFuture<ClientReply> result;
    boolean done;

    Pending(ClientRequest request, boolean write, long waitMs, int incarnation, CompletableFuture<ClientReply> result) {
      this.request = request;
      this.write = write;
      this.waitMs = waitMs;
      this.incarnation = incarnation;
      this.result = result;
    }

    @Override
    void fire() {
      if (!done) {
        fail("no answer from " + node.id + " within " + waitMs + " ms");
      }
    }

    void fail(String why) {
      done = true;
      pending.remove(request.id());
      sim.trace().record(TraceKind.NO_ANSWER, number, node.index, request.id(), why);
      result.completeExceptionally(ClientRules.noAnswer(request, write, why));
    }
  }
}
