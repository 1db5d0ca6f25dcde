package dev.summonersim.harness.containers;

import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;

/**
 * Decides, with a message a CI log reader understands, whether the container tests can run here. Without Docker
 * or without the locally built base image they are skipped, never failed: .ci/run prints why Docker is missing.
 */
final class DockerPrerequisites {

    private DockerPrerequisites() {
    }

    static void assumeReady() {
        String missing = findMissing();
        Assumptions.assumeTrue(missing.isEmpty(), missing);
    }

    private static String findMissing() {
        if ("off".equals(System.getenv("SUMMONERSIM_DOCKER"))) {
            return "container tests skipped: .ci/run could not prepare Docker (SUMMONERSIM_DOCKER=off)";
        }
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            return "container tests skipped: no Docker daemon (start one with `bash .ci/start-dockerd.sh`)";
        }
        try {
            DockerClientFactory.lazyClient().inspectImageCmd(ComponentImage.BASE_IMAGE).exec();
            return "";
        } catch (RuntimeException e) {
            return "container tests skipped: base image " + ComponentImage.BASE_IMAGE
                    + " is missing (build it with `bash .ci/build-jre-image.sh`)";
        }
    }
}
