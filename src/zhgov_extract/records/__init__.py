"""Records: mentions tied into the rows analysts load (project, metric, enterprise records).

Importing this package registers the ``records`` component.
"""
from zhgov_extract.records import linker  # noqa: F401  (registers the component)
