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
    gen_random_uuid() AS snackers, gen_random_uuid() AS foodies, gen_random_uuid() AS parents;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM demo_ids WHERE google_account IS NULL OR meta_account IS NULL) THEN
        RAISE EXCEPTION 'connect both platforms first: the demo campaigns need a USD ad account on each';
    END IF;
END
$$;

INSERT INTO audiences (id, organization_id, name, rules, created_at)
SELECT snackers, org, 'Young snackers',
       '{"locations": ["US", "CA"], "age_min": 18, "age_max": 34, "interests": ["snacks", "gaming", "spicy food"]}'::jsonb, now() - interval '30 days' FROM demo_ids
UNION ALL
SELECT foodies, org, 'Foodies on the West Coast',
       '{"locations": ["US-CA", "US-OR", "US-WA"], "age_min": 25, "age_max": 54, "interests": ["cooking", "organic food"]}'::jsonb, now() - interval '29 days' FROM demo_ids
UNION ALL
SELECT parents, org, 'Parents packing lunches',
       '{"locations": ["US"], "age_min": 30, "age_max": 50, "interests": ["parenting", "healthy snacks"]}'::jsonb, now() - interval '28 days' FROM demo_ids;

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
     NULL, 'get_offer', 'https://www.tastychips.co/gifts');

INSERT INTO campaigns (id, organization_id, ad_account_id, name, platform, objective, created_at)
SELECT c.id, d.org, CASE c.platform WHEN 'google_ads' THEN d.google_account ELSE d.meta_account END,
       c.name, c.platform, c.objective, now() - c.age
FROM demo_campaigns c, demo_ids d;

INSERT INTO campaign_budgets (campaign_id, organization_id, type, amount, currency)
SELECT c.id, d.org, c.budget_type, c.amount, 'USD' FROM demo_campaigns c, demo_ids d;

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

INSERT INTO ad_creatives (organization_id, campaign_unit_id, headline, description, media_url, call_to_action, landing_url, created_at)
SELECT u.org, u.id, u.headline, u.description, u.media, u.cta, u.landing,
       now() - u.age
FROM demo_units u;

COMMIT;
