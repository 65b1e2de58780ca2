-- The knowledge base as used by the pipeline: the bundled facts (source 'bundled') and
-- what users import from their own Wikidata exports (source 'import:<file name>').
CREATE TABLE kb_persons (
    entity_id VARCHAR PRIMARY KEY,
    qid VARCHAR,
    name VARCHAR NOT NULL,
    country VARCHAR,
    source VARCHAR NOT NULL
);

CREATE TABLE kb_aliases (
    entity_id VARCHAR NOT NULL,
    alias VARCHAR NOT NULL,
    PRIMARY KEY (entity_id, alias)
);

CREATE TABLE kb_offices (
    entity_id VARCHAR NOT NULL,
    role VARCHAR NOT NULL,
    country VARCHAR NOT NULL,
    start_date DATE,
    end_date DATE,
    note VARCHAR,
    source VARCHAR NOT NULL
);

CREATE TABLE kb_organisations (
    code VARCHAR PRIMARY KEY,
    qid VARCHAR,
    name VARCHAR NOT NULL,
    source VARCHAR NOT NULL
);

CREATE TABLE kb_meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR
);
