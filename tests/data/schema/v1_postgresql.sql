-- zhgov-extract 0.1.0, schema version 1, dialect postgresql

CREATE TABLE documents (
	id BIGSERIAL NOT NULL, 
	sha256 VARCHAR(64) NOT NULL, 
	text_sha256 VARCHAR(64) NOT NULL, 
	doc_id TEXT, 
	source_path TEXT NOT NULL, 
	format VARCHAR(16) NOT NULL, 
	encoding VARCHAR(64), 
	n_bytes BIGINT NOT NULL, 
	n_chars INTEGER NOT NULL, 
	n_mentions INTEGER NOT NULL, 
	n_records INTEGER NOT NULL, 
	sentences JSONB, 
	warnings JSONB, 
	text TEXT, 
	extractor_version VARCHAR(32) NOT NULL, 
	loaded_at TIMESTAMP WITH TIME ZONE NOT NULL, 
	CONSTRAINT pk_documents PRIMARY KEY (id), 
	CONSTRAINT uq_documents_sha256 UNIQUE (sha256)
);

CREATE INDEX ix_documents_source_path ON documents (source_path);

CREATE INDEX ix_documents_text_sha256 ON documents (text_sha256);

CREATE TABLE errors (
	id BIGSERIAL NOT NULL, 
	source_path TEXT NOT NULL, 
	sha256 VARCHAR(64) NOT NULL, 
	format VARCHAR(16), 
	reason VARCHAR(32) NOT NULL, 
	message TEXT NOT NULL, 
	extractor_version VARCHAR(32) NOT NULL, 
	occurred_at TIMESTAMP WITH TIME ZONE NOT NULL, 
	CONSTRAINT pk_errors PRIMARY KEY (id), 
	CONSTRAINT uq_errors_source_path_sha256 UNIQUE (source_path, sha256)
);

CREATE INDEX ix_errors_reason ON errors (reason);

CREATE TABLE zhgov_schema (
	key VARCHAR(64) NOT NULL, 
	value TEXT NOT NULL, 
	CONSTRAINT pk_zhgov_schema PRIMARY KEY (key)
);

CREATE TABLE enterprises (
	document_id BIGINT NOT NULL, 
	ordinal INTEGER NOT NULL, 
	record_ordinal INTEGER, 
	canonical TEXT NOT NULL, 
	category VARCHAR(32), 
	group_name TEXT, 
	entity_id VARCHAR(128), 
	n_mentions INTEGER NOT NULL, 
	first_start INTEGER, 
	first_end INTEGER, 
	mentions JSONB, 
	CONSTRAINT pk_enterprises PRIMARY KEY (document_id, ordinal), 
	CONSTRAINT fk_enterprises_document_id_documents FOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE
);

CREATE INDEX ix_enterprises_canonical ON enterprises (canonical);

CREATE INDEX ix_enterprises_entity_id ON enterprises (entity_id);

CREATE TABLE mentions (
	document_id BIGINT NOT NULL, 
	ordinal INTEGER NOT NULL, 
	type VARCHAR(16) NOT NULL, 
	start_offset INTEGER NOT NULL, 
	end_offset INTEGER NOT NULL, 
	sentence INTEGER NOT NULL, 
	text TEXT NOT NULL, 
	norm JSONB, 
	CONSTRAINT pk_mentions PRIMARY KEY (document_id, ordinal), 
	CONSTRAINT fk_mentions_document_id_documents FOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE
);

CREATE INDEX ix_mentions_type ON mentions (type);

CREATE TABLE projects (
	document_id BIGINT NOT NULL, 
	ordinal INTEGER NOT NULL, 
	mention_ordinal INTEGER, 
	record_ordinal INTEGER, 
	name TEXT NOT NULL, 
	start_offset INTEGER, 
	end_offset INTEGER, 
	sentence INTEGER, 
	attrs JSONB, 
	CONSTRAINT pk_projects PRIMARY KEY (document_id, ordinal), 
	CONSTRAINT fk_projects_document_id_documents FOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE
);

CREATE INDEX ix_projects_name ON projects (name);

CREATE TABLE records (
	document_id BIGINT NOT NULL, 
	ordinal INTEGER NOT NULL, 
	kind VARCHAR(32) NOT NULL, 
	payload JSONB NOT NULL, 
	CONSTRAINT pk_records PRIMARY KEY (document_id, ordinal), 
	CONSTRAINT fk_records_document_id_documents FOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE
);

CREATE INDEX ix_records_kind ON records (kind);

CREATE TABLE metrics (
	document_id BIGINT NOT NULL, 
	mention_ordinal INTEGER NOT NULL, 
	type VARCHAR(16) NOT NULL, 
	start_offset INTEGER NOT NULL, 
	end_offset INTEGER NOT NULL, 
	sentence INTEGER NOT NULL, 
	text TEXT NOT NULL, 
	value VARCHAR(64), 
	value_num FLOAT, 
	low VARCHAR(64), 
	low_num FLOAT, 
	high VARCHAR(64), 
	high_num FLOAT, 
	qualifier VARCHAR(16), 
	unit VARCHAR(64), 
	currency VARCHAR(8), 
	per VARCHAR(32), 
	CONSTRAINT pk_metrics PRIMARY KEY (document_id, mention_ordinal), 
	CONSTRAINT fk_metrics_document_id_mention_ordinal_mentions FOREIGN KEY(document_id, mention_ordinal) REFERENCES mentions (document_id, ordinal) ON DELETE CASCADE, 
	CONSTRAINT fk_metrics_document_id_documents FOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE
);

CREATE INDEX ix_metrics_type_unit ON metrics (type, unit);

INSERT INTO zhgov_schema (key, value) VALUES ('version', '1');
