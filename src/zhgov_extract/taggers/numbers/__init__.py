"""Money, percent and quantity: rules (``rules.py``), extractor (``extract.py``), parser (``parse.py``).

Split as in Recognizers-Text: the extractor finds where a number and its unit
are written and what they are made of; the parser computes every value from
that (multipliers, ranges, estimates, jiao and fen).  ``taggers/numeric.py``
registers the component.
"""
