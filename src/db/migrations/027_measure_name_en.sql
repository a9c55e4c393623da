-- Measures in English for the console's English mode: the platform seeded the catalogue of joint
-- reward and sanction measures, so it owns their words in both languages (operators may set their own).
alter table measure add column name_en text;
update measure m set name_en = v.en from (values
  ('restrict_licensing', 'Restricted administrative licensing and market access'),
  ('cancel_bidding', 'Excluded from bidding'),
  ('restrict_procurement', 'Restricted from government procurement'),
  ('restrict_land_transfer', 'Restricted from land transfers'),
  ('market_ban', 'Barred from the market or trade'),
  ('restrict_franchise', 'Restricted from franchises'),
  ('restrict_high_consumption', 'Restricted high consumption'),
  ('restrict_posts', 'Restricted from holding related posts'),
  ('restrict_subsidies', 'Restricted from public funding'),
  ('restrict_honours', 'Restricted from awards and honours'),
  ('revoke_honours', 'Honours withdrawn'),
  ('restrict_financing', 'Prudent lending, stricter financing terms'),
  ('focused_review', 'Close review'),
  ('withdraw_facilitation', 'Facilitation withdrawn, notification-and-commitment not applicable'),
  ('focused_inspection', 'Closer inspection, higher inspection ratio'),
  ('green_channel', 'Fast-track approval, acceptance with missing documents'),
  ('procurement_bonus', 'Credit bonus in procurement and bidding'),
  ('financing_preference', 'Preferential credit financing (信易贷)'),
  ('fewer_inspections', 'Fewer and less frequent inspections'),
  ('honour_priority', 'Priority for awards and honours')
) v(code, en) where m.code = v.code and m.name_en is null;
