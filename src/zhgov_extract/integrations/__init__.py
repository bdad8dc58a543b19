"""Adapters to other NLP frameworks.

Each adapter lives in its own module and imports its framework there, so
``import zhgov_extract`` never pulls in spaCy (or anything else optional).
"""
