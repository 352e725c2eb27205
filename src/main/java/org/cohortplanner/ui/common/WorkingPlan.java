package org.cohortplanner.ui.common;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.cohortplanner.domain.Phrase;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.store.PlanConflictException;
import org.cohortplanner.store.PlanStore;

/**
 * The plan every screen works on, and how it is kept. Each edit is shown at once and written to the store in the
 * background, one write after another in the order made, each with its audit entry: the store holds every edit, so
 * closing the console loses nothing that was saved there. Separately, the working plan remembers the plan file it was
 * last opened from or saved to, and tells whether it differs from that file: that is what "unsaved changes" means
 * to a planner who sends plan files to others.
 */
public final class WorkingPlan {

    /** Whether every edit has reached the store. */
    public enum StoreState { SAVED, SAVING, FAILED }

    private static final String STORE_CHANNEL = "store-write";

    private final PlanStore store;
    private final TaskRunner tasks;
    private ReadOnlyObjectWrapper<Plan> plan = new ReadOnlyObjectWrapper<>(this, "plan");
    private ReadOnlyObjectWrapper<Path> planFile = new ReadOnlyObjectWrapper<>(this, "planFile");
    private ReadOnlyBooleanWrapper differsFromFile = new ReadOnlyBooleanWrapper(this, "differsFromFile");
    private ReadOnlyObjectWrapper<StoreState> storeState =
            new ReadOnlyObjectWrapper<>(this, "storeState", StoreState.SAVED);
    private ReadOnlyStringWrapper storeProblem = new ReadOnlyStringWrapper(this, "storeProblem", "");
    /** The failure behind {@link #storeProblem}, for a screen to say it in its language; null while none. */
    private Throwable storeFailure;
    private ReadOnlyLongWrapper storeWrites = new ReadOnlyLongWrapper(this, "storeWrites");
    private ReadOnlyStringWrapper location = new ReadOnlyStringWrapper(this, "location");
    private final Deque<PendingWrite> pending = new ArrayDeque<>();
    private final Deque<Step> undoable = new ArrayDeque<>();
    private final Deque<Step> redoable = new ArrayDeque<>();
    private ReadOnlyStringWrapper undoAction = new ReadOnlyStringWrapper(this, "undoAction", "");
    private ReadOnlyStringWrapper redoAction = new ReadOnlyStringWrapper(this, "redoAction", "");
    private Plan fileContent;
    /**
     * The version the store holds. Kept apart from the shown plan: setting the plan again only to change its
     * version would notify every screen a second time per edit (and rebuild the schedule twice).
     */
    private ReadOnlyLongWrapper storedVersion = new ReadOnlyLongWrapper(this, "storedVersion");
    private Plan lastStored;
    private boolean writing;
    private Consumer<StoreConflict> conflictHandler;

    /**
     * A write the store refused because someone else saved the plan since it was read (a shared backend).
     *
     * @param failure   the store's refusal, carrying the plan stored now
     * @param base      the plan as it was last stored by this console: what the refused edits started from
     * @param mine      the plan with every edit not yet stored, as shown
     * @param myChanges those edits, oldest first
     */
    public record StoreConflict(PlanConflictException failure, Plan base, Plan mine, List<PlanChange> myChanges) {
        public StoreConflict {
            myChanges = List.copyOf(myChanges);
        }
    }

    /** @param stored the plan as loaded from {@code store} */
    public WorkingPlan(PlanStore store, TaskRunner tasks, Plan stored) {
        this.store = Objects.requireNonNull(store, "store");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.plan.set(Objects.requireNonNull(stored, "stored"));
        this.storedVersion.set(stored.version());
        this.lastStored = stored;
        this.location.set(store.location());
        plan.addListener((observable, before, after) -> compareWithFile());
    }

    /**
     * Gives the screens built from now on properties of their own, holding the same values, and stops changing the
     * ones handed out before: the screens of the language left behind (see the console's language switch) then hear
     * of no plan change any more, and nothing shared keeps them from being collected.
     */
    public void newGeneration() {
        plan = new ReadOnlyObjectWrapper<>(this, "plan", plan.get());
        plan.addListener((observable, before, after) -> compareWithFile());
        planFile = new ReadOnlyObjectWrapper<>(this, "planFile", planFile.get());
        differsFromFile = new ReadOnlyBooleanWrapper(this, "differsFromFile", differsFromFile.get());
        storeState = new ReadOnlyObjectWrapper<>(this, "storeState", storeState.get());
        storeProblem = new ReadOnlyStringWrapper(this, "storeProblem", storeProblem.get());
        storeWrites = new ReadOnlyLongWrapper(this, "storeWrites", storeWrites.get());
        location = new ReadOnlyStringWrapper(this, "location", location.get());
        undoAction = new ReadOnlyStringWrapper(this, "undoAction", undoAction.get());
        redoAction = new ReadOnlyStringWrapper(this, "redoAction", redoAction.get());
        storedVersion = new ReadOnlyLongWrapper(this, "storedVersion", storedVersion.get());
    }

    /** Where the data lives: the store's location. */
    public String location() {
        return store.location();
    }

    /**
     * An edit: shown at once, written to the store in the background with {@code change} as its audit entry. Each
     * edit is one step that {@link #undo()} takes back; a new edit forgets what could be redone.
     */
    public void edit(Plan edited, PlanChange change) {
        undoable.push(new Step(plan.get(), edited, change, null, null));
        redoable.clear();
        showHistory();
        enqueue(new PendingWrite(edited, change, false));
    }

    /** Puts back the plan as it was before the last edit, through the store like any edit ("Undo: action"). */
    public void undo() {
        if (undoable.isEmpty()) {
            return;
        }
        Step step = undoable.pop();
        redoable.push(step);
        showHistory();
        PlanChange change = step.change();
        if (step.fileBefore() != null) {
            step.fileBefore().restore(this);
        }
        enqueue(new PendingWrite(step.before(), new PlanChange(change.user(), "Undo: " + change.action(),
                change.after(), change.before(), "", change.what() == null ? null : Phrase.of("audit.undo",
                change.what())), step.fileBefore() != null));
    }

    /** Makes again the edit last undone ("Redo: action"). */
    public void redo() {
        if (redoable.isEmpty()) {
            return;
        }
        Step step = redoable.pop();
        undoable.push(step);
        showHistory();
        PlanChange change = step.change();
        if (step.fileAfter() != null) {
            step.fileAfter().restore(this);
        }
        enqueue(new PendingWrite(step.after(), new PlanChange(change.user(), "Redo: " + change.action(),
                change.before(), change.after(), change.reason(), change.what() == null ? null
                : Phrase.of("audit.redo", change.what())), step.fileAfter() != null));
    }

    private void forgetHistory() {
        undoable.clear();
        redoable.clear();
        showHistory();
    }

    private void showHistory() {
        undoAction.set(undoable.isEmpty() ? "" : undoable.peek().change().action());
        redoAction.set(redoable.isEmpty() ? "" : redoable.peek().change().action());
    }

    /** The action {@link #undo()} would take back, empty when there is nothing to undo. */
    public ReadOnlyStringProperty undoActionProperty() {
        return undoAction.getReadOnlyProperty();
    }

    public boolean canUndo() {
        return !undoable.isEmpty();
    }

    /** The action {@link #redo()} would make again, empty when there is nothing to redo. */
    public ReadOnlyStringProperty redoActionProperty() {
        return redoAction.getReadOnlyProperty();
    }

    public boolean canRedo() {
        return !redoable.isEmpty();
    }

    /**
     * Puts a whole other plan in place (a plan file opened, a new plan started), whatever versions say, as one step
     * that {@link #undo()} takes back: the plan before it and the plan file it belonged to come back, written to the
     * store in the same way. {@code fromFile} is the file the new plan came from, or null.
     */
    public void replace(Plan replacement, PlanChange change, Path fromFile) {
        FileState before = new FileState(planFile.get(), fileContent);
        FileState after = new FileState(fromFile, fromFile == null ? null : replacement);
        undoable.push(new Step(plan.get(), replacement, change, before, after));
        redoable.clear();
        showHistory();
        after.restore(this);
        enqueue(new PendingWrite(replacement, change, true));
    }

    /** Records that {@code written} is now what {@code file} holds. */
    public void savedToFile(Path file, Plan written) {
        fileContent = Objects.requireNonNull(written, "written");
        planFile.set(Objects.requireNonNull(file, "file"));
        compareWithFile();
    }

    /** Tries again the store write that failed, and the edits made after it. */
    public void retryStoreWrites() {
        if (storeState.get() == StoreState.FAILED) {
            writeNext();
        }
    }

    /** Where the data lives, for the status bar: changes when the console connects to a backend or leaves it. */
    public ReadOnlyStringProperty locationProperty() {
        return location.getReadOnlyProperty();
    }

    /**
     * Called, on the UI thread, when the store refuses a write as a conflict; the writes stay pending (state FAILED)
     * until {@link #reload(Plan)} or {@link #reapply(Plan, Plan, PlanChange)} settles it. Without a handler a
     * conflict is a failure like any other.
     */
    public void setConflictHandler(Consumer<StoreConflict> handler) {
        this.conflictHandler = handler;
    }

    /**
     * Forgets the edits not yet stored and shows {@code stored}, the plan as the store holds it now: after another
     * planner's change was taken instead of one's own, or after the store itself was switched (see
     * {@link #location()}).
     */
    public void reload(Plan stored) {
        Objects.requireNonNull(stored, "stored");
        // The steps recorded were made on a plan that is no longer shown; undoing one would undo onto the wrong plan.
        forgetHistory();
        tasks.cancel(STORE_CHANNEL);
        pending.clear();
        writing = false;
        storedVersion.set(stored.version());
        lastStored = stored;
        location.set(store.location());
        plan.set(stored);
        storeState.set(StoreState.SAVED);
        storeFailure = null;
        storeProblem.set("");
    }

    /**
     * Settles a conflict by making one's own edits again on top of {@code stored}: the pending writes are replaced
     * by one write of {@code merged} (the edits applied to {@code stored}), based on {@code stored}'s version.
     */
    public void reapply(Plan stored, Plan merged, PlanChange change) {
        Objects.requireNonNull(merged, "merged");
        reload(stored);
        enqueue(new PendingWrite(merged, change, false));
    }

    private void enqueue(PendingWrite write) {
        pending.addLast(write);
        plan.set(write.plan().withVersion(plan.get().version()));
        // A plan equal to the shown one fires no change, yet the file comparison may have changed with replace().
        compareWithFile();
        if (!writing) {
            writeNext();
        }
    }

    private void writeNext() {
        PendingWrite next = pending.peekFirst();
        if (next == null) {
            writing = false;
            storeState.set(StoreState.SAVED);
            storeFailure = null;
        storeProblem.set("");
            return;
        }
        writing = true;
        storeState.set(StoreState.SAVING);
        long basedOn = storedVersion.get();
        tasks.run(STORE_CHANNEL,
                progress -> next.replacing()
                        ? store.replace(next.plan(), next.change())
                        : store.save(next.plan().withVersion(basedOn), next.change()),
                saved -> {
                    pending.removeFirst();
                    storedVersion.set(saved.version());
                    lastStored = saved;
                    storeWrites.set(storeWrites.get() + 1);
                    writeNext();
                },
                failure -> {
                    writing = false;
                    storeState.set(StoreState.FAILED);
                    storeFailure = failure;
                    storeProblem.set(Messages.describe(failure));
                    if (failure instanceof PlanConflictException && conflictHandler != null) {
                        conflictHandler.accept(new StoreConflict((PlanConflictException) failure, lastStored,
                                plan.get(), pending.stream().map(PendingWrite::change).toList()));
                    }
                });
    }

    private void compareWithFile() {
        differsFromFile.set(fileContent != null && !sameContent(fileContent, plan.get()));
    }

    /** Two plans are the same to a planner when everything but the store's change counter is equal. */
    public static boolean sameContent(Plan first, Plan second) {
        return first.withVersion(0).equals(second.withVersion(0));
    }

    /** The version of the plan the store holds: it counts the saved changes (the shown plan's own may be older). */
    public ReadOnlyLongProperty storedVersionProperty() {
        return storedVersion.getReadOnlyProperty();
    }

    public long getStoredVersion() {
        return storedVersion.get();
    }

    public ReadOnlyObjectProperty<Plan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    public Plan getPlan() {
        return plan.get();
    }

    /** The plan file last opened or saved, or null when the plan has not been in a file. */
    public ReadOnlyObjectProperty<Path> planFileProperty() {
        return planFile.getReadOnlyProperty();
    }

    public Path getPlanFile() {
        return planFile.get();
    }

    /** True when the plan has changed since it was opened from or saved to {@link #getPlanFile()}. */
    public ReadOnlyBooleanProperty differsFromFileProperty() {
        return differsFromFile.getReadOnlyProperty();
    }

    public boolean isDifferentFromFile() {
        return differsFromFile.get();
    }

    public ReadOnlyObjectProperty<StoreState> storeStateProperty() {
        return storeState.getReadOnlyProperty();
    }

    public StoreState getStoreState() {
        return storeState.get();
    }

    /** Why the last store write failed, empty otherwise. */
    /** The store's last failure, while it stands (see {@link #storeProblemProperty}). */
    public Optional<Throwable> storeFailure() {
        return Optional.ofNullable(storeFailure);
    }

    public ReadOnlyStringProperty storeProblemProperty() {
        return storeProblem.getReadOnlyProperty();
    }

    /** Counts store writes that completed, so that screens showing stored data (the audit trail) can refresh. */
    public ReadOnlyLongProperty storeWritesProperty() {
        return storeWrites.getReadOnlyProperty();
    }

    /**
     * One undoable edit: the plan before and after it, and what it did; a whole plan put in place also keeps the plan
     * file before and after it (null for an edit, which leaves the file as it is).
     */
    private record Step(Plan before, Plan after, PlanChange change, FileState fileBefore, FileState fileAfter) {
    }

    /** The plan file the working plan belongs to and what that file holds (both null for none). */
    private record FileState(Path file, Plan content) {
        void restore(WorkingPlan working) {
            working.fileContent = content;
            working.planFile.set(file);
        }
    }

    private record PendingWrite(Plan plan, PlanChange change, boolean replacing) {
    }
}
