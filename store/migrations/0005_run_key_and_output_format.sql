-- Migration 5 (issue 27): each run records
--   phone_key_fingerprint: the first 16 hex of SHA-256(HMAC(phone key, "gridpay-key-fingerprint")),
--     never the key; `gridpay audit` says when the key it would re-hash with is another one. Runs
--     recorded before it leave it empty: their key cannot be checked.
--   output_format: the rules its rows and files were written under, so that its audit re-run uses
--     the same ones. 2: source_file is the path inside the inbox (surveys/2026-09.csv and
--     surveys/2026-09/2026-09.csv stay two files) and quarantine.csv masks mobile and ID numbers
--     typed into response_id. Empty (runs before it): the bare file name (2026-09.csv), ids as typed.
alter table runs add column if not exists phone_key_fingerprint varchar;
alter table runs add column if not exists output_format integer;
