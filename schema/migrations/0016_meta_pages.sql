-- The Facebook Page a Meta ad account's ads run as (`object_story_spec.page_id`): chosen among the Pages the
-- connection can advertise for, or set by the account sync when there is exactly one.
ALTER TABLE ad_accounts
    ADD COLUMN page_id text CONSTRAINT ad_accounts_page_id_check CHECK (page_id ~ '^[0-9]{1,64}$'),
    ADD COLUMN page_name text CONSTRAINT ad_accounts_page_name_length CHECK (char_length(page_name) <= 255),
    ADD CONSTRAINT ad_accounts_page_named_check CHECK ((page_id IS NULL) = (page_name IS NULL));
