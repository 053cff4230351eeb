package io.quorumlab.harness.cluster.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.ExecCreateCmdResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.PullResponseItem;
import io.quorumlab.harness.cluster.ClusterUnavailableException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.dockerclient.UnixSocketClientProviderStrategy;

/**
 * The Docker engine, reached through Testcontainers' discovery of DOCKER_HOST or the local socket.
 * The harness uses the client directly rather than Testcontainers' container lifecycle: it needs the
 * same container killed and started again, labels of its own for cleanup, and no Ryuk sidecar (its
 * image cannot be pulled offline; the harness removes its own containers).
 */
public final class DockerEngine {
  private static final String DEFAULT_SOCKET = "/var/run/docker.sock";
  private static volatile DockerClient client;
  private static volatile String failure;

  private DockerEngine() {}

  /** The client, or a {@link ClusterUnavailableException} saying how to get an engine. */
  public static DockerClient client() {
    DockerClient c = client;
    if (c != null) return c;
    synchronized (DockerEngine.class) {
      if (client != null) return client;
      if (failure != null) throw new ClusterUnavailableException(failure);
      String host = System.getenv("DOCKER_HOST");
      String where = host == null || host.isBlank() ? "unix://" + DEFAULT_SOCKET : host.strip();
      String fix = ": start one (as root: `dockerd &`, or `systemctl start docker`), point DOCKER_HOST at one, or use --backend local";
      // A socket file that is not there needs no probing (and no discovery log from Testcontainers).
      if (where.startsWith("unix://") && !Files.exists(Path.of(where.substring("unix://".length())))) {
        failure = "the docker backend needs a Docker engine, and there is none at " + where + fix;
        throw new ClusterUnavailableException(failure);
      }
      try {
        // An explicit DOCKER_HOST is the only engine tried: never silently another one.
        List<DockerClientProviderStrategy> fallbacks = host == null || host.isBlank()
            ? List.of(new UnixSocketClientProviderStrategy()) : List.of();
        DockerClient candidate = DockerClientProviderStrategy.getFirstValidStrategy(fallbacks).getDockerClient();
        candidate.pingCmd().exec();
        client = candidate;
        return candidate;
      } catch (RuntimeException e) {
        failure = "the docker backend needs a Docker engine, and none answers at " + where + fix;
        throw new ClusterUnavailableException(failure);
      }
    }
  }

  /** Empty when an engine answers, otherwise why not (for tests that must skip or fail). */
  public static java.util.Optional<String> unavailableReason() {
    try {
      client();
      return java.util.Optional.empty();
    } catch (ClusterUnavailableException e) {
      return java.util.Optional.of(e.getMessage());
    }
  }

  /**
   * Makes sure the base image is present: pulls it when it is missing; fails with how to build it
   * offline when that is impossible.
   */
  public static void requireImage(String image) {
    DockerClient c = client();
    try {
      c.inspectImageCmd(image).exec();
      return;
    } catch (NotFoundException e) {
      // try to pull it below
    }
    String why;
    try {
      QuietPull pull = c.pullImageCmd(image).exec(new QuietPull());
      if (!pull.awaitCompletion(300, TimeUnit.SECONDS)) {
        why = "the pull did not finish within 300 s";
      } else if (pull.error != null) {
        throw pull.error instanceof RuntimeException re ? re : new IllegalStateException(pull.error.getMessage(), pull.error);
      } else {
        c.inspectImageCmd(image).exec();
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      why = "interrupted";
    } catch (RuntimeException e) {
      why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("").strip();
    }
    throw new ClusterUnavailableException("base image " + image + " is missing and could not be pulled (" + why + "): build it offline with "
        + "`bash scripts/build-base-image.sh " + image + "`, or choose a JRE 17 image that has iptables and iproute2 "
        + "with --base-image or QUORUMLAB_BASE_IMAGE (e.g. eclipse-temurin:17-jre where a registry is reachable)");
  }

  /** A pull whose failure is reported once, by us, not also logged with a stack trace by docker-java. */
  private static final class QuietPull extends ResultCallback.Adapter<PullResponseItem> {
    volatile Throwable error;

    @Override
    public void onError(Throwable t) {
      error = t;
      try {
        close();
      } catch (java.io.IOException e) {
        // closing a finished stream
      }
    }
  }

  /** What a command run inside a container said, and its exit code. */
  public record ExecResult(int exitCode, String output) {
    public boolean ok() {
      return exitCode == 0;
    }
  }

  /** Runs {@code sh -c script} inside a running container. */
  public static ExecResult exec(String containerId, String script, long timeoutSeconds) throws InterruptedException {
    DockerClient c = client();
    ExecCreateCmdResponse created = c.execCreateCmd(containerId).withCmd("sh", "-c", script)
        .withAttachStdout(true).withAttachStderr(true).exec();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ResultCallback.Adapter<Frame> cb = new ResultCallback.Adapter<>() {
      @Override
      public void onNext(Frame frame) {
        synchronized (out) {
          out.writeBytes(frame.getPayload());
        }
      }
    };
    boolean done = c.execStartCmd(created.getId()).exec(cb).awaitCompletion(timeoutSeconds, TimeUnit.SECONDS);
    if (!done) return new ExecResult(-1, "timed out after " + timeoutSeconds + " s");
    Long code = c.inspectExecCmd(created.getId()).exec().getExitCodeLong();
    synchronized (out) {
      return new ExecResult(code == null ? -1 : code.intValue(), out.toString(StandardCharsets.UTF_8));
    }
  }
}
