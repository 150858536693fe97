"""Priority training needs pages (action 1.3)."""
