"""The annual data appendix for the public: its sections (sentences, tables, charts with their
tables) and its downloads (HTML, tagged PDF, ODS, XLSX)."""
