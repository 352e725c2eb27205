package org.cohortplanner.simulation;

/**
 * The waiting room of the fast model as groups of people who joined in the same step, oldest first, each with the
 * sum and the sum of squares of their first-attempt steps (people who come back keep their first attempt, so waits
 * are counted from it, and a group that mixes newcomers with people coming back has a spread of first attempts).
 * Uniform thinning — exponential patience and random-order admission take the same share of every group — is
 * applied to one shared scale factor instead of to every group, so a step costs O(1) unless it must look at groups.
 */
final class CohortQueue {
    private int[] entry = new int[256];
    private double[] count = new double[256];
    private double[] first = new double[256];
    private double[] firstSquares = new double[256];
    private int head;
    private int size;
    private double scale = 1;
    private double storedFirstTotal;
    private double storedSquaresTotal;

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        head = 0;
        size = 0;
        scale = 1;
        storedFirstTotal = 0;
        storedSquaresTotal = 0;
    }

    void push(int step, double people, double firstSum, double firstSquares) {
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
        this.firstSquares[index] = firstSquares / scale;
        storedFirstTotal += first[index];
        storedSquaresTotal += this.firstSquares[index];
        size++;
    }

    /**
     * Removes the same share {@code fraction} of every group.
     *
     * @return the first-attempt sum and sum of squares of those removed
     */
    double[] thin(double fraction) {
        if (size == 0 || fraction <= 0) {
            return new double[] {0, 0};
        }
        double share = Math.min(1, fraction);
        double[] removed = {storedFirstTotal * scale * share, storedSquaresTotal * scale * share};
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

    /**
     * Lets {@code people} in from the front (FIFO) at {@code step} (in steps, possibly inside one), telling the
     * recorder how long each group waited.
     */
    void takeOldest(double people, double step, double stepSeconds, NightRecorder recorder) {
        double left = people;
        while (left > 1e-9 && size > 0) {
            int h = head;
            double real = count[h] * scale;
            double averageFirst = first[h] / count[h];
            double averageSquare = firstSquares[h] / count[h];
            if (real <= left + 1e-9) {
                recordWaits(recorder, real, h, step, stepSeconds);
                left -= real;
                storedFirstTotal -= first[h];
                storedSquaresTotal -= firstSquares[h];
                head = (head + 1) & (entry.length - 1);
                size--;
            } else {
                double stored = left / scale;
                recordWaits(recorder, left, h, step, stepSeconds);
                count[h] -= stored;
                first[h] -= averageFirst * stored;
                firstSquares[h] -= averageSquare * stored;
                storedFirstTotal -= averageFirst * stored;
                storedSquaresTotal -= averageSquare * stored;
                left = 0;
            }
        }
        if (left > 1e-9) {
            recorder.waited(left, 0);
        }
    }

    /** Lets in the same share {@code fraction} of every group (random order). */
    void takeRandom(double fraction, double step, double stepSeconds, NightRecorder recorder) {
        double share = Math.min(1, fraction);
        int mask = entry.length - 1;
        for (int i = 0; i < size; i++) {
            int index = (head + i) & mask;
            recordWaits(recorder, count[index] * scale * share, index, step, stepSeconds);
        }
        thin(share);
    }

    private void recordWaits(NightRecorder recorder, double people, int index, double step, double stepSeconds) {
        double mean = first[index] / count[index];
        double variance = Math.max(0, firstSquares[index] / count[index] - mean * mean);
        recorder.waitedAround(people, (step - mean) * stepSeconds, Math.sqrt(variance) * stepSeconds,
                step * stepSeconds);
    }

    /**
     * Removes the groups that joined at or before {@code lastEntryStep} (fixed patience ran out).
     *
     * @return people removed, their first-attempt sum and sum of squares
     */
    double[] expire(int lastEntryStep) {
        double people = 0;
        double firstSum = 0;
        double squares = 0;
        while (size > 0 && entry[head] <= lastEntryStep) {
            people += count[head] * scale;
            firstSum += first[head] * scale;
            squares += firstSquares[head] * scale;
            storedFirstTotal -= first[head];
            storedSquaresTotal -= firstSquares[head];
            head = (head + 1) & (entry.length - 1);
            size--;
        }
        return new double[] {people, firstSum, squares};
    }

    private void renormalise() {
        int mask = entry.length - 1;
        for (int i = 0; i < size; i++) {
            int index = (head + i) & mask;
            count[index] *= scale;
            first[index] *= scale;
            firstSquares[index] *= scale;
        }
        storedFirstTotal *= scale;
        storedSquaresTotal *= scale;
        scale = 1;
    }

    private void grow() {
        int capacity = entry.length * 2;
        int[] newEntry = new int[capacity];
        double[] newCount = new double[capacity];
        double[] newFirst = new double[capacity];
        double[] newSquares = new double[capacity];
        int mask = entry.length - 1;
        for (int i = 0; i < size; i++) {
            int index = (head + i) & mask;
            newEntry[i] = entry[index];
            newCount[i] = count[index];
            newFirst[i] = first[index];
            newSquares[i] = firstSquares[index];
        }
        entry = newEntry;
        count = newCount;
        first = newFirst;
        firstSquares = newSquares;
        head = 0;
    }
}
