-- 1. The quote as written. quotes.quote_text stays the text the models read (processed_text when
--    the file had one); original_text keeps quote_text when it differs, else NULL.
ALTER TABLE quotes ADD COLUMN original_text VARCHAR(10000);

-- 2. Canonical topic ids. Earlier imports stored the seed's float topic ids as written ('543.0');
--    new imports store '543'. Rename every stored '<digits>.0' to '<digits>', keeping the topic's
--    ordinal (class indexes must not move). topics.name is referenced by labels.topic, so the
--    canonical row is added first under a temporary negative ordinal, the references move, the old
--    row goes and the canonical row takes the old ordinal. When both forms exist already, the
--    canonical row keeps its own ordinal and the float one is merged into it.
--    A name qualifies when it ends in '.0' and only digits precede it (the nested REPLACEs remove
--    the digits: plain SQL that PostgreSQL runs too, where regular expressions differ).

INSERT INTO topics (ordinal, name)
SELECT -t.ordinal, SUBSTRING(t.name FROM 1 FOR CHAR_LENGTH(t.name) - 2)
FROM topics t
WHERE t.name LIKE '%.0' AND CHAR_LENGTH(t.name) > 2
  AND REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(
        SUBSTRING(t.name FROM 1 FOR CHAR_LENGTH(t.name) - 2),
        '0', ''), '1', ''), '2', ''), '3', ''), '4', ''), '5', ''), '6', ''), '7', ''), '8', ''), '9', '') = ''
  AND NOT EXISTS (SELECT 1 FROM topics u WHERE u.name = SUBSTRING(t.name FROM 1 FOR CHAR_LENGTH(t.name) - 2));

-- the rows to rename, remembered once so the same test is not repeated for every table
CREATE TABLE topic_renames (old_name VARCHAR(200) NOT NULL PRIMARY KEY, new_name VARCHAR(200) NOT NULL);
INSERT INTO topic_renames (old_name, new_name)
SELECT t.name, SUBSTRING(t.name FROM 1 FOR CHAR_LENGTH(t.name) - 2)
FROM topics t
WHERE t.ordinal > 0 AND t.name LIKE '%.0' AND CHAR_LENGTH(t.name) > 2
  AND REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(
        SUBSTRING(t.name FROM 1 FOR CHAR_LENGTH(t.name) - 2),
        '0', ''), '1', ''), '2', ''), '3', ''), '4', ''), '5', ''), '6', ''), '7', ''), '8', ''), '9', '') = '';

UPDATE labels SET topic = (SELECT r.new_name FROM topic_renames r WHERE r.old_name = labels.topic)
WHERE topic IN (SELECT old_name FROM topic_renames);
UPDATE label_history SET old_topic = (SELECT r.new_name FROM topic_renames r WHERE r.old_name = label_history.old_topic)
WHERE old_topic IN (SELECT old_name FROM topic_renames);
UPDATE label_history SET new_topic = (SELECT r.new_name FROM topic_renames r WHERE r.old_name = label_history.new_topic)
WHERE new_topic IN (SELECT old_name FROM topic_renames);
UPDATE predictions SET predicted_topic = (SELECT r.new_name FROM topic_renames r WHERE r.old_name = predictions.predicted_topic)
WHERE predicted_topic IN (SELECT old_name FROM topic_renames);

-- the renamed rows go; a canonical row added above takes over the old row's ordinal
DELETE FROM topics WHERE name IN (SELECT old_name FROM topic_renames);
UPDATE topics SET ordinal = -ordinal WHERE ordinal < 0;
DROP TABLE topic_renames;
