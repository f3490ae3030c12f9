-- Targeting picked from the platforms' own search, and keywords for Google Search units.
--
-- Audiences: rules may carry "location_targets" and "interest_targets", arrays of entries
-- {"kind": "COUNTRY"|"REGION"|"CITY"|"INTEREST", "name": text, "country_code"?: text, "google_id"?: text,
-- "meta_id"?: text}, the ids each platform knows the entry by. "locations" and "interests" stay the names
-- (so every audience saved before keeps its meaning): the application reads plain strings that are country
-- codes as countries on both platforms, and anything else as a name still waiting for its ids. Nothing is
-- rewritten here: an id can only come from a platform's search, which a migration cannot call.
CREATE OR REPLACE FUNCTION targeting_entries_are_valid(entries jsonb, location boolean) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(jsonb_typeof(entries) = 'array'
        AND jsonb_array_length(entries) <= 100
        AND NOT jsonb_path_exists(entries, '$[*] ? (@.type() != "object")')
        AND NOT jsonb_path_exists(entries, '$[*] ? (!exists(@.name) || @.name.type() != "string")')
        AND NOT jsonb_path_exists(entries, '$[*].google_id ? (@.type() != "string" || !(@ like_regex "^[0-9]{1,64}$"))')
        AND NOT jsonb_path_exists(entries, '$[*].meta_id ? (@.type() != "string" || !(@ like_regex "^([0-9]{1,64}|[A-Z]{2})$"))')
        AND (CASE WHEN location
                  THEN NOT jsonb_path_exists(entries, '$[*] ? (!exists(@.kind) || @.kind != "COUNTRY" && @.kind != "REGION" && @.kind != "CITY")')
                  ELSE NOT jsonb_path_exists(entries, '$[*] ? (!exists(@.kind) || @.kind != "INTEREST")') END), false)
$$;

CREATE OR REPLACE FUNCTION audience_rules_are_valid(rules jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    -- A CHECK passes on NULL, and a missing key makes most of these NULL: coalesce to false.
    SELECT coalesce(jsonb_typeof(rules) = 'object'
        AND jsonb_typeof(rules -> 'locations') = 'array'
        AND jsonb_array_length(rules -> 'locations') > 0
        AND NOT jsonb_path_exists(rules, '$.locations[*] ? (@.type() != "string")')
        AND (NOT rules ? 'interests' OR (jsonb_typeof(rules -> 'interests') = 'array'
             AND NOT jsonb_path_exists(rules, '$.interests[*] ? (@.type() != "string")')))
        AND (NOT rules ? 'age_min' OR jsonb_path_exists(rules, '$.age_min ? (@.type() == "number" && @ == @.floor() && @ >= 13 && @ <= 65)'))
        AND (NOT rules ? 'age_max' OR jsonb_path_exists(rules, '$.age_max ? (@.type() == "number" && @ == @.floor() && @ >= 13 && @ <= 65)'))
        AND (NOT (rules ? 'age_min' AND rules ? 'age_max') OR (rules ->> 'age_min')::numeric <= (rules ->> 'age_max')::numeric)
        AND (NOT rules ? 'location_targets' OR targeting_entries_are_valid(rules -> 'location_targets', true))
        AND (NOT rules ? 'interest_targets' OR targeting_entries_are_valid(rules -> 'interest_targets', false)), false)
$$;

-- Keywords of a Google Search unit: [{"text": 1..80 characters, "match_type": "EXACT"|"PHRASE"|"BROAD"}],
-- at most 100 (Google's KeywordInfo: at most 80 characters and 10 words; the words are checked by the
-- application, which also refuses them before launch).
CREATE OR REPLACE FUNCTION unit_keywords_are_valid(keywords jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(jsonb_typeof(keywords) = 'array'
        AND jsonb_array_length(keywords) <= 100
        AND NOT jsonb_path_exists(keywords, '$[*] ? (@.type() != "object")')
        AND NOT jsonb_path_exists(keywords, '$[*] ? (!exists(@.text) || @.text.type() != "string" || !(@.text like_regex "^.{1,80}$"))')
        AND NOT jsonb_path_exists(keywords, '$[*] ? (!exists(@.match_type) || @.match_type != "EXACT" && @.match_type != "PHRASE" && @.match_type != "BROAD")'), false)
$$;

ALTER TABLE campaign_units ADD COLUMN keywords jsonb NOT NULL DEFAULT '[]'
    CONSTRAINT campaign_units_keywords_check CHECK (unit_keywords_are_valid(keywords));
