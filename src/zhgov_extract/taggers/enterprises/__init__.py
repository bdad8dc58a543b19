"""The enterprise stage, one module per job around a shared name-boundary module:

- ``rules``: ``rules/enterprise.yaml`` as a typed model, compiled;
- ``words``: jieba's dictionary (frequency, part of speech) and name characters;
- ``boundaries``: where a name starts and ends (shared by every rule below and by
  ``taggers/organizations.py``), and the per-document :class:`Scan`;
- ``names``: gazetteer names and aliases; ``structure``: names by their form words;
- ``lists``: items of enterprise lists; ``tagger``: the component that merges them.

Linking lives in ``zhgov_extract.link.linker``.
"""
from zhgov_extract.taggers.enterprises.tagger import EnterpriseTagger, enterprise_component  # noqa: F401
