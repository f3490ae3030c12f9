-- Demo data for "Tasty Chips Co.": saved audiences and a realistic set of campaigns, all drafts, on the ad
-- accounts that connecting the simulated platforms synced (scripts/demo-setup.py connects them first, then
-- loads this file once with psql -v org=<organization id>, then launches, pauses and completes some of the
-- campaigns through the API so that the platforms really hold them).
\set ON_ERROR_STOP on
BEGIN;

CREATE TEMP TABLE demo_ids AS SELECT
    :'org'::uuid AS org,
    (SELECT a.id FROM ad_accounts a JOIN integrations i ON i.organization_id = a.organization_id AND i.id = a.integration_id
     WHERE a.organization_id = :'org'::uuid AND i.provider = 'google_ads' AND i.connected AND a.removed_at IS NULL AND a.currency = 'USD'
     ORDER BY a.external_account_id LIMIT 1) AS google_account,
    (SELECT a.id FROM ad_accounts a JOIN integrations i ON i.organization_id = a.organization_id AND i.id = a.integration_id
     WHERE a.organization_id = :'org'::uuid AND i.provider = 'meta_ads' AND i.connected AND a.removed_at IS NULL AND a.currency = 'USD'
     ORDER BY a.external_account_id LIMIT 1) AS meta_account,
    (SELECT a.id FROM ad_accounts a JOIN integrations i ON i.organization_id = a.organization_id AND i.id = a.integration_id
     WHERE a.organization_id = :'org'::uuid AND i.provider = 'meta_ads' AND i.connected AND a.removed_at IS NULL AND a.currency = 'EUR'
     ORDER BY a.external_account_id LIMIT 1) AS meta_eu_account,
    gen_random_uuid() AS snackers, gen_random_uuid() AS foodies, gen_random_uuid() AS parents;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM demo_ids WHERE google_account IS NULL OR meta_account IS NULL) THEN
        RAISE EXCEPTION 'connect both platforms first: the demo campaigns need a USD ad account on each';
    END IF;
END
$$;

-- Locations and interests as the platforms' targeting search returns them (targetingSearch), with the ids
-- each platform takes: Google geo target constants (2840 United States, 2124 Canada, 21137 California, 21170
-- Oregon, 21180 Washington) and Meta's country codes, region keys and interest ids (the simulator's table).
INSERT INTO audiences (id, organization_id, name, rules, created_at)
SELECT snackers, org, 'Young snackers',
       '{"locations": ["United States", "Canada"], "age_min": 18, "age_max": 34, "interests": ["Snack foods", "Spicy food"],
         "location_targets": [
           {"kind": "COUNTRY", "name": "United States", "country_code": "US", "google_id": "2840", "meta_id": "US"},
           {"kind": "COUNTRY", "name": "Canada", "country_code": "CA", "google_id": "2124", "meta_id": "CA"}],
         "interest_targets": [
           {"kind": "INTEREST", "name": "Snack foods", "meta_id": "6003346592981", "detail": "Interests › Food and drink › Food › Snack foods"},
           {"kind": "INTEREST", "name": "Spicy food", "meta_id": "6003384248805", "detail": "Interests › Food and drink › Cuisine › Spicy food"}]}'::jsonb,
       now() - interval '30 days' FROM demo_ids
UNION ALL
SELECT foodies, org, 'Foodies on the West Coast',
       '{"locations": ["California", "Oregon", "Washington"], "age_min": 25, "age_max": 54, "interests": ["Cooking"],
         "location_targets": [
           {"kind": "REGION", "name": "California", "country_code": "US", "google_id": "21137", "meta_id": "3847", "detail": "United States"},
           {"kind": "REGION", "name": "Oregon", "country_code": "US", "google_id": "21170", "meta_id": "3867", "detail": "United States"},
           {"kind": "REGION", "name": "Washington", "country_code": "US", "google_id": "21180", "meta_id": "3890", "detail": "United States"}],
         "interest_targets": [
           {"kind": "INTEREST", "name": "Cooking", "meta_id": "6003385609165", "detail": "Interests › Food and drink › Cooking"}]}'::jsonb,
       now() - interval '29 days' FROM demo_ids
UNION ALL
SELECT parents, org, 'Parents packing lunches',
       '{"locations": ["United States"], "age_min": 30, "age_max": 50, "interests": ["Snack foods"],
         "location_targets": [
           {"kind": "COUNTRY", "name": "United States", "country_code": "US", "google_id": "2840", "meta_id": "US"}],
         "interest_targets": [
           {"kind": "INTEREST", "name": "Snack foods", "meta_id": "6003346592981", "detail": "Interests › Food and drink › Food › Snack foods"}]}'::jsonb,
       now() - interval '28 days' FROM demo_ids;

CREATE TEMP TABLE demo_campaigns (
    id uuid DEFAULT gen_random_uuid(), name text, platform text, objective text,
    budget_type text, amount numeric, age interval, audience text, headline text,
    description text, media text, cta text, landing text);
INSERT INTO demo_campaigns (name, platform, objective, budget_type, amount, age, audience, headline, description, media, cta, landing) VALUES
    ('Spicy Jalapeño Chips – Launch', 'meta_ads', 'sales', 'daily', 50.00, '21 days', 'snackers',
     'New Spicy Jalapeño Chips | 20% Off', 'Made with organic potatoes and real jalapeños. Crunch into the heat today!',
     'https://cdn.tastychips.co/ads/chips_bag_spicy.jpg', 'shop_now', 'https://www.tastychips.co/spicy'),
    ('Spicy Jalapeño Chips – Search', 'google_ads', 'sales', 'daily', 40.00, '20 days', 'snackers',
     'New Spicy Jalapeño Chips | 20% Off', 'Made with organic potatoes and real jalapeños. Crunch into the heat today!',
     NULL, 'shop_now', 'https://www.tastychips.co/spicy'),
    ('Sea Salt Classics – Always On', 'google_ads', 'traffic', 'daily', 25.00, '60 days', 'foodies',
     'Sea Salt Kettle Chips | Since 1998', 'Hand-cooked in small batches with a pinch of Pacific sea salt.',
     NULL, 'learn_more', 'https://www.tastychips.co/classics'),
    ('Lunchbox Minis – Back to School', 'meta_ads', 'leads', 'lifetime', 1500.00, '90 days', 'parents',
     'Lunchbox Minis for every day', 'Portion-sized bags with 30% less salt. Get a free sample pack for your family.',
     'https://cdn.tastychips.co/ads/lunchbox_minis.jpg', 'sign_up', 'https://www.tastychips.co/minis'),
    ('Sour Cream & Onion – Always On', 'meta_ads', 'traffic', 'daily', 35.00, '45 days', 'snackers',
     'Sour Cream & Onion | Fresh Batch', 'Cool sour cream, sharp chives, a crunch you can hear. Find a pack near you.',
     'https://cdn.tastychips.co/ads/sour_cream_onion.jpg', 'learn_more', 'https://www.tastychips.co/sour-cream'),
    ('BBQ Crunch – Summer Grilling', 'meta_ads', 'traffic', 'daily', 30.00, '2 days', 'foodies',
     'Smoky BBQ Crunch is back', 'Slow-smoked paprika and brown sugar. The grill-side snack of the summer.',
     'https://cdn.tastychips.co/ads/bbq_crunch.jpg', 'learn_more', 'https://www.tastychips.co/bbq'),
    ('Holiday Gift Tins', 'google_ads', 'sales', 'lifetime', 2000.00, '1 day', 'parents',
     'Holiday Chip Tins | Free Shipping', 'Four flavours in a keepsake tin. Order by Dec 15 for delivery.',
     NULL, 'shop_now', 'https://www.tastychips.co/gifts');

INSERT INTO campaigns (id, organization_id, ad_account_id, name, platform, objective, created_at)
SELECT c.id, d.org, CASE c.platform WHEN 'google_ads' THEN d.google_account ELSE d.meta_account END,
       c.name, c.platform, c.objective, now() - c.age
FROM demo_campaigns c, demo_ids d;

INSERT INTO campaign_budgets (campaign_id, organization_id, type, amount, currency)
SELECT c.id, d.org, c.budget_type, c.amount, 'USD' FROM demo_campaigns c, demo_ids d;

-- Meta Sales campaigns optimize for the ad account's pixel (the simulator's, as `make run` connects to it).
UPDATE campaigns SET meta_pixel_id = '556677889900112'
FROM demo_campaigns c WHERE campaigns.id = c.id AND c.platform = 'meta_ads' AND c.objective = 'sales';

-- Lifetime budgets need an end on both platforms: those campaigns run from today for six weeks.
UPDATE campaigns SET start_date = current_date, end_date = current_date + 42
FROM demo_campaigns c WHERE campaigns.id = c.id AND c.budget_type = 'lifetime';

CREATE TEMP TABLE demo_units AS
SELECT gen_random_uuid() AS id, c.id AS campaign_id, c.name, c.platform, c.amount, c.age,
       c.headline, c.description, c.media, c.cta, c.landing,
       CASE c.audience WHEN 'snackers' THEN d.snackers WHEN 'foodies' THEN d.foodies ELSE d.parents END AS audience_id,
       d.org
FROM demo_campaigns c, demo_ids d;

INSERT INTO campaign_units (id, organization_id, campaign_id, audience_id, name, budget_allocation, created_at)
SELECT u.id, u.org, u.campaign_id, u.audience_id,
       CASE u.platform WHEN 'google_ads' THEN 'Ad group – ' ELSE 'Ad set – ' END || split_part(u.name, ' – ', 1),
       u.amount, now() - u.age
FROM demo_units u;

-- Google Search ad groups serve on their keywords (KeywordInfo: at most 80 characters and 10 words each).
UPDATE campaign_units cu SET keywords = k.keywords::jsonb
FROM demo_units u, (VALUES
    ('Spicy Jalapeño Chips – Search', '[{"text": "spicy chips", "match_type": "PHRASE"}, {"text": "jalapeño chips", "match_type": "EXACT"}, {"text": "hot potato chips", "match_type": "BROAD"}]'),
    ('Sea Salt Classics – Always On', '[{"text": "sea salt chips", "match_type": "PHRASE"}, {"text": "kettle chips", "match_type": "EXACT"}, {"text": "hand cooked chips", "match_type": "BROAD"}]'),
    ('Holiday Gift Tins', '[{"text": "chip gift tin", "match_type": "PHRASE"}, {"text": "snack gift box", "match_type": "BROAD"}, {"text": "holiday snack gifts", "match_type": "PHRASE"}]')
) AS k(campaign, keywords)
WHERE cu.id = u.id AND u.name = k.campaign;

INSERT INTO ad_creatives (organization_id, campaign_unit_id, headline, description, media_url, call_to_action, landing_url, created_at)
SELECT u.org, u.id, u.headline, u.description, u.media, u.cta, u.landing,
       now() - u.age
FROM demo_units u;

-- Google's responsive search ads take 3 to 15 headlines and 2 to 4 descriptions: the demo's Search creatives have
-- the two headline parts above plus more, and a second description.
UPDATE ad_creatives a SET more_headlines = t.headlines::text[], more_descriptions = t.descriptions::text[]
FROM demo_units u, (VALUES
    ('Spicy Jalapeño Chips – Search', '{"Kettle Cooked Heat","Organic Potatoes"}', '{"Free shipping on your first box."}'),
    ('Sea Salt Classics – Always On', '{"Hand-Cooked Crunch","Small Batch Chips"}', '{"Pacific sea salt, nothing else added."}'),
    ('Holiday Gift Tins', '{"Four Flavours, One Tin","Order by Dec 15"}', '{"A keepsake gift for every snacker."}')
) AS t(campaign, headlines, descriptions)
WHERE a.campaign_unit_id = u.id AND u.name = t.campaign;

-- The EU draft: Meta wants every ad set that reaches the EU to name who benefits from it and who pays for it
-- (dsa_beneficiary, dsa_payor), which the EU account holds; it stays a draft, to launch by hand.
UPDATE ad_accounts SET dsa_beneficiary = 'Tasty Chips Co.', dsa_payor = 'Tasty Chips Co. GmbH'
FROM demo_ids d WHERE ad_accounts.id = d.meta_eu_account;

CREATE TEMP TABLE demo_eu AS SELECT gen_random_uuid() AS audience, gen_random_uuid() AS campaign, gen_random_uuid() AS unit,
    org, meta_eu_account AS account FROM demo_ids WHERE meta_eu_account IS NOT NULL;
INSERT INTO audiences (id, organization_id, name, rules, created_at)
SELECT audience, org, 'Snackers in Germany and France',
       '{"locations": ["Germany", "France"], "age_min": 18, "age_max": 44, "interests": ["Snack foods"],
         "location_targets": [
           {"kind": "COUNTRY", "name": "Germany", "country_code": "DE", "google_id": "2276", "meta_id": "DE"},
           {"kind": "COUNTRY", "name": "France", "country_code": "FR", "google_id": "2250", "meta_id": "FR"}],
         "interest_targets": [
           {"kind": "INTEREST", "name": "Snack foods", "meta_id": "6003346592981", "detail": "Interests › Food and drink › Food › Snack foods"}]}'::jsonb,
       now() - interval '10 days' FROM demo_eu;
INSERT INTO campaigns (id, organization_id, ad_account_id, name, platform, objective, created_at)
SELECT campaign, org, account, 'Paprika Chips – Germany & France', 'meta_ads', 'traffic', now() - interval '3 days' FROM demo_eu;
INSERT INTO campaign_budgets (campaign_id, organization_id, type, amount, currency)
SELECT campaign, org, 'daily', 30.00, 'EUR' FROM demo_eu;
INSERT INTO campaign_units (id, organization_id, campaign_id, audience_id, name, budget_allocation, created_at)
SELECT unit, org, campaign, audience, 'Ad set – Paprika Chips', 30.00, now() - interval '3 days' FROM demo_eu;
INSERT INTO ad_creatives (organization_id, campaign_unit_id, headline, description, media_url, call_to_action, landing_url, created_at)
SELECT org, unit, 'Smoky Paprika Chips | Now in Europe', 'Sweet smoked paprika from La Vera, cooked in small batches.',
       'https://cdn.tastychips.co/ads/paprika.jpg', 'learn_more', 'https://www.tastychips.co/eu/paprika', now() - interval '3 days'
FROM demo_eu;

-- Automated rules, evaluated after each metrics sync. The CPA guard pauses "Sea Salt Classics" once its cost per
-- conversion over 3 days passes 3.00 after 100 clicks, which the simulator's figures (35 cents to 1.24 a click, at
-- most 11 conversions per 100 clicks) always reach: its first sync after launch pauses it on Google, and its
-- execution log and the Performance view say why. The others alert on overspending and report, as a dry run,
-- which campaigns a low click-through rate would pause.
INSERT INTO automation_rules (organization_id, name, kind, campaign_id, metric, comparison, threshold, window_days, minimum_clicks, action, dry_run)
SELECT d.org, r.name, 'metric', c.id, r.metric, r.comparison, r.threshold, r.window_days, r.minimum_clicks, r.action, r.dry_run
FROM demo_ids d
CROSS JOIN (VALUES
    ('Sea Salt CPA guard', 'Sea Salt Classics – Always On', 'cost_per_conversion', 'greater_than', 3.00, 3, 100, 'pause', false),
    ('Overspending alert', NULL, 'pacing', 'greater_than', 1.2, 1, 0, 'alert', false),
    ('Low click-through rate (dry run)', NULL, 'ctr', 'less_than', 0.015, 7, 200, 'pause', true)
) AS r(name, campaign, metric, comparison, threshold, window_days, minimum_clicks, action, dry_run)
LEFT JOIN campaigns c ON c.organization_id = d.org AND c.name = r.campaign;

COMMIT;
