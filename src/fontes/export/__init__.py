"""Exports: the JSON dossier and lint reports, each derived from the document model."""
