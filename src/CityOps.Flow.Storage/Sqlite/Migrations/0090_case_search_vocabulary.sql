-- How many cases hold each keyword term (fts5vocab over the keyword index), so a search within one area can choose:
-- a rare term is read from the keyword index, a common one is rechecked within the area's own index.
CREATE VIRTUAL TABLE case_search_vocabulary USING fts5vocab(case_search, 'row');
