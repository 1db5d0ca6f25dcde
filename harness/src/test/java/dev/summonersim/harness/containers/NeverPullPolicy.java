package dev.summonersim.harness.containers;

import org.testcontainers.images.ImagePullPolicy;
import org.testcontainers.utility.DockerImageName;

/**
 * Named in testcontainers.properties: images are only ever built locally, so a missing one must fail fast
 * ("No such image") instead of contacting a registry that CI machines cannot reach.
 */
public final class NeverPullPolicy implements ImagePullPolicy {
    @Override
    public boolean shouldPull(DockerImageName imageName) {
        return false;
    }
}
