package io.quorumlab.workloads;

/**
 * What a logical process is asked to do: the {@code f}, {@code key} and {@code value} of the
 * history's invoke line ({@code key} is null for transactions, whose keys are in the value).
 */
public record Invocation(String f, Object key, Object value) {}
