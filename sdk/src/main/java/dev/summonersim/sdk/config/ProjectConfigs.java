package dev.summonersim.sdk.config;

import java.nio.file.Path;

/**
 * Where a command finds its default config file when no {@code --config} is given. The launchers in {@code bin/}
 * set the system property {@value #HOME_PROPERTY} to the project directory, so {@code bin/server} uses the project's
 * own {@code configs/server_config.json} from any directory; without it (a plain {@code java -jar}), the file is
 * {@code configs/<name>} relative to the working directory, as the reference agents look for it. Relative paths given
 * with {@code --config} are never resolved here: they stay relative to the caller's directory.
 */
public final class ProjectConfigs {

    /** System property naming the project directory, set by the launchers in {@code bin/}. */
    public static final String HOME_PROPERTY = "summoner.home";

    private ProjectConfigs() {
    }

    /** The default config file {@code name} (for example {@code server_config.json}); it may not exist. */
    public static Path defaultFile(String name) {
        String home = System.getProperty(HOME_PROPERTY);
        Path relative = Path.of("configs", name);
        return home == null || home.isBlank() ? relative : Path.of(home).resolve(relative);
    }
}
