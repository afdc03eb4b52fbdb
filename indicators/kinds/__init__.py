"""One module per indicator; each registers its sections and target measures on import
(indicators.apps imports them all)."""
