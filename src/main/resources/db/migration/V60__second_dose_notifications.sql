-- Second-dose appointments that a change of the plan (an interval policy) moved, one row per booking and move, for
-- the messaging system that tells people (GET /api/v1/notifications?since=...). Rows are only ever added; the
-- sequence orders them, so that a reader can ask for what came after the last row it sent.

CREATE TABLE second_dose_notification (
    plan_id                BIGINT           NOT NULL,
    sequence_number        BIGINT           NOT NULL,
    booking_number         BIGINT           NOT NULL,
    cohort_id              VARCHAR(200)     NOT NULL,
    group_name             VARCHAR(200),
    region_name            VARCHAR(200)     NOT NULL,
    site_group_name        VARCHAR(200)     NOT NULL,
    brand_name             VARCHAR(200)     NOT NULL,
    first_day              DATE             NOT NULL,
    second_day_told        DATE             NOT NULL,
    second_day_now         DATE             NOT NULL,
    plan_version           BIGINT           NOT NULL,
    changed_at_utc         TIMESTAMP        NOT NULL,
    CONSTRAINT pk_second_dose_notification PRIMARY KEY (plan_id, sequence_number)
);

-- The named group a person booked as (exam students, school teachers), null for people in none.
ALTER TABLE booking ADD COLUMN group_name VARCHAR(200);
