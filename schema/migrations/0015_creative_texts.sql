-- Several headlines and descriptions per creative: Google's responsive search ads take 3–15 headlines and 2–4
-- descriptions. `headline` and `description` stay the first of each (and a headline's " | " parts still count as
-- headlines, for creatives written before); the others follow in these columns.
ALTER TABLE ad_creatives
    ADD COLUMN more_headlines text[] NOT NULL DEFAULT '{}',
    ADD COLUMN more_descriptions text[] NOT NULL DEFAULT '{}';
ALTER TABLE ad_creatives
    ADD CONSTRAINT ad_creatives_more_headlines_length CHECK (text_array_within(more_headlines, 14, 255)),
    ADD CONSTRAINT ad_creatives_more_descriptions_length CHECK (text_array_within(more_descriptions, 4, 1000));
