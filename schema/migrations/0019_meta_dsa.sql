-- The EU Digital Services Act's transparency fields of a Meta ad account: who benefits from its ads and who pays
-- for them. Meta requires `dsa_beneficiary` and `dsa_payor` on every ad set that targets the EU (Meta for
-- Developers blog, "New Marketing and MPA API Requirements for Facebook and Instagram Ads Targeting the EU",
-- 2023-05-16); the account holds the values its EU ad sets are created with.
ALTER TABLE ad_accounts
    ADD COLUMN dsa_beneficiary text CONSTRAINT ad_accounts_dsa_beneficiary_length CHECK (char_length(dsa_beneficiary) BETWEEN 1 AND 255),
    ADD COLUMN dsa_payor text CONSTRAINT ad_accounts_dsa_payor_length CHECK (char_length(dsa_payor) BETWEEN 1 AND 255),
    ADD CONSTRAINT ad_accounts_dsa_both_check CHECK ((dsa_beneficiary IS NULL) = (dsa_payor IS NULL));
