"""The text layer, below every stage: how names, spellings, years and periods are written.

Any stage may use these helpers; they import only the model, never a stage, so that the
stages stay in data-flow order (reading → structure → entities → time → checks → export).
"""
