package io.quorumlab.store.services;

import io.quorumlab.store.admin.AdminJson;
import io.quorumlab.store.admin.ClockCommand;
import io.quorumlab.store.admin.NodeStatus;
import io.quorumlab.store.membership.MemberState;
import io.quorumlab.store.membership.MemberStatus;
import io.quorumlab.store.membership.MembershipListener;
import io.quorumlab.store.node.Clock;
import io.quorumlab.store.node.Liveness;
import io.quorumlab.store.node.Node;
import io.quorumlab.store.node.Transport;
import io.quorumlab.store.storage.Storage;
import java.util.random.RandomGenerator;

/**
 * Everything that makes a node a member of a Dynamo cluster rather than a static replica: gossip
 * membership and failure detection (which drive routing), hinted handoff, Merkle-tree
 * anti-entropy, range transfer on join and leave, and the admin commands ({@code status},
 * {@code leave}, {@code repair}, {@code remove NODE}). Sans-IO like the node: it runs on the node's thread through the
 * node's timers, clock and extension channels, so a simulator that drives the node in virtual time
 * drives these too.
 *
 * <p>Create it and call {@link #start} on the node's thread once the transport is up.
 */
public final class ClusterServices implements MembershipListener {
  /** The admin command that force-removes a dead member: {@code remove NODE}. */
  public static final String REMOVE = "remove ";
  private final Node node;
  private final Storage storage;
  private final Transport transport;
  private final Liveness links;
  private final Clock clock;
  private NodeMeta meta;
  private final RandomGenerator random;
  private MembershipService membership;
  private HandoffService handoff;
  private AntiEntropyService antiEntropy;
  private TransferService transfer;

  /**
   * @param links the transport's own view of its connections (a refused or closed connection means
   *     down); {@link Liveness#ALL_ALIVE} where there is none
   */
  public ClusterServices(Node node, Storage storage, Transport transport, Liveness links, Clock clock,
      RandomGenerator random) {
    this.node = node;
    this.storage = storage;
    this.transport = transport;
    this.links = links;
    this.clock = clock;
    this.random = random;
  }

  /** Reads the node's metadata, picks its generation, builds the trees and starts every timer. */
  public void start() {
    meta = new NodeMeta(storage);
    long generation = meta.nextGeneration(clock.wallMicros() / 1000);
    boolean joined = "UP".equals(meta.membership());
    MemberStatus initial = node.config().join() && !joined ? MemberStatus.JOINING : MemberStatus.UP;
    membership = new MembershipService(node, transport, links, clock, random, generation, initial);
    handoff = new HandoffService(node, storage, clock, random, membership::isRoutable);
    antiEntropy = new AntiEntropyService(node, storage, transport, clock, membership::isRoutable, membership.ring());
    transfer = new TransferService(node, storage, clock, membership, handoff, meta, antiEntropy::written);
    node.setLiveness(membership::isRoutable);
    membership.onRing(ring -> {
      transfer.onRing(ring);
      antiEntropy.onRing(ring);
    });
    membership.addListener(this);
    node.setDataWrites((key, state) -> {
      antiEntropy.written(key, state);
      transfer.written(key, state);
    });
    node.setAdminHandler(this::admin);
    membership.start();
    antiEntropy.start(membership.ring());
    handoff.start();
    transfer.start();
  }

  // ---- membership events ----

  @Override
  public void onDown(String id) {
    handoff.onDown(id);
    antiEntropy.onDown(id);
  }

  @Override
  public void onUp(String id) {
    handoff.onUp(id);
  }

  @Override
  public void onRestarted(MemberState member, long previousGeneration) {
    handoff.onUp(member.id());
  }

  @Override
  public void onOwnGenerationRaised(long generation) {
    meta.remember(generation);
  }

  @Override
  public void onStatusChanged(String id, MemberStatus previous, MemberStatus current) {
    if (current == MemberStatus.LEFT && !id.equals(node.id())) {
      handoff.rehome(id, membership.ring(), node.config().n());
      transfer.onGone(id);
    }
  }

  // ---- admin ----

  /**
   * Answers an admin command ({@code status}, {@code leave}, {@code repair}, {@code remove NODE}, {@code clock ...}) as
   * the admin protocol does, on the node's thread.
   *
   * @throws IllegalArgumentException when the command is refused (nothing was done)
   */
  public String admin(String command) {
    if (ClockCommand.matches(command)) {
      return ClockCommand.run(clock, command);
    }
    switch (command) {
      case "status" -> {
        return AdminJson.toJson(status());
      }
      case "leave" -> {
        transfer.leave();
        return AdminJson.toJson(status());
      }
      case "repair" -> {
        antiEntropy.repairNow();
        return AdminJson.toJson(status());
      }
      default -> {
        if (command.startsWith(REMOVE)) {
          membership.remove(command.substring(REMOVE.length()).strip());
          return AdminJson.toJson(status());
        }
        throw new IllegalArgumentException("unknown admin command '" + command + "' (expected status, leave, repair, remove NODE or clock)");
      }
    }
  }

  /** This node's view of the cluster (the node's thread only). */
  public NodeStatus status() {
    return StatusReport.of(node, membership, handoff, antiEntropy, transfer, clock.monotonicMillis()).withStorage(storage.health());
  }

  /** Starts an anti-entropy exchange with every reachable peer now. */
  public int repairNow() {
    return antiEntropy.repairNow();
  }

  /** Tells {@code listener} of this node's membership events from now on (after {@link #start}; the node's thread only). */
  public void addMembershipListener(MembershipListener listener) {
    membership.addListener(listener);
  }

  /** Whether routing here counts on {@code id} (phi-accrual and link state). */
  public boolean isRoutable(String id) {
    return membership.isRoutable(id);
  }
}
