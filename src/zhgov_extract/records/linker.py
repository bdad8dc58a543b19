"""The ``records`` component: project and metric records from the spans on the Doc.

Records are built in normalised offsets like every span; the pipeline maps
each pointer back to the source and validates the record against its model.
"""
from __future__ import annotations

from zhgov_extract.records.build import LinkedRecord
from zhgov_extract.records.context import DocContext
from zhgov_extract.records.metrics import MetricLinker, MetricRules
from zhgov_extract.records.projects import ProjectLinker
from zhgov_extract.registry import register_component
from zhgov_extract.taggers.project_rules import ProjectRules
from zhgov_extract.text.doc import Doc


@register_component("records", requires=("project", "money", "percent", "quantity", "enterprise", "region", "date"),
                    _builtin=True)
def records_component(ex):
    rules_dir = ex.rules_dir
    projects = ProjectLinker(ProjectRules.load(rules_dir / "projects.yaml" if rules_dir else None))
    from zhgov_extract.taggers.enterprises.words import jieba_dictionary

    metrics = MetricLinker(MetricRules.load(rules_dir / "metrics.yaml" if rules_dir else None), jieba_dictionary()[1])

    def run(doc: Doc) -> None:
        ctx = DocContext(doc)
        project_records, used = projects(ctx)
        doc.records.extend(map(LinkedRecord, project_records))  # marked: the report builds them unvalidated
        doc.records.extend(map(LinkedRecord, metrics(ctx, used)))

    return run
