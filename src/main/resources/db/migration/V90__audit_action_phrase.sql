-- An audit entry keeps its action as a phrase beside its text: the code of the phrase (planning/phrases.properties)
-- and its arguments as a JSON array, so that the console shows it in the language it runs in. Both are empty for
-- entries saved as text only (those saved before this version, by the command line and by the booking backend),
-- which show their text as it was written.
ALTER TABLE audit_entry ADD COLUMN action_code VARCHAR(200);
ALTER TABLE audit_entry ADD COLUMN action_args ${documentType};
