-- The Google manager account a user reaches an ad account through (the `login-customer-id` of its requests): an
-- agency's client accounts are reached through the agency's manager account, per connection, not one manager for
-- the deployment (https://developers.google.com/google-ads/api/docs/concepts/call-structure#cid).
ALTER TABLE ad_accounts
    ADD COLUMN login_customer_id text CONSTRAINT ad_accounts_login_customer_id_check CHECK (login_customer_id ~ '^[0-9]{10}$');
