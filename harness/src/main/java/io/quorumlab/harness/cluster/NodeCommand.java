package io.quorumlab.harness.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of one node JVM: {@code java <jvm options> -D<properties> -cp <classpath> <main>
 * serve --config <file>}, with the java of the running JVM. Every launcher of node processes builds
 * it here.
 *
 * @param jvmArgs options of the node JVM (heap size and the like)
 * @param properties system properties, e.g. tags that name the cluster and node in a process listing
 * @param classpath the node JVM's classpath entries
 * @param mainClass the CLI whose {@code serve --config FILE} runs one node
 */
public record NodeCommand(List<String> jvmArgs, Map<String, String> properties, List<String> classpath, String mainClass) {
  /** The command line's main class, named here so that nothing below the CLI needs to import it. */
  public static final String CLI_MAIN = "io.quorumlab.harness.cli.Main";


  public NodeCommand {
    jvmArgs = List.copyOf(jvmArgs);
    properties = Map.copyOf(new LinkedHashMap<>(properties));
    classpath = List.copyOf(classpath);
  }

  /** A node of {@code mainClass} on this JVM's own classpath, without properties. */
  public static NodeCommand of(List<String> jvmArgs, String mainClass) {
    return new NodeCommand(jvmArgs, Map.of(), Classpath.current(), mainClass);
  }

  public NodeCommand withProperty(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(properties);
    more.put(name, value);
    return new NodeCommand(jvmArgs, more, classpath, mainClass);
  }

  /** The command that serves the node configured in {@code config}. */
  public List<String> serve(Path config) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmArgs);
    properties.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(p -> cmd.add("-D" + p.getKey() + "=" + p.getValue()));
    cmd.add("-cp");
    cmd.add(Classpath.join(classpath));
    cmd.add(mainClass);
    cmd.add("serve");
    cmd.add("--config");
    cmd.add(config.toAbsolutePath().toString());
    return cmd;
  }
}
