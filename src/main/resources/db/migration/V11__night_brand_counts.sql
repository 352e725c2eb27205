-- Standing bookings per window and brand, kept in the same transaction as every booking and cancellation, so that
-- choosing the brand furthest behind its share reads one row per brand instead of counting the window's bookings
-- (which made every booking slower than the one before). Portable SQL for H2 2.x and PostgreSQL.
CREATE TABLE night_cohort_brand (
    plan_id                BIGINT           NOT NULL,
    cohort_id              VARCHAR(200)     NOT NULL,
    brand_name             VARCHAR(200)     NOT NULL,
    booked                 BIGINT           NOT NULL,
    CONSTRAINT pk_night_cohort_brand PRIMARY KEY (plan_id, cohort_id, brand_name)
);
INSERT INTO night_cohort_brand (plan_id, cohort_id, brand_name, booked)
    SELECT plan_id, cohort_id, brand_name, COUNT(*) FROM booking WHERE cancelled_at_utc IS NULL
    GROUP BY plan_id, cohort_id, brand_name;
