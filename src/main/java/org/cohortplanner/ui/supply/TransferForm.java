package org.cohortplanner.ui.supply;

import static org.cohortplanner.ui.supply.FormText.date;
import static org.cohortplanner.ui.supply.FormText.digits;
import static org.cohortplanner.ui.supply.FormText.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.Region;
import org.cohortplanner.domain.Transfer;
import org.cohortplanner.ui.common.Texts;

/**
 * A transfer between regions as typed into its dialog: text fields, checked against the plan before anything changes.
 *
 * @param leadTimeDays days from shipping until the doses can be given in the receiving region
 */
public record TransferForm(String id, String brand, String doses, String fromRegion, String toRegion,
                           String shipped, String leadTimeDays, String note) {

    /** The form of a recorded transfer, for editing it. */
    public static TransferForm of(Transfer transfer) {
        return new TransferForm(transfer.id(), transfer.brand(), Long.toString(transfer.doses()),
                transfer.fromRegion(), transfer.toRegion(), transfer.shipped().toString(),
                Integer.toString(transfer.leadTimeDays()), transfer.note());
    }

    /** The same form with other doses. */
    public TransferForm withDoses(String newDoses) {
        return new TransferForm(id, brand, newDoses, fromRegion, toRegion, shipped, leadTimeDays, note);
    }

    /** An empty form for a new transfer: the plan's first brand, a fresh id, a lead time of one day. */
    public static TransferForm empty(Plan plan) {
        String brand = plan.brands().isEmpty() ? "" : plan.brands().get(0).name();
        int next = plan.transfers().size() + 1;
        while (hasTransfer(plan, "TR-" + next)) {
            next++;
        }
        return new TransferForm("TR-" + next, brand, "", "", "", "", "1", "");
    }

    private static boolean hasTransfer(Plan plan, String id) {
        return plan.transfers().stream().anyMatch(transfer -> transfer.id().equals(id));
    }

    /**
     * What is wrong with the form, one sentence per field, in the officer's language; empty when it makes a transfer.
     *
     * @param replacing the id of the transfer being edited, or null for a new one
     */
    List<String> problems(Plan plan, String replacing, Texts texts) {
        List<String> problems = new ArrayList<>();
        String newId = text(id);
        if (newId.isEmpty()) {
            problems.add(texts.get("transfer.error.idEmpty"));
        } else if (!newId.equals(replacing) && hasTransfer(plan, newId)) {
            problems.add(texts.get("transfer.error.idTaken", newId));
        }
        FormText.brandProblems(plan, brand, texts, problems);
        String dosesText = digits(doses);
        if (dosesText.isEmpty()) {
            problems.add(texts.get("form.error.dosesEmpty"));
        } else if (!dosesText.matches("\\d{1,18}")) {
            problems.add(texts.get("form.error.dosesNotNumber", text(doses)));
        }
        regionProblem(plan, fromRegion, "transfer.column.from", texts, problems);
        regionProblem(plan, toRegion, "transfer.column.to", texts, problems);
        if (!text(fromRegion).isEmpty() && text(fromRegion).equals(text(toRegion))) {
            problems.add(texts.get("transfer.error.sameRegion", text(fromRegion)));
        }
        if (text(shipped).isEmpty()) {
            problems.add(texts.get("transfer.error.shippedEmpty"));
        } else if (date(shipped) == null) {
            problems.add(texts.get("form.error.notDate", texts.get("transfer.column.shipped"), text(shipped)));
        }
        if (!digits(leadTimeDays).matches("\\d{1,4}")) {
            problems.add(texts.get("transfer.error.leadTime", text(leadTimeDays)));
        }
        return problems;
    }

    private static void regionProblem(Plan plan, String region, String label, Texts texts, List<String> problems) {
        String name = text(region);
        if (name.isEmpty()) {
            problems.add(texts.get("transfer.error.regionEmpty", texts.get(label)));
        } else if (plan.regions().stream().map(Region::name).noneMatch(name::equals)) {
            problems.add(texts.get("transfer.error.regionUnknown", texts.get(label), name));
        }
    }

    /** The transfer the form describes; only when {@link #problems} found none. */
    Transfer transfer() {
        return new Transfer(text(id), text(brand), Long.parseLong(digits(doses)), text(fromRegion), text(toRegion),
                date(shipped), Integer.parseInt(digits(leadTimeDays)), text(note));
    }
}
