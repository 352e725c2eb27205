-- Saved scenarios of a plan: named copies of the plan document (the text of its plan file), compared side by side
-- and made the working plan again. Their saves are recorded in audit_entry like any change of the plan.
CREATE TABLE scenario (
    plan_id BIGINT NOT NULL,
    scenario_id BIGINT NOT NULL,
    name VARCHAR(200) NOT NULL,
    saved_at_utc TIMESTAMP NOT NULL,
    saved_by VARCHAR(200) NOT NULL,
    based_on_version BIGINT NOT NULL,
    document ${documentType} NOT NULL,
    PRIMARY KEY (plan_id, scenario_id),
    CONSTRAINT scenario_name_unique UNIQUE (plan_id, name)
);
