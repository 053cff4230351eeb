package io.quorumlab.checkers.linear;

import java.util.List;

/**
 * The furthest point the search reached where the call whose return comes next is impossible: a
 * linearizable prefix (most ok calls, then fewest indeterminate ones) after which that call
 * cannot be placed. Other calls pending there are either impossible too or lead only to
 * configurations that were explored and failed.
 *
 * @param blocked the call whose return comes next and that cannot be placed
 * @param pending the calls invoked before {@code blocked} returned and not linearized yet, blocked included
 * @param orders the orders of the same set of calls that reached this point, the first being the
 *     one found first; their final states are the states "possible at that point"
 */
record DeadEnd(int blocked, int[] pending, List<Order> orders) {

  /**
   * A linearizable prefix.
   *
   * @param calls call ids in linearization order
   * @param statesBefore the state before each call, plus the state after the last one
   */
  record Order(int[] calls, Object[] statesBefore) {
    Object state() {
      return statesBefore[statesBefore.length - 1];
    }
  }

  Order longest() {
    return orders.get(0);
  }
}
