"""Three Houses: a child's drawing pad and the page of worries, good things and dreams."""
