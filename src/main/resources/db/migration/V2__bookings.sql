-- Appointments booked through the reference booking backend: one row per person booked, never rewritten.
-- No foreign keys to the plan's rows: those are rewritten on every save, while a booking outlives every version
-- of the plan it was made under.

CREATE TABLE booking (
    plan_id                BIGINT           NOT NULL,
    booking_number         BIGINT           NOT NULL,
    booked_at_utc          TIMESTAMP        NOT NULL,
    cohort_id              VARCHAR(200)     NOT NULL,
    birth_date             DATE             NOT NULL,
    region_name            VARCHAR(200)     NOT NULL,
    site_group_name        VARCHAR(200)     NOT NULL,
    appointment_day        DATE             NOT NULL,
    brand_name             VARCHAR(200)     NOT NULL,
    doses_reserved         INTEGER          NOT NULL,
    CONSTRAINT pk_booking PRIMARY KEY (plan_id, booking_number),
    CONSTRAINT ck_booking_doses_reserved CHECK (doses_reserved BETWEEN 1 AND 2)
);
