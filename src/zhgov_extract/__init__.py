"""zhgov_extract: structured records from Chinese government reports and news.

>>> from zhgov_extract import extract
>>> r = extract("项目总投资14.8亿元，同比增长7.4%。")
>>> [(m.type, m.text, m.norm.value) for m in r.mentions]
[('money', '14.8亿元', '1480000000'), ('percent', '7.4%', '7.4')]
"""
from zhgov_extract.models import Report
from zhgov_extract.pipeline import ComponentError, Extractor, extract
from zhgov_extract.registry import RegistryError, register_component, registered_components
from zhgov_extract.types import declare_type
from zhgov_extract.read.encoding import ReadError, read_text

__all__ = ["ComponentError", "Extractor", "Report", "ReadError", "RegistryError", "declare_type", "extract",
           "read_text", "register_component", "registered_components", "__version__"]
__version__ = "0.1.0"
