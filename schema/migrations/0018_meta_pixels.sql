-- The Meta pixel a Sales campaign optimizes for: its ad sets' promoted_object is {pixel_id, custom_event_type}.
ALTER TABLE campaigns
    ADD COLUMN meta_pixel_id text CONSTRAINT campaigns_meta_pixel_id_check CHECK (meta_pixel_id ~ '^[0-9]{1,64}$');
