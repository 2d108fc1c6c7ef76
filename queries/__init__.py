"""Shipped SPARQL queries (data only): ``xianjice query NAME`` runs ``NAME.rq`` from here."""
