-- Full-text search for Chinese: FTS5's trigram tokenizer matches any 3+ character substring.
-- Shorter queries (宪法, 宣誓) go through LIKE in the services. The rowid is the row's id in the
-- base table; the services keep these tables in step inside the same transaction.
CREATE VIRTUAL TABLE law_article_fts USING fts5(text, tokenize = 'trigram');
--> statement-breakpoint
CREATE VIRTUAL TABLE question_fts USING fts5(body, tokenize = 'trigram');
