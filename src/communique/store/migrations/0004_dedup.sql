-- Events, not articles. Each document's content signature and each event report's
-- actor keys and evidence vector; the links found between documents (one story) and
-- between reports (one event); and the groups those links make.
CREATE TABLE doc_signatures (
    doc_id VARCHAR PRIMARY KEY,
    text_hash VARCHAR NOT NULL,
    minhash UINTEGER[64] NOT NULL,
    vector FLOAT[512]
);

-- MinHash bands (two values each) of every document: equal bands find reposts.
CREATE TABLE doc_bands (
    band UTINYINT NOT NULL,
    value UBIGINT NOT NULL,
    doc_id VARCHAR NOT NULL
);

CREATE TABLE event_signatures (
    event_id VARCHAR PRIMARY KEY,
    source_key VARCHAR NOT NULL,
    target_key VARCHAR NOT NULL,
    vector FLOAT[512]
);

CREATE TABLE doc_links (
    doc_a VARCHAR NOT NULL,
    doc_b VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    score DOUBLE,
    PRIMARY KEY (doc_a, doc_b)
);

CREATE TABLE event_links (
    event_a VARCHAR NOT NULL,
    event_b VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    score DOUBLE,
    PRIMARY KEY (event_a, event_b)
);

CREATE TABLE stories (
    doc_id VARCHAR PRIMARY KEY,
    story_id VARCHAR NOT NULL
);

CREATE TABLE event_groups (
    event_id VARCHAR PRIMARY KEY,
    merged_id VARCHAR NOT NULL
);
