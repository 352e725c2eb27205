package org.cohortplanner.backend;

import org.cohortplanner.domain.Plan;
import org.cohortplanner.store.json.PlanFiles;

/** A small night: the 53–54 window of 19 July 2021 with a waiting room of 2 a minute and 5 Pfizer doses. */
final class BookingPlans {
    static final String SMALL_NIGHT = """
            {
              "formatVersion": 1,
              "name": "Small night",
              "zone": "Asia/Seoul",
              "settings": {"reserveSecondDose": false, "noShowRate": 0},
              "population": {"1967": 760000, "1968": 761000},
              "regions": [{"name": "Seoul", "population": 9590000}, {"name": "Jeju", "population": 675000}],
              "brands": [
                {"name": "Pfizer", "dosesInCourse": 2,
                 "interval": {"days": 21, "minimumDays": 21, "maximumDays": 42},
                 "minimumAge": 12, "platform": "MRNA", "siteKinds": ["VACCINATION_CENTRE"]}
              ],
              "deliveries": [
                {"id": "PFZ-W31", "brand": "Pfizer", "doses": 5, "plannedArrival": "2021-08-02"}
              ],
              "sites": [
                {"name": "Seoul centre", "region": "Seoul", "kind": "VACCINATION_CENTRE", "dosesPerDay": 3,
                 "brands": ["Pfizer"], "closedDays": ["SUNDAY"]}
              ],
              "bookingSystem": {
                "peoplePerHour": 300000, "concurrentSessions": 25000, "sessionMinutes": 5,
                "waitingRoom": {"enabled": true, "admittedPerMinute": 2, "patienceMinutes": 60,
                                "retryProbability": 0.7, "retryDelayMinutes": 30}
              },
              "cohorts": [
                {"id": "c53-54", "name": "53–54", "birthYears": {"first": 1967, "last": 1968},
                 "eligible": 1520000, "uptake": 0.82,
                 "window": {"opens": "2021-07-19T20:00", "closes": "2021-07-20T18:00"},
                 "vaccinationPeriod": {"firstDay": "2021-08-16", "lastDay": "2021-08-25"},
                 "brands": {"Pfizer": 1.0}}
              ]
            }
            """;

    /**
     * A busier night for the concurrency and fault tests: 300 first doses of Pfizer, two Seoul site groups with room
     * for 700 first and 700 second doses, a waiting room of 120 a minute; the window opens {@code opens} (Seoul).
     */
    static String busyNight(String opens, String closes, String firstDay, String lastDay) {
        return SMALL_NIGHT.replace("\"doses\": 5", "\"doses\": 300")
                .replace("\"admittedPerMinute\": 2", "\"admittedPerMinute\": 120")
                .replace("\"dosesPerDay\": 3,", "\"dosesPerDay\": 40,")
                .replace("\"closedDays\": [\"SUNDAY\"]}", "\"closedDays\": []},\n    {\"name\": \"Seoul east\", "
                        + "\"region\": \"Seoul\", \"kind\": \"VACCINATION_CENTRE\", \"dosesPerDay\": 30, "
                        + "\"brands\": [\"Pfizer\"], \"closedDays\": []}")
                .replace("2021-07-19T20:00", opens).replace("2021-07-20T18:00", closes)
                .replace("2021-08-16", firstDay).replace("2021-08-25", lastDay)
                .replace("\"plannedArrival\": \"2021-08-02\"", "\"plannedArrival\": \"" + firstDay + "\"");
    }

    static Plan busyNight() {
        return PlanFiles.fromJson(busyNight("2021-07-19T20:00", "2021-07-20T18:00", "2021-08-16", "2021-08-25"),
                "busy night");
    }

    private BookingPlans() {
    }

    static Plan smallNight() {
        return PlanFiles.fromJson(SMALL_NIGHT, "small night");
    }
}
