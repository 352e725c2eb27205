-- A person waiting in the queue keeps the named group they asked to book as (exam students, school teachers), so
-- that their second dose is set by that group's interval when they are let in.
ALTER TABLE night_ticket ADD COLUMN group_name VARCHAR(200);

-- A second dose a plan change would move to a day where its site group has no room is not moved: the person keeps
-- the day they were told, and the row says why, so that planners and the messaging system see who was not moved.
ALTER TABLE second_dose_notification ADD COLUMN not_moved_reason VARCHAR(400);
