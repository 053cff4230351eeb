package io.quorumlab.sim;

/**
 * Something that happens at one instant of virtual time: a message arriving, a timer firing, a
 * client's timeout, a step of a scenario. Runs on the simulation's one thread.
 */
abstract class Event {
  abstract void fire();
}
