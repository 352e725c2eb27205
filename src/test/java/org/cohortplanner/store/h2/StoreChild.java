package org.cohortplanner.store.h2;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Delivery;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.PlanChange;

/**
 * A console stand-in run in its own JVM by {@link H2PlanStoreProcessTest}, so that the test can kill it or hold
 * the data folder from another process. It stops by itself when the test's end of its standard input closes.
 * <ul>
 *     <li>{@code save DIR}: saves changes one after the other, printing {@code saved VERSION} after each commit</li>
 *     <li>{@code hold DIR}: opens the store, prints {@code open}, and keeps it open</li>
 * </ul>
 */
public final class StoreChild {
    private StoreChild() {
    }

    public static void main(String[] args) throws IOException {
        Thread watchdog = new Thread(() -> {
            waitForEndOfInput(System.in);
            Runtime.getRuntime().halt(3);
        });
        watchdog.setDaemon(true);
        watchdog.start();
        Path folder = Path.of(args[1]);
        try (H2PlanStore store = H2PlanStore.open(folder)) {
            if (args[0].equals("hold")) {
                System.out.println("open");
                System.out.flush();
                sleepForever();
            }
            Plan plan = store.replace(changed(TestPlans.campaignSized(), 1), PlanChange.of("child", "change 1"));
            System.out.println("saved " + plan.version());
            System.out.flush();
            while (true) {
                long next = plan.version() + 1;
                plan = store.save(changed(plan, next), new PlanChange("child", "change " + next, "", "",
                        "reason " + next));
                System.out.println("saved " + plan.version());
                System.out.flush();
            }
        }
    }

    /** The plan as change {@code number} leaves it: three tables touched, so a half-written save would show. */
    static Plan changed(Plan plan, long number) {
        Cohort first = plan.cohorts().get(0);
        Delivery last = plan.deliveries().get(plan.deliveries().size() - 1);
        return plan.withDescription("change " + number)
                .withCohort(first.withEligible(1_000_000 + number))
                .withDelivery(last.withNote("note " + number));
    }

    private static void waitForEndOfInput(InputStream input) {
        try {
            while (input.read() >= 0) {
                continue;
            }
        } catch (IOException closed) {
            return;
        }
    }

    private static void sleepForever() {
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
