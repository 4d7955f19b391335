-- The claimant's preferred language (issue #14): the default language of their receipt and
-- decision letter. A language code such as `kk`, `ky`, `ru` or `en`; NULL when none was given,
-- and then documents are printed in English unless `--lang` says otherwise.
ALTER TABLE claimant ADD COLUMN lang TEXT
  CHECK (lang IS NULL OR (length(lang) BETWEEN 2 AND 8 AND lang NOT GLOB '*[^a-z_-]*'));
