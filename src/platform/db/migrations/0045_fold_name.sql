-- One folding of names for search and uniqueness, in Arabic and Latin letters: lower case, Latin
-- accents removed, Arabic diacritics and tatweel removed, the hamza forms of alef, ta marbuta and
-- alif maqsura unified, punctuation turned into single spaces. IMMUTABLE so that generated columns
-- and unique indexes can use it (unaccent is not immutable, hence translate()). Accented capitals
-- are mapped explicitly: lower() leaves them as they are under the C locale.
CREATE FUNCTION app.fold_name(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT btrim(regexp_replace(
    translate(
      regexp_replace(lower(value), '[\u064B-\u065F\u0670\u0640]', '', 'g'),
      'أإآٱةىàáâãäåçèéêëìíîïñòóôõöùúûüýÿœæÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝŸŒÆ',
      'ااااهيaaaaaaceeeeiiiinooooouuuuyyoaaaaaaaceeeeiiiinooooouuuuyyoa'),
    '[^a-z0-9\u0621-\u064A\u0660-\u0669]+', ' ', 'g'))
$$;
