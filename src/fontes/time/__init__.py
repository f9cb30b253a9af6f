"""Time: dates and periods as printed, normalised to EDTF."""
