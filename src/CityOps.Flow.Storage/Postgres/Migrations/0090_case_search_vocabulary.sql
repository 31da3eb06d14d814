-- SQLite counts the cases of each keyword term (fts5vocab) so a search within one area can choose its index; the GIN
-- index here keeps no such count, and a search within one area always reads the area's (area, opened_at) indexes.
COMMENT ON COLUMN cases.search_terms IS 'Keyword terms: Chinese character bigrams and lower-cased Latin/digit words (CaseSearchTerms); a search within one area rechecks by substring instead of using this index.';
