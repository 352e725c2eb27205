-- How the booking system breaks beyond its capacity (plan format 2, bookingSystem.overload).
-- overload_concurrent_requests 0 = no overload behaviour, the value every plan stored before had.
ALTER TABLE cohort_plan ADD COLUMN overload_concurrent_requests BIGINT NOT NULL DEFAULT 0;
ALTER TABLE cohort_plan ADD COLUMN overload_timeout_seconds DOUBLE PRECISION NOT NULL DEFAULT 0;
ALTER TABLE cohort_plan ADD COLUMN overload_restart_minutes DOUBLE PRECISION NOT NULL DEFAULT 0;
