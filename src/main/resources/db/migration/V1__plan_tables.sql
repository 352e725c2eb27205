-- The plan as relational tables, one row set per plan (plan_id), plus its audit trail.
-- Portable SQL: the same migration runs on the embedded H2 model and on PostgreSQL for the booking backend.
-- List order is kept in list_position columns so that a plan reads back exactly as it was saved.
-- Text columns without a length hold free text (descriptions, notes, audit before/after).

CREATE TABLE cohort_plan (
    plan_id                BIGINT           NOT NULL,
    plan_version           BIGINT           NOT NULL,
    name                   VARCHAR(200)     NOT NULL,
    description            VARCHAR          NOT NULL,
    time_zone              VARCHAR(100)     NOT NULL,
    reserve_second_dose    BOOLEAN          NOT NULL,
    no_show_rate           DOUBLE PRECISION NOT NULL,
    people_per_hour        DOUBLE PRECISION NOT NULL,
    concurrent_sessions    INTEGER          NOT NULL,
    session_minutes        DOUBLE PRECISION NOT NULL,
    access_multiplier      DOUBLE PRECISION NOT NULL,
    waiting_room_enabled   BOOLEAN          NOT NULL,
    admitted_per_minute    INTEGER          NOT NULL,
    queue_order            VARCHAR(20)      NOT NULL,
    patience_minutes       DOUBLE PRECISION NOT NULL,
    retry_probability      DOUBLE PRECISION NOT NULL,
    retry_delay_minutes    DOUBLE PRECISION NOT NULL,
    CONSTRAINT pk_cohort_plan PRIMARY KEY (plan_id),
    CONSTRAINT ck_cohort_plan_version CHECK (plan_version >= 0)
);

CREATE TABLE brand (
    plan_id                BIGINT           NOT NULL,
    name                   VARCHAR(200)     NOT NULL,
    list_position          INTEGER          NOT NULL,
    doses_in_course        INTEGER          NOT NULL,
    interval_days          INTEGER          NOT NULL,
    interval_minimum_days  INTEGER          NOT NULL,
    interval_maximum_days  INTEGER          NOT NULL,
    minimum_age            INTEGER          NOT NULL,
    platform               VARCHAR(20)      NOT NULL,
    CONSTRAINT pk_brand PRIMARY KEY (plan_id, name),
    CONSTRAINT fk_brand_plan FOREIGN KEY (plan_id) REFERENCES cohort_plan (plan_id)
);

CREATE TABLE brand_site_kind (
    plan_id                BIGINT           NOT NULL,
    brand_name             VARCHAR(200)     NOT NULL,
    site_kind              VARCHAR(40)      NOT NULL,
    CONSTRAINT pk_brand_site_kind PRIMARY KEY (plan_id, brand_name, site_kind),
    CONSTRAINT fk_brand_site_kind_brand FOREIGN KEY (plan_id, brand_name) REFERENCES brand (plan_id, name)
);

CREATE TABLE cohort (
    plan_id                BIGINT           NOT NULL,
    cohort_id              VARCHAR(200)     NOT NULL,
    list_position          INTEGER          NOT NULL,
    name                   VARCHAR(200)     NOT NULL,
    first_birth_year       INTEGER          NOT NULL,
    last_birth_year        INTEGER          NOT NULL,
    eligible               BIGINT           NOT NULL,
    uptake                 DOUBLE PRECISION NOT NULL,
    booking_opens          TIMESTAMP        NOT NULL,
    booking_closes         TIMESTAMP        NOT NULL,
    first_vaccination_day  DATE             NOT NULL,
    last_vaccination_day   DATE             NOT NULL,
    parent_cohort_id       VARCHAR(200),
    status                 VARCHAR(20)      NOT NULL,
    CONSTRAINT pk_cohort PRIMARY KEY (plan_id, cohort_id),
    CONSTRAINT fk_cohort_plan FOREIGN KEY (plan_id) REFERENCES cohort_plan (plan_id),
    CONSTRAINT ck_cohort_eligible CHECK (eligible >= 0),
    CONSTRAINT ck_cohort_uptake CHECK (uptake >= 0 AND uptake <= 1)
);

CREATE TABLE cohort_birth_day_digit (
    plan_id                BIGINT           NOT NULL,
    cohort_id              VARCHAR(200)     NOT NULL,
    birth_day_digit        INTEGER          NOT NULL,
    CONSTRAINT pk_cohort_birth_day_digit PRIMARY KEY (plan_id, cohort_id, birth_day_digit),
    CONSTRAINT fk_cohort_birth_day_digit_cohort FOREIGN KEY (plan_id, cohort_id)
        REFERENCES cohort (plan_id, cohort_id),
    CONSTRAINT ck_cohort_birth_day_digit CHECK (birth_day_digit BETWEEN 0 AND 9)
);

CREATE TABLE cohort_brand_share (
    plan_id                BIGINT           NOT NULL,
    cohort_id              VARCHAR(200)     NOT NULL,
    brand_name             VARCHAR(200)     NOT NULL,
    list_position          INTEGER          NOT NULL,
    brand_share            DOUBLE PRECISION NOT NULL,
    CONSTRAINT pk_cohort_brand_share PRIMARY KEY (plan_id, cohort_id, brand_name),
    CONSTRAINT fk_cohort_brand_share_cohort FOREIGN KEY (plan_id, cohort_id) REFERENCES cohort (plan_id, cohort_id),
    CONSTRAINT fk_cohort_brand_share_brand FOREIGN KEY (plan_id, brand_name) REFERENCES brand (plan_id, name),
    CONSTRAINT ck_cohort_brand_share CHECK (brand_share >= 0 AND brand_share <= 1)
);

CREATE TABLE delivery (
    plan_id                BIGINT           NOT NULL,
    delivery_id            VARCHAR(200)     NOT NULL,
    list_position          INTEGER          NOT NULL,
    brand_name             VARCHAR(200)     NOT NULL,
    doses                  BIGINT           NOT NULL,
    planned_arrival        DATE             NOT NULL,
    expected_arrival       DATE             NOT NULL,
    status                 VARCHAR(20)      NOT NULL,
    note                   VARCHAR          NOT NULL,
    CONSTRAINT pk_delivery PRIMARY KEY (plan_id, delivery_id),
    CONSTRAINT fk_delivery_brand FOREIGN KEY (plan_id, brand_name) REFERENCES brand (plan_id, name),
    CONSTRAINT ck_delivery_doses CHECK (doses >= 0)
);

CREATE TABLE site_group (
    plan_id                BIGINT           NOT NULL,
    name                   VARCHAR(200)     NOT NULL,
    list_position          INTEGER          NOT NULL,
    region_name            VARCHAR(200)     NOT NULL,
    site_kind              VARCHAR(40)      NOT NULL,
    doses_per_day          INTEGER          NOT NULL,
    CONSTRAINT pk_site_group PRIMARY KEY (plan_id, name),
    CONSTRAINT fk_site_group_plan FOREIGN KEY (plan_id) REFERENCES cohort_plan (plan_id),
    CONSTRAINT ck_site_group_doses_per_day CHECK (doses_per_day >= 0)
);

CREATE TABLE site_group_brand (
    plan_id                BIGINT           NOT NULL,
    site_group_name        VARCHAR(200)     NOT NULL,
    brand_name             VARCHAR(200)     NOT NULL,
    list_position          INTEGER          NOT NULL,
    CONSTRAINT pk_site_group_brand PRIMARY KEY (plan_id, site_group_name, brand_name),
    CONSTRAINT fk_site_group_brand_site_group FOREIGN KEY (plan_id, site_group_name)
        REFERENCES site_group (plan_id, name),
    CONSTRAINT fk_site_group_brand_brand FOREIGN KEY (plan_id, brand_name) REFERENCES brand (plan_id, name)
);

CREATE TABLE site_group_closed_day (
    plan_id                BIGINT           NOT NULL,
    site_group_name        VARCHAR(200)     NOT NULL,
    weekday                VARCHAR(10)      NOT NULL,
    CONSTRAINT pk_site_group_closed_day PRIMARY KEY (plan_id, site_group_name, weekday),
    CONSTRAINT fk_site_group_closed_day_site_group FOREIGN KEY (plan_id, site_group_name)
        REFERENCES site_group (plan_id, name)
);

CREATE TABLE capacity_change (
    plan_id                BIGINT           NOT NULL,
    list_position          INTEGER          NOT NULL,
    changes_at             TIMESTAMP        NOT NULL,
    people_per_hour        DOUBLE PRECISION NOT NULL,
    concurrent_sessions    INTEGER          NOT NULL,
    note                   VARCHAR          NOT NULL,
    CONSTRAINT pk_capacity_change PRIMARY KEY (plan_id, list_position),
    CONSTRAINT fk_capacity_change_plan FOREIGN KEY (plan_id) REFERENCES cohort_plan (plan_id)
);

CREATE TABLE holiday (
    plan_id                BIGINT           NOT NULL,
    list_position          INTEGER          NOT NULL,
    holiday_date           DATE             NOT NULL,
    name                   VARCHAR(200)     NOT NULL,
    CONSTRAINT pk_holiday PRIMARY KEY (plan_id, list_position),
    CONSTRAINT fk_holiday_plan FOREIGN KEY (plan_id) REFERENCES cohort_plan (plan_id)
);

CREATE TABLE region (
    plan_id                BIGINT           NOT NULL,
    name                   VARCHAR(200)     NOT NULL,
    list_position          INTEGER          NOT NULL,
    population             BIGINT           NOT NULL,
    CONSTRAINT pk_region PRIMARY KEY (plan_id, name),
    CONSTRAINT fk_region_plan FOREIGN KEY (plan_id) REFERENCES cohort_plan (plan_id),
    CONSTRAINT ck_region_population CHECK (population >= 0)
);

CREATE TABLE birth_year_population (
    plan_id                BIGINT           NOT NULL,
    birth_year             INTEGER          NOT NULL,
    people                 BIGINT           NOT NULL,
    CONSTRAINT pk_birth_year_population PRIMARY KEY (plan_id, birth_year),
    CONSTRAINT fk_birth_year_population_plan FOREIGN KEY (plan_id) REFERENCES cohort_plan (plan_id),
    CONSTRAINT ck_birth_year_population_people CHECK (people >= 0)
);

-- Kept when a plan is rewritten or replaced: the trail outlives every version of the plan.
CREATE TABLE audit_entry (
    plan_id                BIGINT           NOT NULL,
    entry_number           BIGINT           NOT NULL,
    recorded_at_utc        TIMESTAMP        NOT NULL,
    user_name              VARCHAR(200)     NOT NULL,
    action                 VARCHAR(1000)    NOT NULL,
    before_text            VARCHAR          NOT NULL,
    after_text             VARCHAR          NOT NULL,
    reason                 VARCHAR          NOT NULL,
    plan_version           BIGINT           NOT NULL,
    CONSTRAINT pk_audit_entry PRIMARY KEY (plan_id, entry_number)
);
