package org.cohortplanner.planning.schedule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cohortplanner.planning.Apportionment;

/**
 * The rows of one walk of a {@link ScheduleEngine}: per day, region, cohort and brand the first and second doses
 * booked, with their shortages and the groups of people whose second dose follows; and the totals per brand and
 * day and per region, brand and day that the stock lines show. Whole people are rounded along running totals, so
 * that a cohort's first doses add up to its people rounded once, and a brand's second doses to its first doses
 * given, instead of each cell's rounding error adding up.
 */
final class RunRows {
    private final ScheduleEngine engine;
    private final ScheduleEngine.Run run;
    final List<ScheduleRow> rows = new ArrayList<>();
    final List<Shortage> shortages = new ArrayList<>();
    final List<SecondDoseGroup> secondDoses = new ArrayList<>();
    /** [brand][day] */
    final long[][] peopleShort;
    final long[][] dosesShort;
    final long[][] due;
    /** [region][brand][day] */
    final long[][][] regionDue;
    final long[][][] regionPeopleShort;
    final long[][][] regionDosesShort;
    /** [cohort][brand]: the running totals and what has been rounded of them. */
    private final double[][] firstRunning;
    private final long[][] firstRounded;
    private final double[][] secondRunning;
    private final long[][] secondRounded;

    RunRows(ScheduleEngine engine, ScheduleEngine.Run run) {
        this.engine = engine;
        this.run = run;
        int days = engine.days;
        int brandCount = engine.brands.size();
        int regionCount = engine.regions.size();
        int cohortCount = engine.cohorts.size();
        peopleShort = new long[brandCount][days];
        dosesShort = new long[brandCount][days];
        due = new long[brandCount][days];
        regionDue = new long[regionCount][brandCount][days];
        regionPeopleShort = new long[regionCount][brandCount][days];
        regionDosesShort = new long[regionCount][brandCount][days];
        firstRunning = new double[cohortCount][brandCount];
        firstRounded = new long[cohortCount][brandCount];
        secondRunning = new double[cohortCount][brandCount];
        secondRounded = new long[cohortCount][brandCount];
    }

    /** Walks every day, region, cohort and brand, in that order. */
    RunRows add() {
        for (int d = 0; d < engine.days; d++) {
            for (int r = 0; r < engine.regions.size(); r++) {
                for (int c = 0; c < engine.cohorts.size(); c++) {
                    for (int b = 0; b < engine.brands.size(); b++) {
                        addCell(d, r, c, b);
                    }
                }
            }
        }
        return this;
    }

    private void addCell(int d, int r, int c, int b) {
        int cell = run.cell(c, r, b);
        double firstBooked = run.firstBooked[d][cell];
        double secondDue = run.secondDue[d][cell];
        double firstGiven = run.firstGiven[d][cell];
        if (firstBooked == 0 && secondDue == 0 && firstGiven == 0) {
            return;
        }
        Cell at = new Cell(engine.day(d), engine.regions.get(r), engine.cohorts.get(c).id(),
                engine.brands.get(b).name(), Math.round(engine.brandCapacity[r][b][d]),
                Math.round(run.regionFree[d][run.stockCell(r, b)]), Math.round(run.regionHeld[d][run.stockCell(r, b)]));
        firstRunning[c][b] += firstBooked;
        long booked = Math.round(firstRunning[c][b]) - firstRounded[c][b];
        firstRounded[c][b] += booked;
        if (booked > 0) {
            addFirstDoses(at, d, r, c, b, booked);
        }
        secondRunning[c][b] += secondDue;
        long second = Math.round(secondRunning[c][b]) - secondRounded[c][b];
        secondRounded[c][b] += second;
        if (second > 0) {
            addSecondDoses(at, d, r, c, b, second);
        }
        if (firstGiven >= 0.5 && engine.brands.get(b).needsSecondDose()) {
            addSecondDoseGroups(c, r, b, d, Math.round(firstGiven));
        }
    }

    /** Where a row stands and what the region had that day. */
    private record Cell(LocalDate day, String region, String cohortId, String brand, long capacity, long stock,
            long reserved) {
    }

    private void addFirstDoses(Cell at, int d, int r, int c, int b, long booked) {
        long ofDoses = Math.round(run.firstShortOfDoses[d][run.cell(c, r, b)]);
        long ofCapacity = Math.round(run.firstShortOfCapacity[d][run.cell(c, r, b)]);
        long shortage = Math.min(booked, Math.round(run.firstShort(c, r, b, d)));
        addRow(at, d, r, b, 1, booked, shortage);
        if (shortage > 0) {
            long doses = ofDoses * engine.dosesPerFirstDose[b];
            addShortage(d, r, b, new Shortage(at.day(), at.region(), at.cohortId(), at.brand(), 1, shortage,
                    ofDoses, ofCapacity, doses));
        }
    }

    private void addSecondDoses(Cell at, int d, int r, int c, int b, long second) {
        long ofDoses = Math.round(run.secondShortOfDoses[d][run.cell(c, r, b)]);
        long shortage = Math.min(second, Math.round(run.secondShort(c, r, b, d)));
        addRow(at, d, r, b, 2, second, shortage);
        if (shortage > 0) {
            addShortage(d, r, b, new Shortage(at.day(), at.region(), at.cohortId(), at.brand(), 2, shortage,
                    ofDoses, Math.max(0, shortage - ofDoses), ofDoses));
        }
    }

    private void addRow(Cell at, int d, int r, int b, int dose, long people, long shortage) {
        rows.add(new ScheduleRow(at.day(), at.region(), at.cohortId(), at.brand(), dose, people, at.capacity(),
                at.stock(), shortage, at.reserved()));
        due[b][d] += people;
        regionDue[r][b][d] += people;
    }

    private void addShortage(int d, int r, int b, Shortage shortage) {
        shortages.add(shortage);
        peopleShort[b][d] += shortage.people();
        dosesShort[b][d] += shortage.doses();
        regionPeopleShort[r][b][d] += shortage.people();
        regionDosesShort[r][b][d] += shortage.doses();
    }

    /**
     * The people of one cohort, region, brand and first-dose day by part (no named group, then each group), whole
     * people adding up to those given the first dose, each with the second-dose day of its interval.
     */
    private void addSecondDoseGroups(int c, int r, int b, int d, long people) {
        double[] shares = engine.partShare[c];
        long[] byPart = shares.length == 1 ? new long[] {people} : Apportionment.largestRemainder(people, shares);
        for (int p = 0; p < shares.length; p++) {
            int secondDay = engine.secondDoseDay(c, p, r, b, d);
            if (byPart[p] > 0 && secondDay >= 0) {
                secondDoses.add(new SecondDoseGroup(engine.cohorts.get(c).id(), engine.partGroup[c][p],
                        engine.regions.get(r), engine.brands.get(b).name(), engine.day(d), engine.day(secondDay),
                        byPart[p]));
            }
        }
    }
}
