-- Which fixed-total rounding rules reproduce an annex's decided amounts, computed when the annex
-- and its comparison key were saved: [{"rounding": "nearest-largest", "differing": 0}, …].
ALTER TABLE grant_distributions ADD COLUMN comparison_roundings jsonb;
