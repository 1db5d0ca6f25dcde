package dev.summonersim.bench;

import java.util.Map;

/** One benchmark class and its settings per profile. */
public record BenchmarkPlan(String simpleName, String question, Map<RunProfile, JmhSettings> settings) {

    public BenchmarkPlan {
        for (RunProfile p : RunProfile.values()) {
            if (!settings.containsKey(p)) {
                throw new IllegalArgumentException(simpleName + " has no settings for profile " + p);
            }
        }
        settings = Map.copyOf(settings);
    }

    public String className() {
        return BenchmarkPlan.class.getPackageName() + "." + simpleName;
    }

    /** JMH include pattern selecting exactly this class's benchmark methods. */
    public String includePattern() {
        return "^" + className().replace(".", "\\.") + "\\.";
    }

    public JmhSettings settings(RunProfile profile) {
        return settings.get(profile);
    }
}
