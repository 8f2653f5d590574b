"""Languages: which one the interface speaks, its vocabulary, error texts and Korean particles."""
