"""Entities: people, organisations and places, their mentions, and who is who."""
