package org.cohortplanner.domain;

import java.time.LocalDate;

public record Holiday(LocalDate date, String name) {
    public Holiday {
        Require.present(date, "holiday date");
        name = name == null ? "" : name.strip();
    }
}
