"""Radio channel: Vietnamese read-aloud normalisation, QA flags and read-time estimates."""
