-- Documents as ingested; text kept so that evidence offsets can always be checked.
CREATE TABLE documents (
    doc_id VARCHAR PRIMARY KEY,
    content_hash VARCHAR NOT NULL,
    url VARCHAR,
    published DATE,
    published_source VARCHAR,
    lang VARCHAR,
    title VARCHAR,
    origin VARCHAR,
    text VARCHAR NOT NULL,
    n_sentences INTEGER,
    pipeline_version VARCHAR,
    processed_at TIMESTAMP DEFAULT current_timestamp
);

CREATE TABLE mentions (
    doc_id VARCHAR NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    kind VARCHAR NOT NULL,
    text VARCHAR NOT NULL,
    sentence INTEGER,
    country VARCHAR,
    role VARCHAR,
    entity_id VARCHAR,
    name VARCHAR,
    qid VARCHAR,
    head BOOLEAN,
    is_location BOOLEAN,
    reason VARCHAR,
    PRIMARY KEY (doc_id, start_char, end_char, kind)
);

CREATE TABLE entities (
    entity_id VARCHAR PRIMARY KEY,
    type VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    country VARCHAR,
    qid VARCHAR
);

CREATE TABLE events (
    event_id VARCHAR PRIMARY KEY,
    doc_id VARCHAR NOT NULL,
    event_type VARCHAR NOT NULL,
    mode VARCHAR,
    source_name VARCHAR, source_country VARCHAR, source_role VARCHAR, source_sector VARCHAR,
    source_entity_id VARCHAR, source_qid VARCHAR,
    target_name VARCHAR, target_country VARCHAR, target_role VARCHAR, target_sector VARCHAR,
    target_entity_id VARCHAR, target_qid VARCHAR,
    date DATE,
    date_precision VARCHAR,
    location_name VARCHAR,
    location_country VARCHAR,
    evidence_text VARCHAR NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    trigger VARCHAR,
    status VARCHAR,
    confidence DOUBLE,
    cameo VARCHAR,
    quad_class INTEGER,
    goldstein DOUBLE,
    lang VARCHAR,
    resolution_reason VARCHAR,
    pipeline_version VARCHAR
);

CREATE TABLE rejects (
    reject_id VARCHAR PRIMARY KEY,
    origin VARCHAR NOT NULL,
    doc_id VARCHAR,
    reason VARCHAR NOT NULL,
    first_seen TIMESTAMP DEFAULT current_timestamp,
    last_seen TIMESTAMP DEFAULT current_timestamp,
    times INTEGER DEFAULT 1
);
