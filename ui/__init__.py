"""Helpers of the Streamlit dashboard: corpus assembly (pure) and session/cache wiring."""
