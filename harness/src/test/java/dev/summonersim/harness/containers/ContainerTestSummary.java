package dev.summonersim.harness.containers;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prints one line saying how many container tests really ran, so a CI log shows at a glance whether the
 * container suite was exercised or skipped (and why). Registered through META-INF/services; silent in test runs
 * that contain no container tests.
 */
public final class ContainerTestSummary implements TestExecutionListener {

    public static final String TAG = "containers";

    private final AtomicInteger passed = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();
    private volatile String skipReason = "";
    private volatile boolean planHasContainerTests;

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        planHasContainerTests = plan.getRoots().stream()
                .flatMap(root -> plan.getDescendants(root).stream())
                .anyMatch(ContainerTestSummary::isContainerTest);
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (isContainerTest(test)) {
            skipped.incrementAndGet();
            skipReason = reason;
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (!isContainerTest(test)) {
            return;
        }
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            // An assumption in @BeforeAll aborts the whole class: count it as skipped too.
            skipped.incrementAndGet();
            result.getThrowable().ifPresent(t -> skipReason = t.getMessage());
        } else if (test.isTest()) {
            (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? passed : failed).incrementAndGet();
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (!planHasContainerTests) {
            return;
        }
        int ran = passed.get() + failed.get();
        System.out.println("[containers] " + ran + " container tests ran (" + passed.get() + " passed, " + failed.get()
                + " failed)" + (skipped.get() > 0 ? "; SKIPPED: " + skipReason : ""));
    }

    private static boolean isContainerTest(TestIdentifier test) {
        return test.getTags().stream().anyMatch(tag -> tag.getName().equals(TAG));
    }
}
