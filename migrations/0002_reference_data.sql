-- Reference data of SPEC §3, with Russian names beside the English ones.

INSERT INTO country(code, currency, name_en, name_ru) VALUES
  ('KZ', 'KZT', 'Kazakhstan', 'Казахстан'),
  ('KG', 'KGS', 'Kyrgyzstan', 'Кыргызстан');

INSERT INTO district(id, code, name_en, name_ru, country, region_en, region_ru) VALUES
  (1, 'KAZ', 'Kaztalov', 'Казталовский', 'KZ', 'West Kazakhstan', 'Западно-Казахстанская'),
  (2, 'ZHA', 'Zhanibek', 'Жанибекский', 'KZ', 'West Kazakhstan', 'Западно-Казахстанская'),
  (3, 'BOK', 'Bokeyorda', 'Бокейординский', 'KZ', 'West Kazakhstan', 'Западно-Казахстанская'),
  (4, 'AKZ', 'Akzhaik', 'Акжаикский', 'KZ', 'West Kazakhstan', 'Западно-Казахстанская'),
  (5, 'TAL', 'Talgar', 'Талгарский', 'KZ', 'Almaty', 'Алматинская'),
  (6, 'KRS', 'Karasay', 'Карасайский', 'KZ', 'Almaty', 'Алматинская'),
  (7, 'CHU', 'Chuy', 'Чуйский', 'KG', 'Chuy', 'Чуйская'),
  (8, 'KEM', 'Kemin', 'Кеминский', 'KG', 'Chuy', 'Чуйская'),
  (9, 'TON', 'Ton', 'Тонский', 'KG', 'Issyk-Kul', 'Иссык-Кульская');

INSERT INTO conservancy(id, name_en, name_ru, district_id) VALUES
  (1, 'Shamshy', 'Шамшы', 7),
  (2, 'Baiboosun', 'Байбообун', 9);

INSERT INTO species(code, name_en, name_ru) VALUES
  ('saiga', 'saiga antelope', 'сайгак'),
  ('snow_leopard', 'snow leopard', 'снежный барс'),
  ('wolf', 'wolf', 'волк'),
  ('brown_bear', 'brown bear', 'бурый медведь'),
  ('wild_boar', 'wild boar', 'кабан'),
  ('other', 'other', 'другой вид');

INSERT INTO damage_type(code, name_en, name_ru) VALUES
  ('livestock_predation', 'livestock predation', 'хищничество по отношению к скоту'),
  ('disease_spread', 'disease spread', 'распространение болезней'),
  ('pasture_trampling', 'pasture trampling', 'вытаптывание пастбищ'),
  ('hay_loss', 'hay loss', 'потеря сена'),
  ('crop_invasion', 'crop invasion', 'потрава посевов'),
  ('water_depletion', 'water depletion', 'истощение водопоев');

INSERT INTO item(code, name_en, name_ru, unit, livestock_class, age) VALUES
  ('sheep_goat.adult', 'adult sheep or goat', 'взрослая овца или коза', 'head', 'sheep_goat', 'adult'),
  ('sheep_goat.young', 'young sheep or goat', 'ягнёнок или козлёнок', 'head', 'sheep_goat', 'young'),
  ('cattle.adult', 'adult cattle', 'взрослый КРС', 'head', 'cattle', 'adult'),
  ('cattle.young', 'young cattle', 'молодняк КРС', 'head', 'cattle', 'young'),
  ('horse.adult', 'adult horse', 'взрослая лошадь', 'head', 'horse', 'adult'),
  ('horse.young', 'young horse', 'жеребёнок', 'head', 'horse', 'young'),
  ('camel.adult', 'adult camel', 'взрослый верблюд', 'head', 'camel', 'adult'),
  ('camel.young', 'young camel', 'верблюжонок', 'head', 'camel', 'young'),
  ('yak.adult', 'adult yak', 'взрослый як', 'head', 'yak', 'adult'),
  ('yak.young', 'young yak', 'молодняк яка', 'head', 'yak', 'young'),
  ('pasture.light', 'pasture, light damage', 'пастбище, лёгкий ущерб', 'hectare', NULL, NULL),
  ('pasture.moderate', 'pasture, moderate damage', 'пастбище, средний ущерб', 'hectare', NULL, NULL),
  ('pasture.severe', 'pasture, severe damage', 'пастбище, сильный ущерб', 'hectare', NULL, NULL),
  ('hay', 'hay', 'сено', 'tonne', NULL, NULL),
  ('crop.wheat', 'wheat', 'пшеница', 'hectare', NULL, NULL),
  ('crop.barley', 'barley', 'ячмень', 'hectare', NULL, NULL),
  ('crop.fodder', 'fodder crops', 'кормовые культуры', 'hectare', NULL, NULL),
  ('crop.other', 'other crops', 'прочие культуры', 'hectare', NULL, NULL),
  ('water.point_day', 'water point-day', 'водопой-день', 'point_day', NULL, NULL);

INSERT INTO damage_item(damage_type, item)
  SELECT d.code, i.code FROM damage_type d, item i
  WHERE d.code IN ('livestock_predation', 'disease_spread') AND i.unit = 'head';
INSERT INTO damage_item(damage_type, item)
  SELECT 'pasture_trampling', code FROM item WHERE code LIKE 'pasture.%';
INSERT INTO damage_item(damage_type, item) VALUES ('hay_loss', 'hay');
INSERT INTO damage_item(damage_type, item)
  SELECT 'crop_invasion', code FROM item WHERE code LIKE 'crop.%';
INSERT INTO damage_item(damage_type, item) VALUES ('water_depletion', 'water.point_day');
