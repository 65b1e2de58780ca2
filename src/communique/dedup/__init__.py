"""Events, not articles: copies, reposts and translations of an article are grouped into
stories, and the reports of one real-world event, in any language, into one merged
event. `rules` says when two articles or two event reports go together, `groups` turns
those links into groups with stable ids, and `store` keeps both up to date in the
database as batches arrive."""
