-- A campaign's first and last day. Both platforms refuse a lifetime budget without an end: Google's total
-- budgets need the campaign's end_date_time (CampaignError.END_DATE_TIME_REQUIRED_FOR_TOTAL_BUDGET since v23),
-- Meta's lifetime budgets an ad set end_time.
ALTER TABLE campaigns
    ADD COLUMN start_date date,
    ADD COLUMN end_date date,
    ADD CONSTRAINT campaigns_dates_check CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date);
