-- One Russian term per concept, as the Kazakh ministry writes it (see templates/words.ru.txt):
-- livestock predation is «нападение хищников на скот», not the literal «хищничество по
-- отношению к скоту» 0002 seeded. Reference names only; no audited state changes.
UPDATE damage_type SET name_ru = 'нападение хищников на скот' WHERE code = 'livestock_predation';
