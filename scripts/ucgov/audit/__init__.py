"""Audit logs: the deterministic sample-log generator and the static security dashboard."""
