"""zhgov_extract: structured records from Chinese government reports and news.

>>> from zhgov_extract import extract
>>> r = extract("项目总投资14.8亿元，同比增长7.4%。")
>>> [(m.type, m.text, m.norm.value) for m in r.mentions]
[('money', '14.8亿元', '1480000000'), ('percent', '7.4%', '7.4')]
"""
from importlib import import_module

__version__ = "0.1.0"

# Imported on first use, not with the package: the command line (``--help``, a batch with
# nothing new to load) then starts without loading the pipeline, rules and tokenizer.
_EXPORTS = {
    "Report": "zhgov_extract.models",
    "ComponentError": "zhgov_extract.pipeline", "Extractor": "zhgov_extract.pipeline",
    "extract": "zhgov_extract.pipeline",
    "RegistryError": "zhgov_extract.registry", "register_component": "zhgov_extract.registry",
    "registered_components": "zhgov_extract.registry",
    "declare_type": "zhgov_extract.types",
    "ReadError": "zhgov_extract.read.encoding", "read_text": "zhgov_extract.read.encoding",
}
__all__ = [*_EXPORTS, "__version__"]


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'zhgov_extract' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(__all__)
