package dev.summonersim.harness.containers;

import dev.summonersim.harness.fixtures.LaunchedProcess;
import org.testcontainers.images.builder.ImageFromDockerfile;

import java.nio.file.Path;

/**
 * The image every component container runs: the locally built JRE base image (.ci/build-jre-image.sh, no registry)
 * plus the runnable jars and the configs a user would have. Built once per test JVM; Testcontainers labels it so
 * .ci/run can remove it afterwards.
 */
final class ComponentImage {

    static final String BASE_IMAGE = "local/jre17:1";
    static final String[] MODULES = {"server-sim", "stream-agent", "input-agent"};

    private static ImageFromDockerfile image;

    private ComponentImage() {
    }

    static synchronized ImageFromDockerfile get() {
        if (image == null) {
            LaunchedProcess.requireRunnableJars(MODULES);
            Path root = LaunchedProcess.repositoryRoot();
            ImageFromDockerfile built = new ImageFromDockerfile("summonersim-harness/components", false)
                    .withDockerfileFromBuilder(b -> {
                        b.from(BASE_IMAGE).workDir("/app");
                        for (String module : MODULES) {
                            b.copy(module + "-all.jar", "/app/" + module + "-all.jar");
                        }
                        b.copy("server_config.json", "/app/configs/server_config.json")
                                .copy("client_config.json", "/app/configs/client_config.json")
                                .build();
                    })
                    .withFileFromPath("server_config.json", root.resolve("configs/server_config.json"))
                    .withFileFromClasspath("client_config.json", "containers/client_config.json");
            for (String module : MODULES) {
                built = built.withFileFromPath(module + "-all.jar", root.resolve(module).resolve("target").resolve(module + "-all.jar"));
            }
            image = built;
        }
        return image;
    }
}
