package org.cohortplanner.simulation;

/**
 * The waiting room of the fast model as groups of people who joined in the same step, oldest first, each with the
 * sum of their first-attempt steps (people who come back keep their first attempt, so waits are counted from it).
 * Uniform thinning — exponential patience and random-order admission take the same share of every group — is
 * applied to one shared scale factor instead of to every group, so a step costs O(1) unless it must look at groups.
 */
final class CohortQueue {
    private int[] entry = new int[256];
    private double[] count = new double[256];
    private double[] first = new double[256];
    private int head;
    private int size;
    private double scale = 1;
    private double storedFirstTotal;

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        head = 0;
        size = 0;
        scale = 1;
        storedFirstTotal = 0;
    }

    void push(int step, double people, double firstSum) {
        if (people <= 0) {
            return;
        }
        if (size == entry.length) {
            grow();
        }
        int index = (head + size) & (entry.length - 1);
        entry[index] = step;
        count[index] = people / scale;
        first[index] = firstSum / scale;
        storedFirstTotal += first[index];
        size++;
    }

    /** Removes the same share {@code fraction} of every group; returns the first-attempt sum of those removed. */
    double thin(double fraction) {
        if (size == 0 || fraction <= 0) {
            return 0;
        }
        double removed = storedFirstTotal * scale * Math.min(1, fraction);
        if (fraction >= 1) {
            clear();
            return removed;
        }
        scale *= 1 - fraction;
        if (scale < 1e-200) {
            renormalise();
        }
        return removed;
    }

    /** Lets {@code people} in from the front (FIFO), telling the recorder how long each group waited. */
    void takeOldest(double people, int step, double stepSeconds, NightRecorder recorder) {
        double left = people;
        while (left > 1e-9 && size > 0) {
            int h = head;
            double real = count[h] * scale;
            double averageFirst = first[h] / count[h];
            if (real <= left + 1e-9) {
                recorder.waited(real, (step - averageFirst) * stepSeconds);
                left -= real;
                storedFirstTotal -= first[h];
                head = (head + 1) & (entry.length - 1);
                size--;
            } else {
                double stored = left / scale;
                recorder.waited(left, (step - averageFirst) * stepSeconds);
                count[h] -= stored;
                first[h] -= averageFirst * stored;
                storedFirstTotal -= averageFirst * stored;
                left = 0;
            }
        }
        if (left > 1e-9) {
            recorder.waited(left, 0);
        }
    }

    /** Lets in the same share {@code fraction} of every group (random order). */
    void takeRandom(double fraction, int step, double stepSeconds, NightRecorder recorder) {
        double share = Math.min(1, fraction);
        int mask = entry.length - 1;
        for (int i = 0; i < size; i++) {
            int index = (head + i) & mask;
            double averageFirst = first[index] / count[index];
            recorder.waited(count[index] * scale * share, (step - averageFirst) * stepSeconds);
        }
        thin(share);
    }

    /**
     * Removes the groups that joined at or before {@code lastEntryStep} (fixed patience ran out).
     *
     * @return people removed and their first-attempt sum
     */
    double[] expire(int lastEntryStep) {
        double people = 0;
        double firstSum = 0;
        while (size > 0 && entry[head] <= lastEntryStep) {
            people += count[head] * scale;
            firstSum += first[head] * scale;
            storedFirstTotal -= first[head];
            head = (head + 1) & (entry.length - 1);
            size--;
        }
        return new double[] {people, firstSum};
    }

    private void renormalise() {
        int mask = entry.length - 1;
        for (int i = 0; i < size; i++) {
            int index = (head + i) & mask;
            count[index] *= scale;
            first[index] *= scale;
        }
        storedFirstTotal *= scale;
        scale = 1;
    }

    private void grow() {
        int capacity = entry.length * 2;
        int[] newEntry = new int[capacity];
        double[] newCount = new double[capacity];
        double[] newFirst = new double[capacity];
        int mask = entry.length - 1;
        for (int i = 0; i < size; i++) {
            int index = (head + i) & mask;
            newEntry[i] = entry[index];
            newCount[i] = count[index];
            newFirst[i] = first[index];
        }
        entry = newEntry;
        count = newCount;
        first = newFirst;
        head = 0;
    }
}
