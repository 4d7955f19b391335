-- One Russian term per concept (the words table's): cattle is «крупный рогатый скот», as the
-- Kazakh ministry writes it, not the abbreviation 0002 seeded for the two cattle items.
UPDATE item SET name_ru = 'крупный рогатый скот, взрослый' WHERE code = 'cattle.adult';
UPDATE item SET name_ru = 'крупный рогатый скот, молодняк' WHERE code = 'cattle.young';
