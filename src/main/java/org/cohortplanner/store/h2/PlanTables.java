package org.cohortplanner.store.h2;

import static org.cohortplanner.store.h2.TextTooLongException.NAME_LENGTH;
import static org.cohortplanner.store.h2.TextTooLongException.requireFits;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cohortplanner.domain.BirthCohortRange;
import org.cohortplanner.domain.BookingSystem;
import org.cohortplanner.domain.BookingWindow;
import org.cohortplanner.domain.BrandAllocation;
import org.cohortplanner.domain.CapacityChange;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.CohortStatus;
import org.cohortplanner.domain.AllocationRule;
import org.cohortplanner.domain.Allotment;
import org.cohortplanner.domain.AllotmentRule;
import org.cohortplanner.domain.Delivery;
import org.cohortplanner.domain.DeliveryStatus;
import org.cohortplanner.domain.DoseInterval;
import org.cohortplanner.domain.Holiday;
import org.cohortplanner.domain.Overload;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.PlanSettings;
import org.cohortplanner.domain.Platform;
import org.cohortplanner.domain.PopulationTable;
import org.cohortplanner.domain.QueueOrder;
import org.cohortplanner.domain.Region;
import org.cohortplanner.domain.SiteGroup;
import org.cohortplanner.domain.SiteKind;
import org.cohortplanner.domain.VaccinationPeriod;
import org.cohortplanner.domain.Transfer;
import org.cohortplanner.domain.VaccineBrand;
import org.cohortplanner.domain.WaitingRoom;

/**
 * Reads and writes a plan as the rows of the tables created by the migrations in {@code db/migration}. Plain
 * portable SQL over a caller's connection and transaction, so that the booking backend can use it on PostgreSQL
 * as well as the embedded model on H2. A write replaces every row of the plan; list order is kept in
 * {@code list_position} so that the plan reads back equal.
 */
public final class PlanTables {

    /** Child tables in an order that deletes referencing rows before the rows they refer to. */
    private static final List<String> CHILD_TABLES = List.of(
            "allocation_rule_entry", "allocation_rule", "region_transfer", "delivery_allotment",
            "cohort_brand_share", "cohort_birth_day_digit", "cohort", "delivery", "site_group_brand",
            "site_group_closed_day", "site_group", "brand_site_kind", "brand", "capacity_change", "holiday",
            "region", "birth_year_population");

    private static final String RULE_REGION = "REGION";
    private static final String RULE_BRAND = "BRAND";
    private static final String RULE_EXCEPT_SITE_GROUP = "EXCEPT_SITE_GROUP";

    private PlanTables() {
    }

    /**
     * The stored version of the plan, or empty when the plan has not been stored.
     *
     * @param lock also lock the plan's row until the transaction ends, so that a concurrent save waits
     */
    public static OptionalLong version(Connection connection, long planId, boolean lock) throws SQLException {
        String sql = "SELECT plan_version FROM cohort_plan WHERE plan_id = ?" + (lock ? " FOR UPDATE" : "");
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, planId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /**
     * Replaces the stored rows of the plan by {@code plan}, its version included.
     *
     * @throws TextTooLongException when a name does not fit its column; the caller rolls back
     */
    public static void write(Connection connection, long planId, Plan plan) throws SQLException {
        boolean stored = version(connection, planId, false).isPresent();
        for (String table : CHILD_TABLES) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + table + " WHERE plan_id = ?")) {
                delete.setLong(1, planId);
                delete.executeUpdate();
            }
        }
        writeHeader(connection, planId, plan, stored);
        writeBrands(connection, planId, plan.brands());
        writeCohorts(connection, planId, plan.cohorts());
        writeDeliveries(connection, planId, plan.deliveries());
        writeSiteGroups(connection, planId, plan.sites());
        writeCapacityChanges(connection, planId, plan.bookingSystem().capacityChanges());
        writeHolidays(connection, planId, plan.holidays());
        writeRegions(connection, planId, plan.regions());
        writePopulation(connection, planId, plan.population());
        writeTransfers(connection, planId, plan.transfers());
        writeAllocationRules(connection, planId, plan.allocationRules());
    }

    private static void writeHeader(Connection connection, long planId, Plan plan, boolean stored)
            throws SQLException {
        String columns = "plan_version, name, description, time_zone, reserve_second_dose, no_show_rate, "
                + "people_per_hour, concurrent_sessions, session_minutes, access_multiplier, waiting_room_enabled, "
                + "admitted_per_minute, queue_order, patience_minutes, retry_probability, retry_delay_minutes, "
                + "overload_concurrent_requests, overload_timeout_seconds, overload_restart_minutes";
        String sql = stored
                ? "UPDATE cohort_plan SET " + columns.replace(",", " = ?,") + " = ? WHERE plan_id = ?"
                : "INSERT INTO cohort_plan (" + columns + ", plan_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        BookingSystem booking = plan.bookingSystem();
        WaitingRoom room = booking.waitingRoom();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int i = 0;
            statement.setLong(++i, plan.version());
            statement.setString(++i, requireFits(plan.name(), NAME_LENGTH, "plan name"));
            statement.setString(++i, plan.description());
            statement.setString(++i, plan.zone().getId());
            statement.setBoolean(++i, plan.settings().reserveSecondDose());
            statement.setDouble(++i, plan.settings().noShowRate());
            statement.setDouble(++i, booking.peoplePerHour());
            statement.setInt(++i, booking.concurrentSessions());
            statement.setDouble(++i, booking.sessionMinutes());
            statement.setDouble(++i, booking.accessMultiplier());
            statement.setBoolean(++i, room.enabled());
            statement.setInt(++i, room.admittedPerMinute());
            statement.setString(++i, room.order().name());
            statement.setDouble(++i, room.patienceMinutes());
            statement.setDouble(++i, room.retryProbability());
            statement.setDouble(++i, room.retryDelayMinutes());
            statement.setLong(++i, booking.overload().concurrentRequests());
            statement.setDouble(++i, booking.overload().timeoutSeconds());
            statement.setDouble(++i, booking.overload().restartMinutes());
            statement.setLong(++i, planId);
            statement.executeUpdate();
        }
    }

    private static void writeBrands(Connection connection, long planId, List<VaccineBrand> brands)
            throws SQLException {
        try (PreparedStatement brandRows = connection.prepareStatement("INSERT INTO brand (plan_id, name, "
                + "list_position, doses_in_course, interval_days, interval_minimum_days, interval_maximum_days, "
                + "minimum_age, platform, lead_time_days) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement kindRows = connection.prepareStatement(
                     "INSERT INTO brand_site_kind (plan_id, brand_name, site_kind) VALUES (?, ?, ?)")) {
            int position = 0;
            for (VaccineBrand brand : brands) {
                brandRows.setLong(1, planId);
                brandRows.setString(2, requireFits(brand.name(), NAME_LENGTH, "brand name"));
                brandRows.setInt(3, position++);
                brandRows.setInt(4, brand.dosesInCourse());
                brandRows.setInt(5, brand.interval().days());
                brandRows.setInt(6, brand.interval().minimumDays());
                brandRows.setInt(7, brand.interval().maximumDays());
                brandRows.setInt(8, brand.minimumAge());
                brandRows.setString(9, brand.platform().name());
                brandRows.setInt(10, brand.leadTimeDays());
                brandRows.addBatch();
                for (SiteKind kind : brand.siteKinds()) {
                    kindRows.setLong(1, planId);
                    kindRows.setString(2, brand.name());
                    kindRows.setString(3, kind.name());
                    kindRows.addBatch();
                }
            }
            brandRows.executeBatch();
            kindRows.executeBatch();
        }
    }

    private static void writeCohorts(Connection connection, long planId, List<Cohort> cohorts) throws SQLException {
        try (PreparedStatement cohortRows = connection.prepareStatement("INSERT INTO cohort (plan_id, cohort_id, "
                + "list_position, name, first_birth_year, last_birth_year, eligible, uptake, booking_opens, "
                + "booking_closes, first_vaccination_day, last_vaccination_day, parent_cohort_id, status) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement digitRows = connection.prepareStatement("INSERT INTO cohort_birth_day_digit "
                     + "(plan_id, cohort_id, birth_day_digit) VALUES (?, ?, ?)");
             PreparedStatement shareRows = connection.prepareStatement("INSERT INTO cohort_brand_share (plan_id, "
                     + "cohort_id, brand_name, list_position, brand_share) VALUES (?, ?, ?, ?, ?)")) {
            int position = 0;
            for (Cohort cohort : cohorts) {
                cohortRows.setLong(1, planId);
                cohortRows.setString(2, requireFits(cohort.id(), NAME_LENGTH, "cohort id"));
                cohortRows.setInt(3, position++);
                cohortRows.setString(4, requireFits(cohort.name(), NAME_LENGTH, "cohort name"));
                cohortRows.setInt(5, cohort.birthYears().firstYear());
                cohortRows.setInt(6, cohort.birthYears().lastYear());
                cohortRows.setLong(7, cohort.eligible());
                cohortRows.setDouble(8, cohort.uptake());
                cohortRows.setObject(9, cohort.window().opens());
                cohortRows.setObject(10, cohort.window().closes());
                cohortRows.setObject(11, cohort.vaccinationPeriod().firstDay());
                cohortRows.setObject(12, cohort.vaccinationPeriod().lastDay());
                cohortRows.setString(13, requireFits(cohort.parentId(), NAME_LENGTH, "parent cohort id"));
                cohortRows.setString(14, cohort.status().name());
                cohortRows.addBatch();
                for (int digit : cohort.birthDayDigits()) {
                    digitRows.setLong(1, planId);
                    digitRows.setString(2, cohort.id());
                    digitRows.setInt(3, digit);
                    digitRows.addBatch();
                }
                int sharePosition = 0;
                for (Map.Entry<String, Double> share : cohort.brands().shares().entrySet()) {
                    shareRows.setLong(1, planId);
                    shareRows.setString(2, cohort.id());
                    shareRows.setString(3, share.getKey());
                    shareRows.setInt(4, sharePosition++);
                    shareRows.setDouble(5, share.getValue());
                    shareRows.addBatch();
                }
            }
            cohortRows.executeBatch();
            digitRows.executeBatch();
            shareRows.executeBatch();
        }
    }

    private static void writeDeliveries(Connection connection, long planId, List<Delivery> deliveries)
            throws SQLException {
        try (PreparedStatement rows = connection.prepareStatement("INSERT INTO delivery (plan_id, delivery_id, "
                + "list_position, brand_name, doses, planned_arrival, expected_arrival, status, note, "
                + "lead_time_days, allotment_rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement allotmentRows = connection.prepareStatement("INSERT INTO delivery_allotment "
                     + "(plan_id, delivery_id, region_name, list_position, doses) VALUES (?, ?, ?, ?, ?)")) {
            int position = 0;
            for (Delivery delivery : deliveries) {
                rows.setLong(1, planId);
                rows.setString(2, requireFits(delivery.id(), NAME_LENGTH, "delivery id"));
                rows.setInt(3, position++);
                rows.setString(4, delivery.brand());
                rows.setLong(5, delivery.doses());
                rows.setObject(6, delivery.plannedArrival());
                rows.setObject(7, delivery.expectedArrival());
                rows.setString(8, delivery.status().name());
                rows.setString(9, delivery.note());
                rows.setObject(10, delivery.leadTimeDays(), Types.INTEGER);
                rows.setString(11, delivery.allotment().rule().name());
                rows.addBatch();
                int regionPosition = 0;
                for (Map.Entry<String, Long> share : delivery.allotment().dosesByRegion().entrySet()) {
                    allotmentRows.setLong(1, planId);
                    allotmentRows.setString(2, delivery.id());
                    allotmentRows.setString(3, share.getKey());
                    allotmentRows.setInt(4, regionPosition++);
                    allotmentRows.setLong(5, share.getValue());
                    allotmentRows.addBatch();
                }
            }
            rows.executeBatch();
            allotmentRows.executeBatch();
        }
    }

    private static void writeTransfers(Connection connection, long planId, List<Transfer> transfers)
            throws SQLException {
        try (PreparedStatement rows = connection.prepareStatement("INSERT INTO region_transfer (plan_id, "
                + "transfer_id, list_position, brand_name, doses, from_region, to_region, shipped_on, lead_time_days, "
                + "note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (Transfer transfer : transfers) {
                rows.setLong(1, planId);
                rows.setString(2, requireFits(transfer.id(), NAME_LENGTH, "transfer id"));
                rows.setInt(3, position++);
                rows.setString(4, transfer.brand());
                rows.setLong(5, transfer.doses());
                rows.setString(6, transfer.fromRegion());
                rows.setString(7, transfer.toRegion());
                rows.setObject(8, transfer.shipped());
                rows.setInt(9, transfer.leadTimeDays());
                rows.setString(10, transfer.note());
                rows.addBatch();
            }
            rows.executeBatch();
        }
    }

    private static void writeAllocationRules(Connection connection, long planId, List<AllocationRule> rules)
            throws SQLException {
        try (PreparedStatement rows = connection.prepareStatement("INSERT INTO allocation_rule (plan_id, rule_id, "
                + "list_position, cohort_id, first_day, last_day, note) VALUES (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement entries = connection.prepareStatement("INSERT INTO allocation_rule_entry (plan_id, "
                     + "rule_id, entry_kind, list_position, entry_name, brand_share) VALUES (?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (AllocationRule rule : rules) {
                rows.setLong(1, planId);
                rows.setString(2, requireFits(rule.id(), NAME_LENGTH, "allocation rule id"));
                rows.setInt(3, position++);
                rows.setString(4, rule.cohortId());
                rows.setObject(5, rule.firstDay());
                rows.setObject(6, rule.lastDay());
                rows.setString(7, rule.note());
                rows.addBatch();
                addRuleEntries(entries, planId, rule.id(), RULE_REGION, rule.regions(), Map.of());
                addRuleEntries(entries, planId, rule.id(), RULE_BRAND, rule.brands().shares().keySet(),
                        rule.brands().shares());
                addRuleEntries(entries, planId, rule.id(), RULE_EXCEPT_SITE_GROUP, rule.exceptSiteGroups(),
                        Map.of());
            }
            rows.executeBatch();
            entries.executeBatch();
        }
    }

    private static void addRuleEntries(PreparedStatement entries, long planId, String ruleId, String kind,
                                       Collection<String> names, Map<String, Double> shares) throws SQLException {
        int position = 0;
        for (String name : names) {
            entries.setLong(1, planId);
            entries.setString(2, ruleId);
            entries.setString(3, kind);
            entries.setInt(4, position++);
            entries.setString(5, requireFits(name, NAME_LENGTH, "name in an allocation rule"));
            entries.setObject(6, shares.get(name), Types.DOUBLE);
            entries.addBatch();
        }
    }

    private static void writeSiteGroups(Connection connection, long planId, List<SiteGroup> sites)
            throws SQLException {
        try (PreparedStatement siteRows = connection.prepareStatement("INSERT INTO site_group (plan_id, name, "
                + "list_position, region_name, site_kind, doses_per_day) VALUES (?, ?, ?, ?, ?, ?)");
             PreparedStatement brandRows = connection.prepareStatement("INSERT INTO site_group_brand (plan_id, "
                     + "site_group_name, brand_name, list_position) VALUES (?, ?, ?, ?)");
             PreparedStatement closedRows = connection.prepareStatement("INSERT INTO site_group_closed_day "
                     + "(plan_id, site_group_name, weekday) VALUES (?, ?, ?)")) {
            int position = 0;
            for (SiteGroup site : sites) {
                siteRows.setLong(1, planId);
                siteRows.setString(2, requireFits(site.name(), NAME_LENGTH, "site group name"));
                siteRows.setInt(3, position++);
                siteRows.setString(4, requireFits(site.region(), NAME_LENGTH, "region of site group " + site.name()));
                siteRows.setString(5, site.kind().name());
                siteRows.setInt(6, site.dosesPerDay());
                siteRows.addBatch();
                int brandPosition = 0;
                for (String brand : site.brands()) {
                    brandRows.setLong(1, planId);
                    brandRows.setString(2, site.name());
                    brandRows.setString(3, brand);
                    brandRows.setInt(4, brandPosition++);
                    brandRows.addBatch();
                }
                for (DayOfWeek day : site.closedDays()) {
                    closedRows.setLong(1, planId);
                    closedRows.setString(2, site.name());
                    closedRows.setString(3, day.name());
                    closedRows.addBatch();
                }
            }
            siteRows.executeBatch();
            brandRows.executeBatch();
            closedRows.executeBatch();
        }
    }

    private static void writeCapacityChanges(Connection connection, long planId, List<CapacityChange> changes)
            throws SQLException {
        try (PreparedStatement rows = connection.prepareStatement("INSERT INTO capacity_change (plan_id, "
                + "list_position, changes_at, people_per_hour, concurrent_sessions, note) VALUES (?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (CapacityChange change : changes) {
                rows.setLong(1, planId);
                rows.setInt(2, position++);
                rows.setObject(3, change.at());
                rows.setDouble(4, change.peoplePerHour());
                rows.setInt(5, change.concurrentSessions());
                rows.setString(6, change.note());
                rows.addBatch();
            }
            rows.executeBatch();
        }
    }

    private static void writeHolidays(Connection connection, long planId, List<Holiday> holidays)
            throws SQLException {
        try (PreparedStatement rows = connection.prepareStatement("INSERT INTO holiday (plan_id, list_position, "
                + "holiday_date, name) VALUES (?, ?, ?, ?)")) {
            int position = 0;
            for (Holiday holiday : holidays) {
                rows.setLong(1, planId);
                rows.setInt(2, position++);
                rows.setObject(3, holiday.date());
                rows.setString(4, requireFits(holiday.name(), NAME_LENGTH, "holiday name"));
                rows.addBatch();
            }
            rows.executeBatch();
        }
    }

    private static void writeRegions(Connection connection, long planId, List<Region> regions) throws SQLException {
        try (PreparedStatement rows = connection.prepareStatement("INSERT INTO region (plan_id, name, list_position, "
                + "population) VALUES (?, ?, ?, ?)")) {
            int position = 0;
            for (Region region : regions) {
                rows.setLong(1, planId);
                rows.setString(2, requireFits(region.name(), NAME_LENGTH, "region name"));
                rows.setInt(3, position++);
                rows.setLong(4, region.population());
                rows.addBatch();
            }
            rows.executeBatch();
        }
    }

    private static void writePopulation(Connection connection, long planId, PopulationTable population)
            throws SQLException {
        try (PreparedStatement rows = connection.prepareStatement("INSERT INTO birth_year_population (plan_id, "
                + "birth_year, people) VALUES (?, ?, ?)")) {
            for (Map.Entry<Integer, Long> entry : population.peoplePerBirthYear().entrySet()) {
                rows.setLong(1, planId);
                rows.setInt(2, entry.getKey());
                rows.setLong(3, entry.getValue());
                rows.addBatch();
            }
            rows.executeBatch();
        }
    }

    /**
     * The stored plan, or empty when it has not been stored.
     *
     * @throws StoredPlanException when the rows do not make a valid plan (changed outside the console, or written
     *                             by a version that knows values this one does not)
     */
    public static Optional<Plan> read(Connection connection, long planId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT plan_version, name, description, "
                + "time_zone, reserve_second_dose, no_show_rate, people_per_hour, concurrent_sessions, "
                + "session_minutes, access_multiplier, waiting_room_enabled, admitted_per_minute, queue_order, "
                + "patience_minutes, retry_probability, retry_delay_minutes, overload_concurrent_requests, "
                + "overload_timeout_seconds, overload_restart_minutes FROM cohort_plan WHERE plan_id = ?")) {
            statement.setLong(1, planId);
            try (ResultSet header = statement.executeQuery()) {
                if (!header.next()) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(readPlan(connection, planId, header));
                } catch (IllegalArgumentException | DateTimeException | NullPointerException invalid) {
                    throw new StoredPlanException(invalid.getMessage(), invalid);
                }
            }
        }
    }

    private static Plan readPlan(Connection connection, long planId, ResultSet header) throws SQLException {
        long version = header.getLong("plan_version");
        String name = header.getString("name");
        String description = header.getString("description");
        ZoneId zone = ZoneId.of(header.getString("time_zone"));
        PlanSettings settings = new PlanSettings(header.getBoolean("reserve_second_dose"),
                header.getDouble("no_show_rate"));
        WaitingRoom room = new WaitingRoom(header.getBoolean("waiting_room_enabled"),
                header.getInt("admitted_per_minute"),
                enumValue(QueueOrder.class, header.getString("queue_order"), "queue order"),
                header.getDouble("patience_minutes"), header.getDouble("retry_probability"),
                header.getDouble("retry_delay_minutes"));
        BookingSystem booking = new BookingSystem(header.getDouble("people_per_hour"),
                header.getInt("concurrent_sessions"), header.getDouble("session_minutes"),
                header.getDouble("access_multiplier"), readCapacityChanges(connection, planId), room,
                new Overload(header.getLong("overload_concurrent_requests"),
                        header.getDouble("overload_timeout_seconds"), header.getDouble("overload_restart_minutes")));
        return new Plan(name, description, zone, readCohorts(connection, planId), readBrands(connection, planId),
                readDeliveries(connection, planId), readSiteGroups(connection, planId), booking,
                readHolidays(connection, planId), readRegions(connection, planId),
                readPopulation(connection, planId), settings, version, readTransfers(connection, planId),
                readAllocationRules(connection, planId));
    }

    private static List<VaccineBrand> readBrands(Connection connection, long planId) throws SQLException {
        Map<String, Set<SiteKind>> kinds = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT brand_name, site_kind FROM brand_site_kind WHERE plan_id = ?")) {
            statement.setLong(1, planId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    kinds.computeIfAbsent(rows.getString(1), brand -> EnumSet.noneOf(SiteKind.class))
                            .add(enumValue(SiteKind.class, rows.getString(2), "site kind"));
                }
            }
        }
        List<VaccineBrand> brands = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT name, doses_in_course, "
                + "interval_days, interval_minimum_days, interval_maximum_days, minimum_age, platform, lead_time_days "
                + "FROM brand "
                + "WHERE plan_id = ? ORDER BY list_position")) {
            statement.setLong(1, planId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String name = rows.getString(1);
                    brands.add(new VaccineBrand(name, rows.getInt(2),
                            new DoseInterval(rows.getInt(3), rows.getInt(4), rows.getInt(5)), rows.getInt(6),
                            enumValue(Platform.class, rows.getString(7), "platform"),
                            kinds.getOrDefault(name, Set.of()), rows.getInt(8)));
                }
            }
        }
        return brands;
    }

    private static List<Cohort> readCohorts(Connection connection, long planId) throws SQLException {
        Map<String, Set<Integer>> digits = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT cohort_id, birth_day_digit FROM cohort_birth_day_digit WHERE plan_id = ?")) {
            statement.setLong(1, planId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    digits.computeIfAbsent(rows.getString(1), id -> new TreeSet<>()).add(rows.getInt(2));
                }
            }
        }
        Map<String, Map<String, Double>> shares = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT cohort_id, brand_name, brand_share "
                + "FROM cohort_brand_share WHERE plan_id = ? ORDER BY cohort_id, list_position")) {
            statement.setLong(1, planId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    shares.computeIfAbsent(rows.getString(1), id -> new LinkedHashMap<>())
                            .put(rows.getString(2), rows.getDouble(3));
                }
            }
        }
        List<Cohort> cohorts = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT cohort_id, name, first_birth_year, "
                + "last_birth_year, eligible, uptake, booking_opens, booking_closes, first_vaccination_day, "
                + "last_vaccination_day, parent_cohort_id, status FROM cohort WHERE plan_id = ? "
                + "ORDER BY list_position")) {
            statement.setLong(1, planId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String id = rows.getString(1);
                    cohorts.add(new Cohort(id, rows.getString(2),
                            new BirthCohortRange(rows.getInt(3), rows.getInt(4)),
                            digits.getOrDefault(id, Set.of()), rows.getLong(5), rows.getDouble(6),
                            new BookingWindow(rows.getObject(7, LocalDateTime.class),
                                    rows.getObject(8, LocalDateTime.class)),
                            new VaccinationPeriod(rows.getObject(9, LocalDate.class),
                                    rows.getObject(10, LocalDate.class)),
                            new BrandAllocation(shares.getOrDefault(id, Map.of())), rows.getString(11),
                            enumValue(CohortStatus.class, rows.getString(12), "cohort status")));
                }
            }
        }
        return cohorts;
    }

    private static List<Delivery> readDeliveries(Connection connection, long planId) throws SQLException {
        Map<String, Map<String, Long>> allotted = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT delivery_id, region_name, doses "
                + "FROM delivery_allotment WHERE plan_id = ? ORDER BY delivery_id, list_position")) {
            statement.setLong(1, planId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    allotted.computeIfAbsent(rows.getString(1), id -> new LinkedHashMap<>())
                            .put(rows.getString(2), rows.getLong(3));
                }
            }
        }
        List<Delivery> deliveries = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT delivery_id, brand_name, doses, "
                + "planned_arrival, expected_arrival, status, note, lead_time_days, allotment_rule FROM delivery "
                + "WHERE plan_id = ? ORDER BY list_position")) {
            statement.setLong(1, planId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String id = rows.getString(1);
                    Integer leadTime = rows.getObject(8) == null ? null : rows.getInt(8);
                    Allotment allotment = new Allotment(
                            enumValue(AllotmentRule.class, rows.getString(9), "allotment rule"),
                            allotted.getOrDefault(id, Map.of()));
                    deliveries.add(new Delivery(id, rows.getString(2), rows.getLong(3),
                            rows.getObject(4, LocalDate.class), rows.getObject(5, LocalDate.class),
                            enumValue(DeliveryStatus.class, rows.getString(6), "delivery status"),
                            rows.getString(7), leadTime, allotment));
                }
            }
        }
        return deliveries;
    }

    private static List<Transfer> readTransfers(Connection connection, long planId) throws SQLException {
        List<Transfer> transfers = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT transfer_id, brand_name, doses, "
                + "from_region, to_region, shipped_on, lead_time_days, note FROM region_transfer WHERE plan_id = ? "
                + "ORDER BY list_position")) {
            statement.setLong(1, planId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    transfers.add(new Transfer(rows.getString(1), rows.getString(2), rows.getLong(3),
                            rows.getString(4), rows.getString(5), rows.getObject(6, LocalDate.class),
                            rows.getInt(7), rows.getString(8)));
                }
            }
        }
        return transfers;
    }

    private static List<AllocationRule> readAllocationRules(Connection connection, long planId)
            throws SQLException {
        Map<String, Map<String, Set<String>>> names = new HashMap<>();
        Map<String, Map<String, Double>> shares = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT rule_id, entry_kind, entry_name, "
                + "brand_share FROM allocation_rule_entry WHERE plan_id = ? ORDER BY rule_id, entry_kind, "
                + "list_position")) {
            statement.setLong(1, planId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String rule = rows.getString(1);
                    String kind = rows.getString(2);
                    names.computeIfAbsent(rule, id -> new HashMap<>())
                            .computeIfAbsent(kind, k -> new LinkedHashSet<>()).add(rows.getString(3));
                    if (RULE_BRAND.equals(kind)) {
                        shares.computeIfAbsent(rule, id -> new LinkedHashMap<>())
                                .put(rows.getString(3), rows.getDouble(4));
                    }
                }
            }
        }
        List<AllocationRule> rules = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT rule_id, cohort_id, first_day, "
                + "last_day, note FROM allocation_rule WHERE plan_id = ? ORDER BY list_position")) {
            statement.setLong(1, planId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String id = rows.getString(1);
                    Map<String, Set<String>> entries = names.getOrDefault(id, Map.of());
                    rules.add(new AllocationRule(id, rows.getString(2), entries.getOrDefault(RULE_REGION, Set.of()),
                            rows.getObject(3, LocalDate.class), rows.getObject(4, LocalDate.class),
                            new BrandAllocation(shares.getOrDefault(id, Map.of())),
                            entries.getOrDefault(RULE_EXCEPT_SITE_GROUP, Set.of()), rows.getString(5)));
                }
            }
        }
        return rules;
    }

    private static List<SiteGroup> readSiteGroups(Connection connection, long planId) throws SQLException {
        Map<String, Set<String>> brands = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT site_group_name, brand_name "
                + "FROM site_group_brand WHERE plan_id = ? ORDER BY site_group_name, list_position")) {
            statement.setLong(1, planId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    brands.computeIfAbsent(rows.getString(1), site -> new LinkedHashSet<>()).add(rows.getString(2));
                }
            }
        }
        Map<String, Set<DayOfWeek>> closedDays = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT site_group_name, weekday FROM site_group_closed_day WHERE plan_id = ?")) {
            statement.setLong(1, planId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    closedDays.computeIfAbsent(rows.getString(1), site -> EnumSet.noneOf(DayOfWeek.class))
                            .add(enumValue(DayOfWeek.class, rows.getString(2), "closed day"));
                }
            }
        }
        List<SiteGroup> sites = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT name, region_name, site_kind, "
                + "doses_per_day FROM site_group WHERE plan_id = ? ORDER BY list_position")) {
            statement.setLong(1, planId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String name = rows.getString(1);
                    sites.add(new SiteGroup(name, rows.getString(2),
                            enumValue(SiteKind.class, rows.getString(3), "site kind"), rows.getInt(4),
                            brands.getOrDefault(name, Set.of()), closedDays.getOrDefault(name, Set.of())));
                }
            }
        }
        return sites;
    }

    private static List<CapacityChange> readCapacityChanges(Connection connection, long planId) throws SQLException {
        List<CapacityChange> changes = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT changes_at, people_per_hour, "
                + "concurrent_sessions, note FROM capacity_change WHERE plan_id = ? ORDER BY list_position")) {
            statement.setLong(1, planId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    changes.add(new CapacityChange(rows.getObject(1, LocalDateTime.class), rows.getDouble(2),
                            rows.getInt(3), rows.getString(4)));
                }
            }
        }
        return changes;
    }

    private static List<Holiday> readHolidays(Connection connection, long planId) throws SQLException {
        List<Holiday> holidays = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT holiday_date, name FROM holiday "
                + "WHERE plan_id = ? ORDER BY list_position")) {
            statement.setLong(1, planId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    holidays.add(new Holiday(rows.getObject(1, LocalDate.class), rows.getString(2)));
                }
            }
        }
        return holidays;
    }

    private static List<Region> readRegions(Connection connection, long planId) throws SQLException {
        List<Region> regions = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT name, population FROM region "
                + "WHERE plan_id = ? ORDER BY list_position")) {
            statement.setLong(1, planId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    regions.add(new Region(rows.getString(1), rows.getLong(2)));
                }
            }
        }
        return regions;
    }

    private static PopulationTable readPopulation(Connection connection, long planId) throws SQLException {
        TreeMap<Integer, Long> people = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT birth_year, people FROM "
                + "birth_year_population WHERE plan_id = ?")) {
            statement.setLong(1, planId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    people.put(rows.getInt(1), rows.getLong(2));
                }
            }
        }
        return new PopulationTable(people);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name, String what) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException | NullPointerException unknown) {
            throw new IllegalArgumentException("unknown " + what + " '" + name + "'", unknown);
        }
    }

    /** The stored rows do not make a valid plan; the message says what is wrong with them. */
    public static final class StoredPlanException extends RuntimeException {
        StoredPlanException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
