-- Two-character words (宪法, 宣誓) are what Chinese users type most, and the trigram index cannot
-- answer them. This index holds every pair of adjacent characters of a question's text as a token
-- (written by the app, which cuts the text), so such a word is a token lookup, not a LIKE scan.
-- Contentless: the text stays in question_fts; rows are deleted by rowid. The app fills it for
-- questions saved before it existed (at start, in chunks).
CREATE VIRTUAL TABLE question_bigram USING fts5(
	grams,
	tokenize = 'unicode61 remove_diacritics 0',
	content = '',
	contentless_delete = 1,
	detail = none
);
