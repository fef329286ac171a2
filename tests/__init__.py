"""The test suite is one package, so ``tests.…`` imports work under plain ``pytest`` too."""
