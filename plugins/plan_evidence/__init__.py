"""Plan-fulfilment evidence (placeholder; Pelican glue comes next)."""
