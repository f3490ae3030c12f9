-- Demo data for "Tasty Chips Co.": two connected ad accounts, saved audiences, and a realistic set
-- of campaigns in every state, with units, creatives, execution logs and two weeks of metrics for
-- the ones that ran. Loaded once by scripts/run.sh (psql -v org=<organization id>), only while the
-- organization has no campaigns. Platform tokens come from the OAuth flow, not from here.
\set ON_ERROR_STOP on
BEGIN;

CREATE TEMP TABLE demo_ids AS SELECT
    :'org'::uuid AS org,
    gen_random_uuid() AS google_integration, gen_random_uuid() AS meta_integration,
    gen_random_uuid() AS google_account, gen_random_uuid() AS meta_account,
    gen_random_uuid() AS snackers, gen_random_uuid() AS foodies, gen_random_uuid() AS parents;

INSERT INTO integrations (id, organization_id, provider, expires_at, connected, last_synced_at)
SELECT google_integration, org, 'google_ads', now() + interval '50 minutes', true, now() FROM demo_ids
UNION ALL
SELECT meta_integration, org, 'meta_ads', now() + interval '59 days', true, now() FROM demo_ids;

INSERT INTO ad_accounts (id, organization_id, integration_id, external_account_id, name, currency)
SELECT google_account, org, google_integration, '4815162342', 'Tasty Chips – Search', 'USD' FROM demo_ids
UNION ALL
SELECT meta_account, org, meta_integration, 'act_1029384756', 'Tasty Chips Co. Ads', 'USD' FROM demo_ids;

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
    id uuid DEFAULT gen_random_uuid(), name text, platform text, objective text, status text,
    budget_type text, amount numeric, age interval, external_id text, audience text, headline text,
    description text, media text, cta text, landing text);
INSERT INTO demo_campaigns (name, platform, objective, status, budget_type, amount, age, external_id, audience, headline, description, media, cta, landing) VALUES
    ('Spicy Jalapeño Chips – Launch', 'meta_ads', 'sales', 'live', 'daily', 50.00, '21 days', '120208765432100001', 'snackers',
     'New Spicy Jalapeño Chips | 20% Off', 'Made with organic potatoes and real jalapeños. Crunch into the heat today!',
     'https://cdn.tastychips.co/ads/chips_bag_spicy.jpg', 'shop_now', 'https://www.tastychips.co/spicy'),
    ('Spicy Jalapeño Chips – Search', 'google_ads', 'sales', 'live', 'daily', 40.00, '20 days', '21987654321', 'snackers',
     'Spicy Jalapeño Chips | 20% Off Today', 'Organic potatoes, real jalapeños. Order a crunchy case online now.',
     NULL, 'shop_now', 'https://www.tastychips.co/spicy'),
    ('Sea Salt Classics – Always On', 'google_ads', 'traffic', 'paused', 'daily', 25.00, '60 days', '21987654322', 'foodies',
     'Sea Salt Kettle Chips | Since 1998', 'Hand-cooked in small batches with a pinch of Pacific sea salt.',
     NULL, 'learn_more', 'https://www.tastychips.co/classics'),
    ('Lunchbox Minis – Back to School', 'meta_ads', 'leads', 'completed', 'lifetime', 1500.00, '90 days', '120208765432100002', 'parents',
     'Lunchbox Minis for every day', 'Portion-sized bags with 30% less salt. Get a free sample pack for your family.',
     'https://cdn.tastychips.co/ads/lunchbox_minis.jpg', 'sign_up', 'https://www.tastychips.co/minis'),
    ('BBQ Crunch – Summer Grilling', 'meta_ads', 'traffic', 'draft', 'daily', 30.00, '2 days', NULL, 'foodies',
     'Smoky BBQ Crunch is back', 'Slow-smoked paprika and brown sugar. The grill-side snack of the summer.',
     'https://cdn.tastychips.co/ads/bbq_crunch.jpg', 'learn_more', 'https://www.tastychips.co/bbq'),
    ('Holiday Gift Tins', 'google_ads', 'sales', 'draft', 'lifetime', 2000.00, '1 day', NULL, 'parents',
     'Holiday Chip Tins | Free Shipping', 'Four flavours in a keepsake tin. Order by Dec 15 for delivery.',
     NULL, 'get_offer', 'https://www.tastychips.co/gifts');

INSERT INTO campaigns (id, organization_id, ad_account_id, name, platform, objective, status, created_at)
SELECT c.id, d.org, CASE c.platform WHEN 'google_ads' THEN d.google_account ELSE d.meta_account END,
       c.name, c.platform, c.objective, c.status, now() - c.age
FROM demo_campaigns c, demo_ids d;

INSERT INTO campaign_budgets (campaign_id, organization_id, type, amount, currency)
SELECT c.id, d.org, c.budget_type, c.amount, 'USD' FROM demo_campaigns c, demo_ids d;

CREATE TEMP TABLE demo_units AS
SELECT gen_random_uuid() AS id, c.id AS campaign_id, c.name, c.platform, c.amount, c.age, c.external_id,
       c.headline, c.description, c.media, c.cta, c.landing,
       CASE c.audience WHEN 'snackers' THEN d.snackers WHEN 'foodies' THEN d.foodies ELSE d.parents END AS audience_id,
       d.org
FROM demo_campaigns c, demo_ids d;

INSERT INTO campaign_units (id, organization_id, campaign_id, audience_id, name, budget_allocation, external_id, created_at)
SELECT u.id, u.org, u.campaign_id, u.audience_id,
       CASE u.platform WHEN 'google_ads' THEN 'Ad group – ' ELSE 'Ad set – ' END || split_part(u.name, ' – ', 1),
       u.amount, CASE WHEN u.external_id IS NULL THEN NULL ELSE u.external_id || '01' END, now() - u.age
FROM demo_units u;

INSERT INTO ad_creatives (organization_id, campaign_unit_id, headline, description, media_url, call_to_action, landing_url, external_id, created_at)
SELECT u.org, u.id, u.headline, u.description, u.media, u.cta, u.landing,
       CASE WHEN u.external_id IS NULL THEN NULL ELSE u.external_id || '0101' END, now() - u.age
FROM demo_units u;

INSERT INTO campaign_platform_maps (campaign_id, organization_id, platform, external_campaign_id)
SELECT c.id, d.org, c.platform, c.external_id FROM demo_campaigns c, demo_ids d WHERE c.external_id IS NOT NULL;

INSERT INTO campaign_execution_logs (organization_id, campaign_id, action, status, message, created_at)
SELECT d.org, c.id, step.action, 'success', step.message, now() - c.age + step.offset_time
FROM demo_campaigns c, demo_ids d,
     (VALUES ('launch.create_campaign', 'campaign created on the platform', interval '1 second'),
             ('launch.create_ad_group', 'ad group / ad set created', interval '2 seconds'),
             ('launch.create_ad', 'ad created', interval '3 seconds'),
             ('launch.complete', 'campaign is live', interval '4 seconds')) AS step (action, message, offset_time)
WHERE c.external_id IS NOT NULL;

-- Two weeks of daily metrics for the campaigns that ran, deterministic per campaign and day.
INSERT INTO campaign_metrics (organization_id, campaign_id, metric_id, date, value)
SELECT d.org, c.id, m.id, day::date,
       CASE m.key
           WHEN 'impressions' THEN 4000 + (abs(hashtext(c.name || day::text)) % 3000)
           WHEN 'clicks' THEN 80 + (abs(hashtext(c.name || day::text || 'c')) % 90)
           WHEN 'spend' THEN round((c.amount * (0.7 + (abs(hashtext(c.name || day::text || 's')) % 30) / 100.0))::numeric, 2)
           WHEN 'conversions' THEN 3 + (abs(hashtext(c.name || day::text || 'v')) % 12)
       END
FROM demo_campaigns c, demo_ids d, metric_definitions m,
     generate_series(current_date - 14, current_date - 1, interval '1 day') AS day
WHERE c.external_id IS NOT NULL AND m.key IN ('impressions', 'clicks', 'spend', 'conversions');

COMMIT;
