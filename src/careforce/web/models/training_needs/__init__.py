"""The priority training needs a partnership agreed each year."""
