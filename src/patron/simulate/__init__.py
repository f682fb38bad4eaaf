"""Escalation simulation over the claim graph: who joins a war, against whom, how soon.

See :mod:`patron.simulate.hazard` for the model and README "Escalation simulation".
"""
