"""The stage board: one list model and view per stage column, painted by one delegate."""
