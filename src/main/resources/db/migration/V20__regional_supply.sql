-- Regional supply: lead times from arrival to use at sites, the allotment of each delivery to the regions,
-- transfers of doses between regions, and brand allocation rules by region and period (plan formatVersion 2).
-- Plans stored before this migration read as: lead time 0, allotment in proportion to appointments, no rules.

ALTER TABLE brand ADD COLUMN lead_time_days INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE brand ADD CONSTRAINT ck_brand_lead_time CHECK (lead_time_days >= 0);

ALTER TABLE delivery ADD COLUMN lead_time_days INTEGER;
ALTER TABLE delivery ADD COLUMN allotment_rule VARCHAR(20) DEFAULT 'APPOINTMENTS' NOT NULL;
ALTER TABLE delivery ADD CONSTRAINT ck_delivery_lead_time CHECK (lead_time_days IS NULL OR lead_time_days >= 0);

CREATE TABLE delivery_allotment (
    plan_id                BIGINT           NOT NULL,
    delivery_id            VARCHAR(200)     NOT NULL,
    region_name            VARCHAR(200)     NOT NULL,
    list_position          INTEGER          NOT NULL,
    doses                  BIGINT           NOT NULL,
    CONSTRAINT pk_delivery_allotment PRIMARY KEY (plan_id, delivery_id, region_name),
    CONSTRAINT fk_delivery_allotment_delivery FOREIGN KEY (plan_id, delivery_id)
        REFERENCES delivery (plan_id, delivery_id),
    CONSTRAINT ck_delivery_allotment_doses CHECK (doses >= 0)
);

CREATE TABLE region_transfer (
    plan_id                BIGINT           NOT NULL,
    transfer_id            VARCHAR(200)     NOT NULL,
    list_position          INTEGER          NOT NULL,
    brand_name             VARCHAR(200)     NOT NULL,
    doses                  BIGINT           NOT NULL,
    from_region            VARCHAR(200)     NOT NULL,
    to_region              VARCHAR(200)     NOT NULL,
    shipped_on             DATE             NOT NULL,
    lead_time_days         INTEGER          NOT NULL,
    note                   VARCHAR          NOT NULL,
    CONSTRAINT pk_region_transfer PRIMARY KEY (plan_id, transfer_id),
    CONSTRAINT fk_region_transfer_brand FOREIGN KEY (plan_id, brand_name) REFERENCES brand (plan_id, name),
    CONSTRAINT ck_region_transfer_doses CHECK (doses >= 0),
    CONSTRAINT ck_region_transfer_lead_time CHECK (lead_time_days >= 0)
);

CREATE TABLE allocation_rule (
    plan_id                BIGINT           NOT NULL,
    rule_id                VARCHAR(200)     NOT NULL,
    list_position          INTEGER          NOT NULL,
    cohort_id              VARCHAR(200)     NOT NULL,
    first_day              DATE             NOT NULL,
    last_day               DATE             NOT NULL,
    note                   VARCHAR          NOT NULL,
    CONSTRAINT pk_allocation_rule PRIMARY KEY (plan_id, rule_id),
    CONSTRAINT fk_allocation_rule_plan FOREIGN KEY (plan_id) REFERENCES cohort_plan (plan_id)
);

-- One row per region, brand share or excepted site group of a rule; kind says which.
CREATE TABLE allocation_rule_entry (
    plan_id                BIGINT           NOT NULL,
    rule_id                VARCHAR(200)     NOT NULL,
    entry_kind             VARCHAR(20)      NOT NULL,
    list_position          INTEGER          NOT NULL,
    entry_name             VARCHAR(200)     NOT NULL,
    brand_share            DOUBLE PRECISION,
    CONSTRAINT pk_allocation_rule_entry PRIMARY KEY (plan_id, rule_id, entry_kind, list_position),
    CONSTRAINT fk_allocation_rule_entry_rule FOREIGN KEY (plan_id, rule_id)
        REFERENCES allocation_rule (plan_id, rule_id),
    CONSTRAINT ck_allocation_rule_entry_kind CHECK (entry_kind IN ('REGION', 'BRAND', 'EXCEPT_SITE_GROUP'))
);
