"""Training and validating the learned relation stage."""
