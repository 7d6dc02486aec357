"""budget-audit: consistency audit of Chinese final-accounts disclosures."""

__version__ = "0.1.0"
